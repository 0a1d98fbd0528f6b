// A Playwright reporter that writes the accessibility report: one HTML
// file a tester can read without the code, with each state and
// council's checks, what they measured, the ARIA snapshot and the
// screenshots. It reads only what tests/a11y/record.ts attaches, and
// writes nothing when no accessibility test ran.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  Reporter,
  TestCase,
  TestResult,
} from '@playwright/test/reporter';
import { RECORD_ATTACHMENT, type StateRecord } from './record';

interface Entry {
  title: string;
  /** Where the test stands in its file: the suite's own order. */
  order: number;
  status: string;
  error: string;
  record?: StateRecord;
  images: Map<string, string>;
  seconds: number;
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );

const STYLE = `
body { font: 16px/1.4 system-ui, sans-serif; margin: 1rem auto;
  max-width: 75rem; padding: 0 1rem; color: #0b0c0c; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
th, td { border: 1px solid #b1b4b6; padding: .3rem .5rem;
  text-align: left; vertical-align: top; }
.pass { color: #005a30; font-weight: 700; }
.fail { color: #942514; font-weight: 700; }
pre { background: #f3f2f1; padding: .5rem; overflow-x: auto;
  font-size: 13px; }
figure { display: inline-block; margin: 0 1rem 1rem 0;
  vertical-align: top; }
figure img { border: 1px solid #505a5f; max-width: 20rem; }
ul { margin: 0; padding-left: 1.2rem; }
section { border-top: 4px solid #0b0c0c; margin-top: 2rem; }
a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
`;

function verdict(pass: boolean): string {
  return pass
    ? '<span class="pass">pass</span>'
    : '<span class="fail">FAIL</span>';
}

function anchor(entry: Entry): string {
  const r = entry.record;
  return r ? `${r.state}-${r.council}` : entry.title.replace(/\W+/g, '-');
}

function checkRows(record: StateRecord): string {
  return record.checks
    .map((c) => {
      const lines = c.measured.map((m) => `<li>${escape(m)}</li>`).join('');
      return `<tr><th scope="row">${escape(c.criterion)}</th>` +
        `<td>${escape(c.proves)}</td><td>${verdict(c.pass)}` +
        `<br>${(c.ms / 1000).toFixed(1)} s</td>` +
        `<td><ul>${lines}</ul></td></tr>`;
    })
    .join('\n');
}

function figures(entry: Entry): string {
  const shots = entry.record?.screenshots ?? [];
  return shots
    .map((s) => {
      const file = entry.images.get(s.label);
      if (!file) return '';
      const alt = `${entry.title}, ${s.label}`;
      return `<figure><a href="${file}"><img src="${file}" ` +
        `alt="${escape(alt)}"></a><figcaption>${escape(s.label)}` +
        '</figcaption></figure>';
    })
    .join('');
}

function section(entry: Entry): string {
  const r = entry.record;
  const heading = `<h2 id="${anchor(entry)}">${escape(entry.title)}</h2>`;
  const status = `<p>Test ${escape(entry.status)} in ` +
    `${entry.seconds.toFixed(1)} s.</p>`;
  const error = entry.error && !r
    ? `<pre>${escape(entry.error)}</pre>` : '';
  if (!r) return `<section>${heading}${status}${error}</section>`;
  return `<section>${heading}${status}
<table><caption>Checks</caption><thead><tr><th scope="col">Criterion</th>
<th scope="col">A pass means</th><th scope="col">Result</th>
<th scope="col">Measured</th></tr></thead><tbody>
${checkRows(r)}</tbody></table>
<h3>ARIA snapshot (the accessibility tree)</h3><pre>${escape(r.aria)}</pre>
<h3>Screenshots</h3>${figures(entry)}</section>`;
}

/** "Outcome: paid (northmoor)" as its state and council. */
function split(title: string): [string, string] {
  const parts = /^(.*) \(([^)]+)\)$/.exec(title);
  return parts ? [parts[1], parts[2]] : [title, ''];
}

function cell(entry: Entry | undefined): string {
  if (!entry) return '<td>does not apply</td>';
  const checks = entry.record?.checks ?? [];
  const passed = checks.filter((c) => c.pass).length;
  return `<td><a href="#${anchor(entry)}">` +
    `${verdict(entry.status === 'passed')}</a> ` +
    `${passed} of ${checks.length} checks</td>`;
}

/** States down, councils across, in the order the suite runs them. */
function summary(entries: Entry[]): string {
  const states = [...new Set(entries.map((e) => split(e.title)[0]))];
  const councils = [...new Set(entries.map((e) => split(e.title)[1]))];
  const find = (state: string, council: string) =>
    entries.find((e) => e.title === `${state} (${council})`);
  const head = councils.map((c) => `<th scope="col">${escape(c)}</th>`);
  const rows = states.map((state) => {
    const cells = councils.map((c) => cell(find(state, c)));
    return `<tr><th scope="row">${escape(state)}</th>${cells.join('')}</tr>`;
  });
  return `<table><caption>Each state (down) for each council (across)
</caption><thead><tr><th scope="col">State</th>${head.join('')}</tr>
</thead><tbody>\n${rows.join('\n')}</tbody></table>`;
}

class AccessibilityReport implements Reporter {
  private entries: Entry[] = [];
  private readonly folder: string;
  private started = Date.now();

  constructor(options: { outputFolder?: string } = {}) {
    this.folder = path.resolve(options.outputFolder ?? 'target/a11y-report');
  }

  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!test.location.file.includes(`${path.sep}a11y${path.sep}`)) return;
    if (!test.location.file.endsWith('states.spec.ts')) return;
    const attached = result.attachments.find(
      (a) => a.name === RECORD_ATTACHMENT,
    );
    const record = attached?.body
      ? (JSON.parse(attached.body.toString()) as StateRecord)
      : undefined;
    const images = new Map<string, string>();
    for (const a of result.attachments) {
      if (a.path && a.name.startsWith('screenshot: ')) {
        images.set(a.name.slice('screenshot: '.length), a.path);
      }
    }
    this.entries.push({
      title: test.title,
      order: test.parent.tests.indexOf(test),
      status: result.status,
      error: result.error?.message ?? '',
      record,
      images,
      seconds: result.duration / 1000,
    });
  }

  onEnd(): void {
    if (this.entries.length === 0) return;
    rmSync(this.folder, { recursive: true, force: true });
    mkdirSync(path.join(this.folder, 'img'), { recursive: true });
    for (const entry of this.entries) {
      for (const [label, from] of entry.images) {
        const name = path.join('img', path.basename(from));
        copyFileSync(from, path.join(this.folder, name));
        entry.images.set(label, name);
      }
    }
    this.entries.sort((a, b) => a.order - b.order);
    writeFileSync(path.join(this.folder, 'index.html'), this.page());
    const passed = this.entries.filter((e) => e.status === 'passed').length;
    console.log(
      `\nAccessibility report (${passed} of ${this.entries.length} ` +
        `states passed): ${path.join(this.folder, 'index.html')}`,
    );
  }

  private page(): string {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(0);
    const when = new Date().toISOString().replace('T', ' ').slice(0, 19);
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>paypage accessibility report</title><style>${STYLE}</style></head>
<body><main><h1>paypage accessibility report</h1>
<p>Run at ${when} UTC; the run took ${seconds} s. Each state of the
card page was checked for each council in <code>councils/</code>. What
each check proves, and what automation cannot, is in
<code>docs/accessibility.md</code>.</p>
${summary(this.entries)}
${this.entries.map(section).join('\n')}
</main></body></html>
`;
  }
}

export default AccessibilityReport;

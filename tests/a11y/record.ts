// What one state of one council measured: every check's verdict and
// the figures behind it, attached to the test so the report
// (tests/a11y/reporter.ts) can show a tester what was found.
import { expect, type Page, type TestInfo } from '@playwright/test';

export interface CheckResult {
  /** Short and stable: "reflow-320", "axe". */
  id: string;
  /** The WCAG success criterion, or what the check is about. */
  criterion: string;
  /** What a pass proves, in a sentence. */
  proves: string;
  pass: boolean;
  /** What was measured, one finding a line. */
  measured: string[];
  /** How long the check took. */
  ms: number;
}

export interface StateRecord {
  state: string;
  stateTitle: string;
  council: string;
  checks: CheckResult[];
  aria: string;
  screenshots: { label: string; name: string }[];
}

export const RECORD_ATTACHMENT = 'a11y-record';

export class Record {
  readonly checks: CheckResult[] = [];
  readonly screenshots: StateRecord['screenshots'] = [];
  aria = '';

  constructor(
    private readonly info: TestInfo,
    private readonly state: string,
    private readonly stateTitle: string,
    private readonly council: string,
  ) {}

  add(result: CheckResult): void {
    this.checks.push(result);
  }

  /** Runs a check; a check that throws is recorded as failed. */
  async run(
    id: string,
    criterion: string,
    proves: string,
    check: () => Promise<string[] | { pass: boolean; measured: string[] }>,
  ): Promise<void> {
    const start = Date.now();
    const base = { id, criterion, proves };
    try {
      const out = await check();
      const result = Array.isArray(out)
        ? { pass: out.length === 0, measured: out }
        : out;
      const measured =
        result.pass && result.measured.length === 0
          ? ['nothing found']
          : result.measured;
      const ms = Date.now() - start;
      this.add({ ...base, pass: result.pass, measured, ms });
    } catch (error) {
      const message = String(error instanceof Error ? error.message : error);
      this.add({ ...base, pass: false, measured: [message],
        ms: Date.now() - start });
    }
  }

  async screenshot(page: Page, label: string): Promise<void> {
    const name = `${this.state}-${this.council}-${label}.jpeg`
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-');
    const file = this.info.outputPath(name);
    // JPEG: a quarter of PNG's size and time for a page of text.
    await page.screenshot({
      path: file, fullPage: true, type: 'jpeg', quality: 80,
    });
    await this.info.attach(`screenshot: ${label}`, {
      path: file,
      contentType: 'image/jpeg',
    });
    this.screenshots.push({ label, name });
  }

  /** Attaches the record and fails, naming every failed check. */
  async finish(): Promise<void> {
    const record: StateRecord = {
      state: this.state,
      stateTitle: this.stateTitle,
      council: this.council,
      checks: this.checks,
      aria: this.aria,
      screenshots: this.screenshots,
    };
    await this.info.attach(RECORD_ATTACHMENT, {
      body: JSON.stringify(record),
      contentType: 'application/json',
    });
    const failed = this.checks
      .filter((c) => !c.pass)
      .map((c) => `${c.criterion} (${c.id}):\n  ${c.measured.join('\n  ')}`);
    expect(failed, `failed checks:\n${failed.join('\n')}`).toEqual([]);
  }
}

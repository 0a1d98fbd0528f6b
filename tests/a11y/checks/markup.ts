// Checks of the markup itself: axe (WCAG 2.0, 2.1, 2.2 A and AA),
// html-validate on the rendered document, and the autocomplete tokens
// of WCAG 1.3.5, which axe checks only when a token is present.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { WCAG_TAGS, describeViolation } from '../../support/axe';
import type { Words } from '../catalogue';

/** What axe could not decide alone ("incomplete"), for a person. */
function review(ids: string[]): string {
  const list = ids.length ? `: ${ids.join(', ')}` : '';
  return `${ids.length} left for a person to review${list}`;
}

export async function axeFindings(
  page: Page,
): Promise<{ pass: boolean; measured: string[] }> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const passes = results.passes.map((rule) => rule.id);
  if (results.violations.length === 0) {
    return {
      pass: true,
      measured: [
        `0 violations; ${passes.length} rules passed: ${passes.join(', ')}`,
        review(results.incomplete.map((rule) => rule.id)),
      ],
    };
  }
  return {
    pass: false,
    measured: results.violations.map(describeViolation),
  };
}

// The config file names every rule turned off, and why.
const config = JSON.parse(
  readFileSync('tests/a11y/htmlvalidate.json', 'utf8'),
);
delete config.$comment;
const validator = new HtmlValidate(new StaticConfigLoader(config));

/**
 * html-validate on the document as the browser holds it now. The
 * `<noscript>` fallback is cut out first: with scripting on, the
 * browser reads its content as text, so its `<main>` is no second
 * landmark (it is the only one when scripting is off).
 */
export async function htmlProblems(page: Page): Promise<string[]> {
  const html = (await page.content()).replace(
    /<noscript>[\s\S]*?<\/noscript>/g,
    '',
  );
  const report = await validator.validateString(html, 'page.html');
  return report.results.flatMap((result) =>
    result.messages.map(
      (m) => `${m.ruleId}: ${m.message} (${m.selector ?? `line ${m.line}`})`,
    ),
  );
}

/**
 * The autocomplete token each field must carry, by the catalogue key
 * of its label (WCAG 1.3.5, HTML's autofill field names).
 */
export const AUTOCOMPLETE: Record<string, string> = {
  'card-number': 'cc-number',
  month: 'cc-exp-month',
  year: 'cc-exp-year',
  'name-on-card': 'cc-name',
  'security-code': 'cc-csc',
  email: 'email',
  'email-optional': 'email',
  'address-line1': 'billing address-line1',
  'address-line2': 'billing address-line2',
  'address-city': 'billing address-level2',
  'address-postcode': 'billing postal-code',
};

/**
 * Every text field on the page has the token its label calls for; a
 * field the table does not know is a finding too, so a new field
 * cannot slip through without one.
 */
export async function autocompleteProblems(
  page: Page,
  text: Words,
): Promise<{ pass: boolean; measured: string[] }> {
  const byLabel = new Map(
    Object.entries(AUTOCOMPLETE).map(([key, token]) => [text(key), token]),
  );
  const fields = await page.getByRole('textbox').all();
  const lines: string[] = [];
  let pass = true;
  for (const field of fields) {
    const label = await field.evaluate(
      (el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '',
    );
    const token = await field.getAttribute('autocomplete');
    const wanted = byLabel.get(label);
    const fine = wanted !== undefined && token === wanted;
    pass &&= fine;
    lines.push(
      `${fine ? '' : 'FAILS: '}"${label}": autocomplete="${token}"` +
        (fine ? '' : `, wanted "${wanted ?? 'a token in the suite table'}"`),
    );
  }
  return { pass, measured: lines.length ? lines : ['no fields here'] };
}

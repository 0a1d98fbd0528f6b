// Accessibility: axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA
// tags, no rule turned off. A failure lists every violation with the
// elements it found, so the report says what to fix without a rerun.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
];

type Violation = Awaited<
  ReturnType<AxeBuilder['analyze']>
>['violations'][number];

/** One violation as a person reads it. */
export function describeViolation(violation: Violation): string {
  const nodes = violation.nodes.map((node) => {
    const target = node.target.join(' ');
    const why = (node.failureSummary ?? '').replace(/\n\s*/g, ' ');
    return `    - ${target}\n      ${why}`;
  });
  return [
    `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ` +
      violation.help,
    `    ${violation.helpUrl}`,
    ...nodes,
  ].join('\n');
}

/**
 * Fails unless axe finds nothing on the page as it is now. `state`
 * names the page state in the message (and in the HTML report).
 */
export async function expectNoAxeViolations(
  page: Page,
  state: string,
): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map(describeViolation).join('\n');
  expect(
    results.violations,
    `axe found WCAG violations on "${state}":\n${found}`,
  ).toEqual([]);
}

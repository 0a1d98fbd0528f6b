// The accessibility suite: every state of the card page, for every
// council in councils/, through every check below. Each check's
// verdict and figures go into the report (./task a11y prints where);
// the test fails at the end, naming every check that failed.
import { expect, test, type Page } from '@playwright/test';
import { councils, type Council } from './councils';
import { Record } from './record';
import {
  GOOD,
  STATES,
  WRONG,
  open,
  type Ctx,
  type State,
  type Typed,
} from './states';
import { installHelpers } from './checks/dom';
import {
  autocompleteProblems,
  axeFindings,
  htmlProblems,
} from './checks/markup';
import { controlContrast } from './checks/controls';
import {
  applyTextSpacing,
  reflowProblems,
  targetSizes,
  textSpacingProblems,
} from './checks/layout';
import {
  focusContrastLines,
  orderProblems,
  visibleFocusProblems,
  walkTabOrder,
} from './checks/focus';
import { forcedColourProblems, runningAnimations } from './checks/media';
import * as act from './checks/interaction';

const WIDE = { width: 1280, height: 720 };

async function markupChecks(ctx: Ctx, rec: Record, snapshot: string) {
  const body = ctx.page.locator('body');
  rec.aria = await body.ariaSnapshot();
  await rec.run('aria-snapshot', 'Names, roles and structure',
    'The accessibility tree matches the one kept in the repository',
    async () => {
      // The page is still: a mismatch need not be waited out.
      await expect(body).toMatchAriaSnapshot({ name: snapshot, timeout: 2000 });
      return { pass: true,
        measured: [`matches tests/a11y/snapshots/${snapshot}`] };
    });
  await rec.run('axe', 'axe: WCAG 2.0, 2.1, 2.2 A and AA',
    'No automatically detectable WCAG failure', () => axeFindings(ctx.page));
  await rec.run('html', 'HTML validity (html-validate)',
    'The rendered document is valid, well-formed HTML',
    () => htmlProblems(ctx.page));
  await rec.run('autocomplete', '1.3.5 Identify Input Purpose',
    'Every field names its purpose with the right autocomplete token',
    () => autocompleteProblems(ctx.page, ctx.text));
}

async function appearanceChecks(ctx: Ctx, rec: Record, state: State) {
  await rec.run('controls', '1.4.11 Non-text Contrast',
    'Input borders and button edges reach 3:1 against the page',
    () => controlContrast(ctx.page));
  await targetCheck(ctx.page, rec, 'targets', '1280 px wide');
  const stops = await walkTabOrder(ctx.page);
  const names = stops.map((s) => s.name).join(' → ');
  await rec.run('focus-visible', '2.4.7 Focus Visible, 2.4.11 Not Obscured',
    'Each Tab stop looks focused and is not hidden behind anything',
    async () => {
      const found = visibleFocusProblems(stops);
      // No stops at all is a broken walk, unless the page has nothing
      // to focus by design; then any stop would be a surprise.
      const expected = state.focusable === false
        ? stops.length === 0
        : stops.length > 0;
      return { pass: found.length === 0 && expected,
        measured: [...found, `${stops.length} stops: ${names}`] };
    });
  await rec.run('focus-order', '2.4.3 Focus Order',
    'Tab goes top to bottom, and left to right along a line',
    async () => orderProblems(stops));
  await rec.run('focus-contrast', '1.4.11 Non-text Contrast (focus)',
    'The focus indicator reaches 3:1 against what is next to it',
    async () => focusContrastLines(stops));
}

async function targetCheck(page: Page, rec: Record, id: string,
  how: string) {
  await rec.run(id, '2.5.8 Target Size (Minimum)',
    `At ${how}, every target is 24x24 CSS px, or has room around it`,
    async () => {
      const r = await targetSizes(page);
      const notes = [`smallest: ${r.smallest}`, ...r.exempt];
      const measured = [...r.problems, ...notes];
      return { pass: r.problems.length === 0, measured };
    });
}

async function reflowAt(page: Page, rec: Record, width: number,
  height: number, id: string, how: string) {
  await page.setViewportSize({ width, height });
  await rec.run(id, '1.4.10 Reflow',
    `At ${how}, nothing scrolls sideways or is cut off`,
    () => reflowProblems(page));
}

async function sizeAndMediaChecks(ctx: Ctx, rec: Record) {
  const { page } = ctx;
  await rec.screenshot(page, '1280 px');
  await reflowAt(page, rec, 320, 640, 'reflow-320', '320 CSS px wide');
  // Text is smaller on narrow screens, and so are its links.
  await targetCheck(page, rec, 'targets-320', '320 CSS px wide');
  await rec.screenshot(page, '320 px');
  // 1280x1024 at 400% zoom lays out as 320x256 CSS px.
  await reflowAt(page, rec, 320, 256, 'reflow-400',
    '1280 px at 400% zoom (320x256 CSS px)');
  // 1280x720 at 200% zoom lays out as 640x360 CSS px.
  await page.setViewportSize({ width: 640, height: 360 });
  await rec.screenshot(page, '200% zoom');
  await page.setViewportSize(WIDE);

  await page.emulateMedia({ forcedColors: 'active' });
  await rec.run('forced-colours', 'Forced colours (high contrast)',
    'Brand logos, control borders and focus outlines stay visible',
    () => forcedColourProblems(page));
  await rec.screenshot(page, 'forced colours');
  await page.emulateMedia({ forcedColors: 'none', reducedMotion: 'reduce' });
  await rec.run('reduced-motion', '2.3.3 / prefers-reduced-motion',
    'With "reduce motion" on, nothing animates',
    () => runningAnimations(page));
  await page.emulateMedia({ reducedMotion: 'no-preference' });

  await applyTextSpacing(page);
  await rec.run('text-spacing', '1.4.12 Text Spacing',
    'With WCAG text spacing applied, no text is cut off or overlaps',
    () => textSpacingProblems(page));
}

type Lines = () => Promise<string[]>;

/** A check whose own `expect`s decide: it passes unless one throws. */
function acting(rec: Record) {
  return (id: string, criterion: string, proves: string, f: Lines) =>
    rec.run(id, criterion, proves,
      () => f().then((measured) => ({ pass: true, measured })));
}

/**
 * State checks that read the page as it arrived, before any other
 * check moves focus: where focus is, what the live regions say, and
 * that nothing has been charged.
 */
async function arrivalChecks(ctx: Ctx, rec: Record, state: State) {
  const run = acting(rec);
  if (state.id.startsWith('errors-')) {
    await run('error-arrival', '3.3.1 Error Identification',
      'The title starts "Error:" and focus is on the error summary',
      () => act.errorArrival(ctx));
  }
  if (state.id === 'errors-psp') {
    await run('async-error-live', '4.1.3 Status Messages',
      'An error after the card provider answers reaches a live region',
      () => act.asyncErrorAnnounced(ctx));
  }
  if (state.id === 'processing') {
    await run('processing-live', '4.1.3 Status Messages',
      '"Processing" reaches a live region',
      () => act.processingAnnounced(ctx));
  }
  if (state.id === 'timeout-warning') {
    await run('timeout-arrival', '2.2.1 Timing Adjustable',
      'The warning is an alert dialog that takes focus and offers time',
      () => act.warningAnnounced(ctx));
  }
  if (state.id === 'confirm') {
    await run('no-charge', '3.3.4 Error Prevention',
      'Nothing is charged before Confirm', () => act.nothingChargedYet(ctx));
  }
}

/** State checks that act as a citizen would; they run last. */
async function actingChecks(ctx: Ctx, rec: Record, state: State) {
  const run = acting(rec);
  if (state.id.startsWith('errors-')) {
    await run('error-links', '3.3.1 / 3.3.3 Errors',
      "Each summary link moves focus to a field described by its message",
      () => act.errorLinks(ctx));
  }
  const kept: Partial<Record<string, Typed>> = {
    'errors-wrong': WRONG,
    'errors-psp': GOOD,
  };
  const typed = kept[state.id];
  if (typed) {
    await run('values-kept', '3.3.7 Redundant Entry',
      'What was typed survives the error', () => act.valuesKept(ctx, typed));
  }
  if (state.id === 'details') {
    await run('paste', '3.3.8 Accessible Authentication',
      'Paste from the clipboard works in every field',
      () => act.pasteWorks(ctx));
    await run('brand-live', '4.1.3 Status Messages',
      'The detected brand reaches a live region',
      () => act.brandAnnounced(ctx));
  }
  if (state.id === 'timeout-warning') {
    await run('more-time', '2.2.1 Timing Adjustable',
      '"I need more time" closes the warning with every value kept',
      () => act.moreTimeKeepsValues(ctx));
  }
  if (state.id === 'confirm') {
    await run('change-links', '3.3.7 Redundant Entry',
      'Change links go back with every value kept',
      () => act.changeKeepsValues(ctx));
  }
}

const NO_COUNCIL = 'none';

/** Each state for each council; a state with no council runs once. */
function cases(): { state: State; council: Council; label: string }[] {
  const all = councils();
  return STATES.flatMap((state) =>
    state.perCouncil
      ? all.map((council) => ({ state, council, label: council.slug }))
      : [{ state, council: all[0], label: NO_COUNCIL }],
  );
}

for (const { state, council, label } of cases()) {
  test(`${state.title} (${label})`, async ({ browser, request }, info) => {
    const ctx = await open(browser, request, council, state);
    const rec = new Record(info, state.id, state.title, label);
    await ctx.page.setViewportSize(WIDE);
    await installHelpers(ctx.page);
    await arrivalChecks(ctx, rec, state);
    await markupChecks(ctx, rec, `${state.id}-${label}.aria.yml`);
    await appearanceChecks(ctx, rec, state);
    await sizeAndMediaChecks(ctx, rec);
    await actingChecks(ctx, rec, state);
    ctx.release();
    await ctx.page.context().close();
    await rec.finish();
  });
}

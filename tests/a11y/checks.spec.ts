// The suite's checks must be able to fail: each is run here on a small
// page built to break it, and must name what is wrong. A check that
// passes a broken page proves nothing about a good one.
import { expect, test, type Page } from '@playwright/test';
import { installHelpers } from './checks/dom';
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
import { autocompleteProblems, htmlProblems } from './checks/markup';
import { words } from './catalogue';

async function show(page: Page, body: string, style = ''): Promise<void> {
  await page.setContent(
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
      `<title>Broken</title><style>${style}</style></head>` +
      `<body><main><h1>Broken</h1>${body}</main></body></html>`,
  );
  await installHelpers(page);
}

test('reflow finds a box wider than a 320 px window', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await show(page, '<div style="width: 500px">wide</div>');
  const found = await reflowProblems(page);
  expect(found.join('\n')).toContain('scrolls sideways');
});

test('text spacing finds text cut off by a fixed height', async ({
  page,
}) => {
  await show(
    page,
    '<div style="height:40px;line-height:20px;width:150px;' +
      'overflow:hidden">' +
      'Several words that need two lines</div>',
  );
  expect(await textSpacingProblems(page)).toEqual([]);
  await applyTextSpacing(page);
  expect((await textSpacingProblems(page)).join('\n')).toContain(
    'cuts off its text',
  );
});

test('target size finds crowded small buttons, not an inline link', async ({
  page,
}) => {
  await show(
    page,
    '<button style="width:12px;height:12px;padding:0">a</button>' +
      '<button style="width:12px;height:12px;padding:0">b</button>' +
      '<p>Read <a href="#x">this</a> first.</p>',
  );
  const report = await targetSizes(page);
  expect(report.problems).toHaveLength(2);
  expect(report.exempt.join('\n')).toContain('inline link');
});

test('the Tab walk finds no indicator, a covered stop and a jump back', async ({
  page,
}) => {
  await show(
    page,
    '<div style="display:flex;flex-direction:row-reverse">' +
      '<button class="plain">first</button><button>second</button></div>' +
      '<button id="under">under</button>' +
      '<div style="position:fixed;inset:0;top:60px;background:#fff">' +
      'cover</div>',
    '.plain:focus, .plain { outline: none; }',
  );
  // Focus left in the middle must not shorten the walk.
  await page.getByRole('button', { name: 'second' }).focus();
  const stops = await walkTabOrder(page);
  expect(stops.map((s) => s.name).join()).toContain('first');
  const visible = visibleFocusProblems(stops).join('\n');
  expect(visible).toContain('looks the same focused');
  expect(visible).toContain('is covered by');
  expect(orderProblems(stops).join('\n')).toContain('comes after');
});

test('focus contrast finds a pale outline', async ({ page }) => {
  await show(
    page,
    '<button>pale</button>',
    'button:focus { outline: 3px solid #eeeeee; }',
  );
  const result = focusContrastLines(await walkTabOrder(page));
  expect(result.pass).toBe(false);
  expect(result.measured.join()).toContain('outline');
});

test('control contrast finds a pale border and an edgeless button', async ({
  page,
}) => {
  await show(
    page,
    '<label for="a">A</label><input id="a" style="border:2px solid #ccc">' +
      '<button style="background:#ffd60a;border:0">Go</button>',
  );
  const result = await controlContrast(page);
  expect(result.pass).toBe(false);
  expect(result.measured.join('\n')).toMatch(/input#a.*border 1\.\d\d:1/);
  expect(result.measured.join('\n')).toMatch(/button.*fill 1\.\d\d:1/);
});

test('forced colours find a faded image and a borderless field', async ({
  page,
}) => {
  await show(
    page,
    '<img alt="Visa" style="opacity:.3" width="20" height="20" src="data:' +
      'image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E">' +
      '<label for="f">F</label><input id="f" style="border:0">',
  );
  await page.emulateMedia({ forcedColors: 'active' });
  const found = (await forcedColourProblems(page)).join('\n');
  expect(found).toContain('opacity 0.3');
  expect(found).toContain('no border in forced colours');
});

test('reduced motion finds an animation that ignores the setting', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await show(
    page,
    '<div class="spin">turning</div>',
    '@keyframes t { to { transform: rotate(1turn) } }' +
      '.spin { animation: t 1s linear infinite; }',
  );
  expect((await runningAnimations(page)).join()).toContain('"t"');
});

test('autocomplete finds a card field without its token', async ({
  page,
}) => {
  await show(page, '<label for="n">Card number</label><input id="n">');
  const result = await autocompleteProblems(page, words('en'));
  expect(result.pass).toBe(false);
  expect(result.measured.join()).toContain('wanted "cc-number"');
});

test('html-validate finds a misnested element', async ({ page }) => {
  await show(page, '<button><div>block in a button</div></button>');
  expect((await htmlProblems(page)).join('\n')).toMatch(/element-permitted/);
});

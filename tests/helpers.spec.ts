// The helpers must be able to fail: a check that passes on a broken
// page proves nothing about a good one.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

test('the axe check fails on an unlabelled field and names the rule', async ({
  page,
}) => {
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Broken</title></head>' +
      '<body><main><h1>Broken</h1><input type="text"></main></body></html>',
  );
  let message = '';
  try {
    await expectNoAxeViolations(page, 'a deliberately broken page');
  } catch (error) {
    message = String(error);
  }
  expect(message).toContain('a deliberately broken page');
  expect(message).toContain('label (critical)');
  expect(message).toContain('input');
});

test('the axe check fails on text below 4.5:1 contrast', async ({ page }) => {
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Pale</title></head>' +
      '<body><main><h1>Pale</h1><p style="color:#aaa">faint</p></main>' +
      '</body></html>',
  );
  await expect(expectNoAxeViolations(page, 'pale text')).rejects.toThrow(
    /color-contrast/,
  );
});

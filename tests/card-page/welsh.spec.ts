// The page in Welsh (issue 6): a payment created with language "cy"
// starts in Welsh, and the visible switch changes language without
// losing what was typed.
import { expect, test } from '@playwright/test';
import { createPayment } from '../support/api';
import { expectNoAxeViolations } from '../support/axe';
import { CARDS, fields, openPayment } from '../support/card-page';

test('a payment in Welsh starts in Welsh, with lang="cy"', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string, {
    language: 'cy',
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(payment._links.next_url?.href as string);
  const heading = page.getByRole('heading', {
    level: 1,
    name: 'Rhowch fanylion eich cerdyn',
  });
  await expect(heading).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('textbox', { name: 'Rhif y cerdyn' }))
    .toBeVisible();
  await expectNoAxeViolations(page, 'card details in Welsh');

  await page.getByRole('button', { name: 'Parhau' }).click();
  await expect(page).toHaveTitle(/^Gwall: /);
  await expectNoAxeViolations(page, 'card details in Welsh, with errors');
});

test('switching to Cymraeg keeps what was typed', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  await fields(page).number.fill(CARDS.visa);
  await fields(page).name.fill('Siân Citizen');

  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  const number = page.getByRole('textbox', { name: 'Rhif y cerdyn' });
  await expect(number).toHaveValue(CARDS.visa);
  await expect(page.getByRole('textbox', { name: 'Enw ar y cerdyn' }))
    .toHaveValue('Siân Citizen');
  await expectNoAxeViolations(page, 'switched to Welsh');

  // Every word of the screen changes, not only the labels.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Rhowch fanylion eich cerdyn' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Parhau' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cymraeg' })).toBeFocused();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(fields(page).number).toHaveValue(CARDS.visa);
});

// Regression: errors were kept as sentences in the language they were
// found in, so after switching they stayed in English.
test('errors shown before switching language are shown in the new one', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter your card number');

  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await expect(page).toHaveTitle(/^Gwall: /);
  await expect(summary).toContainText('Rhowch rif eich cerdyn');
  await expect(summary).not.toContainText('Enter your card number');
  const number = page.getByRole('textbox', { name: 'Rhif y cerdyn' });
  await expect(number).toHaveAccessibleDescription(/Rhowch rif eich cerdyn/);
  await expectNoAxeViolations(page, 'errors, switched to Welsh');

  await page.getByRole('link', { name: 'Rhowch rif eich cerdyn' }).click();
  await expect(number).toBeFocused();
});

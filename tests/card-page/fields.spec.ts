// The small promises of the card details fields, each one a thing a
// citizen's browser, phone keyboard or password manager relies on:
// autocomplete tokens (WCAG 1.3.5), the number pad, no spelling
// marks under a card number, no silent length limit, the detected
// brand picked out, and a caret that stays where the citizen put it.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { NORTHMOOR_KEY, createPayment } from '../support/api';
import { CARDS, fields, openPayment } from '../support/card-page';

// councils/northmoor collects the billing address and email, both
// optional; the example council collects email only.

test('every card field says what it holds, and the digit fields bring up the number pad', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  const f = fields(page);
  const tokens: [Locator, string][] = [
    [f.number, 'cc-number'],
    [f.month, 'cc-exp-month'],
    [f.year, 'cc-exp-year'],
    [f.name, 'cc-name'],
    [f.securityCode, 'cc-csc'],
    [f.email, 'email'],
  ];
  for (const [field, token] of tokens) {
    await expect(field).toHaveAttribute('autocomplete', token);
  }
  for (const field of [f.number, f.month, f.year, f.securityCode]) {
    await expect(field).toHaveAttribute('inputmode', 'numeric');
    await expect(field).toHaveAttribute('spellcheck', 'false');
  }
  await expectNoLengthLimit(page, 6);
});

test('the billing address and email fields say what they hold', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string, {
    key: NORTHMOOR_KEY,
  });
  const page = await openPayment(browser, payment);
  const address = page.getByRole('group', {
    name: 'Billing address (optional)',
  });
  const line = (name: string) =>
    address.getByRole('textbox', { name, exact: true });
  const tokens: [Locator, string][] = [
    [line('Address line 1'), 'billing address-line1'],
    [line('Address line 2 (optional)'), 'billing address-line2'],
    [line('Town or city'), 'billing address-level2'],
    [line('Postcode'), 'billing postal-code'],
    [fields(page).email, 'email'],
  ];
  for (const [field, token] of tokens) {
    await expect(field).toBeVisible();
    await expect(field).toHaveAttribute('autocomplete', token);
  }
  // Phones show the keyboard with @ for an email address.
  await expect(fields(page).email).toHaveAttribute('type', 'email');
  const number = fields(page).number;
  await expect(number).toHaveAttribute('autocomplete', 'cc-number');
  await expectNoLengthLimit(page, 10);
});

/**
 * No text field cuts what is typed or pasted short: a `maxlength`
 * drops the extra digits without a word, so a mistyped number looks
 * right. `count` is how many fields the page should have.
 */
async function expectNoLengthLimit(page: Page, count: number) {
  const textboxes = page.getByRole('textbox');
  await expect(textboxes).toHaveCount(count);
  for (const field of await textboxes.all()) {
    await expect(field).not.toHaveAttribute('maxlength', /.*/);
  }
}

/** A logo in the accepted cards list, by its brand's name. */
function logo(page: Page, brand: string): Locator {
  const image = page.getByRole('img', { name: brand, exact: true });
  return page.getByRole('listitem').filter({ has: image });
}

// What the citizen sees (style/main.css): the detected logo framed,
// the others faded; before a brand is known, all alike.
async function expectFramed(item: Locator) {
  await expect(item).toHaveCSS('outline-style', 'solid');
  await expect(item).toHaveCSS('opacity', '1');
}

async function expectFaded(item: Locator) {
  await expect(item).toHaveCSS('outline-style', 'none');
  await expect(item).toHaveCSS('opacity', '0.35');
}

async function expectPlain(item: Locator) {
  await expect(item).toHaveCSS('outline-style', 'none');
  await expect(item).toHaveCSS('opacity', '1');
}

test('the detected brand is picked out of the accepted cards, and changes with the number', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  const number = fields(page).number;
  const [visa, mastercard, amex] = ['Visa', 'Mastercard', 'American Express']
    .map((brand) => logo(page, brand));
  for (const item of [visa, mastercard, amex]) await expectPlain(item);

  await number.pressSequentially('4242');
  await expectFramed(visa);
  await expectFaded(mastercard);
  await expectFaded(amex);

  await number.fill(CARDS.mastercard);
  await expectFramed(mastercard);
  await expectFaded(visa);
  await expectFaded(amex);

  await number.fill('');
  for (const item of [visa, mastercard, amex]) await expectPlain(item);
});

/** Where the caret is in a field (start and end, as one if no range). */
async function caret(field: Locator): Promise<number | null> {
  return field.evaluate((el: HTMLInputElement) =>
    el.selectionStart === el.selectionEnd ? el.selectionStart : null,
  );
}

async function placeCaret(field: Locator, at: number) {
  await field.focus();
  await field.evaluate(
    (el: HTMLInputElement, at) => el.setSelectionRange(at, at),
    at,
  );
}

test('typing in the middle of a grouped number keeps the caret beside the digit typed', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  const number = fields(page).number;
  await number.pressSequentially('424242424242');
  await expect(number).toHaveValue('4242 4242 4242');

  // Regrouping rewrites the field's value, which on its own sends the
  // caret to the end; each digit must land where the caret was.
  await placeCaret(number, 2);
  await page.keyboard.type('5');
  await expect(number).toHaveValue('4254 2424 2424 2');
  expect(await caret(number)).toBe(3);

  await page.keyboard.type('5');
  await expect(number).toHaveValue('4255 4242 4242 42');
  expect(await caret(number)).toBe(4);

  // Typed just before a space, the digit pushes the group on and the
  // caret follows it across the space.
  await page.keyboard.type('6');
  await expect(number).toHaveValue('4255 6424 2424 242');
  expect(await caret(number)).toBe(6);
});

test('Backspace and Delete next to a space remove the digit beyond it', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  const number = fields(page).number;
  await number.pressSequentially('4242424242424242');

  // Deleting only the space would do nothing visible: the space comes
  // straight back and the caret stays put, so the citizen is stuck.
  await placeCaret(number, 5);
  await page.keyboard.press('Backspace');
  await expect(number).toHaveValue('4244 2424 2424 242');
  expect(await caret(number)).toBe(3);

  await number.fill(CARDS.visa);
  await placeCaret(number, 4);
  await page.keyboard.press('Delete');
  await expect(number).toHaveValue('4242 2424 2424 242');
  expect(await caret(number)).toBe(4);
});

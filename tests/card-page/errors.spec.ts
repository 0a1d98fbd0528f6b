// Errors on the card details page, shown on Continue only (GOV.UK's
// error summary pattern; WCAG 3.3.1, 3.3.3, 2.4.3). Messages are the
// page's English catalogue (src/i18n/en.rs): what a citizen sees.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { createPayment } from '../support/api';
import {
  CARDS,
  WRONG_NUMBERS,
  button,
  confirmHeading,
  fields,
  fillCard,
  openPayment,
  type Card,
} from '../support/card-page';

type FieldName = keyof ReturnType<typeof fields>;

function summary(page: Page): Locator {
  return page.getByRole('alert').filter({
    has: page.getByRole('heading', { name: 'There is a problem' }),
  });
}

/** Continue, then the summary, its focus and the page title. */
async function continueWithErrors(page: Page): Promise<Locator> {
  await button(page, 'Continue').click();
  await expect(page).toHaveTitle(/^Error: /);
  const box = summary(page);
  await expect(box).toBeVisible();
  await expect(box).toBeFocused();
  return box;
}

/**
 * One error: its summary link, the field's description with the hidden
 * "Error:" prefix, and the link moving focus to the field.
 */
async function expectError(
  page: Page,
  field: FieldName,
  message: string | RegExp,
): Promise<void> {
  const box = summary(page);
  const link = box.getByRole('link', { name: message });
  await expect(link).toHaveCount(1);
  const text = typeof message === 'string' ? escape(message) : message.source;
  await expect(fields(page)[field]).toHaveAccessibleDescription(
    new RegExp(`Error: ${text}`),
  );
  await link.click();
  await expect(fields(page)[field]).toBeFocused();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('continuing with nothing entered lists every missing field, and passes axe', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  const box = await continueWithErrors(page);

  const expected: [FieldName, string][] = [
    ['number', 'Enter your card number'],
    ['month', 'Enter the expiry date'],
    ['name', 'Enter the name as it appears on the card'],
    ['securityCode', 'Enter the card security code'],
  ];
  // One link per error, in the order of the fields on the page.
  await expect(box.getByRole('link')).toHaveText(expected.map(([, m]) => m));
  await expectNoAxeViolations(page, 'card details: everything missing');
  for (const [field, message] of expected) {
    await expectError(page, field, message);
  }
  // The optional email field has no error when left empty.
  await expect(fields(page).email).not.toHaveAccessibleDescription(/Error:/);
});

test('nothing is shown as an error while the citizen is still typing', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  const f = fields(page);
  await f.number.fill('4242 4242');
  await f.month.fill('13');
  await f.name.focus();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(f.number).not.toHaveAccessibleDescription(/Error:/);
  await expect(f.month).not.toHaveAccessibleDescription(/Error:/);
  await expect(page).not.toHaveTitle(/^Error/);
});

const year = String(new Date().getFullYear() + 3);

/** Each mistake a citizen can make, one at a time, on a valid card. */
const MISTAKES: {
  title: string;
  card: Partial<Card> & { email?: string };
  field: FieldName;
  message: string | RegExp;
}[] = [
  {
    title: 'a card number that is too short',
    card: { number: WRONG_NUMBERS.short },
    field: 'number',
    message: 'Enter all the digits of your card number',
  },
  {
    title: 'a card number with a wrong digit',
    card: { number: WRONG_NUMBERS.wrongDigit },
    field: 'number',
    message: 'Check your card number: one or more digits are wrong',
  },
  {
    title: 'a card number with letters',
    card: { number: '4242 4242 4242 424O' },
    field: 'number',
    message: 'Enter your card number using only numbers',
  },
  {
    title: 'a card number with too many digits',
    card: { number: WRONG_NUMBERS.tooLong },
    field: 'number',
    message: 'Check your card number: it has too many digits',
  },
  {
    title: 'a card number of no known brand',
    card: { number: WRONG_NUMBERS.noBrand },
    field: 'number',
    message:
      'Enter the number of a Visa, Mastercard, American Express or Maestro card',
  },
  {
    title: 'a card of a brand the council does not take',
    card: { number: CARDS.discover },
    field: 'number',
    message: /Discover cards are not accepted here\. Use a .*Visa.*card/,
  },
  {
    title: 'a month that is not 1 to 12',
    card: { month: '13' },
    field: 'month',
    message: 'Enter the expiry month as a number from 1 to 12',
  },
  {
    title: 'a missing month',
    card: { month: '' },
    field: 'month',
    message: 'Enter the expiry month',
  },
  {
    title: 'a missing year',
    card: { year: '' },
    field: 'year',
    message: 'Enter the expiry year',
  },
  {
    title: 'a month written in letters',
    card: { month: 'ab' },
    field: 'month',
    message: 'Enter the expiry date as it appears on the card',
  },
  {
    title: 'a year of three digits',
    card: { year: '202' },
    field: 'year',
    message:
      'Enter the expiry year as it appears on the card, like 28 or 2028',
  },
  {
    title: 'a year too far ahead',
    card: { year: String(new Date().getFullYear() + 40) },
    field: 'year',
    message: 'Check the expiry year: it is too far in the future',
  },
  {
    title: 'an expiry date in the past',
    card: { month: '01', year: '2020' },
    field: 'month',
    message:
      'This card has expired: use a card with an expiry date in the future',
  },
  {
    title: 'a missing name',
    card: { name: '' },
    field: 'name',
    message: 'Enter the name as it appears on the card',
  },
  {
    title: 'a card number typed as the name',
    card: { name: '4242424242424242' },
    field: 'name',
    message: 'Enter the name on the card here, not the card number',
  },
  {
    title: 'a name longer than 255 characters',
    card: { name: 'A'.repeat(256) },
    field: 'name',
    message: 'Name on card must be 255 characters or fewer',
  },
  {
    title: 'a missing security code',
    card: { securityCode: '' },
    field: 'securityCode',
    message: 'Enter the card security code',
  },
  {
    title: 'a short security code',
    card: { securityCode: '12' },
    field: 'securityCode',
    message: 'Enter the 3 digit security code from the back of the card',
  },
  {
    title: 'a 3 digit security code on American Express',
    card: { number: CARDS.amex, securityCode: '123' },
    field: 'securityCode',
    message: 'Enter the 4 digit security code from the front of the card',
  },
  {
    title: 'a security code with letters',
    card: { securityCode: '12a' },
    field: 'securityCode',
    message: 'Enter the card security code using only numbers',
  },
  {
    title: 'an email address without an @',
    card: { email: 'sam.example.com' },
    field: 'email',
    message:
      'Enter an email address in the correct format, like name@example.com',
  },
];

for (const mistake of MISTAKES) {
  test(`${mistake.title} is explained, linked, kept and passes axe`, async ({
    browser,
    request,
    baseURL,
  }) => {
    const payment = await createPayment(request, baseURL as string);
    const page = await openPayment(browser, payment);
    const card = { number: CARDS.visa, month: '12', year, ...mistake.card };
    await fillCard(page, card);
    if (mistake.card.email !== undefined) {
      await fields(page).email.fill(mistake.card.email);
    }
    const box = await continueWithErrors(page);
    await expect(box.getByRole('link')).toHaveCount(1);
    await expectNoAxeViolations(page, `card details: ${mistake.title}`);
    await expectError(page, mistake.field, mistake.message);

    // Every value is kept as typed (WCAG 3.3.7).
    const f = fields(page);
    // The number's digits are kept; the page may group them anew.
    const digits = (text: string) => text.replace(/\s/g, '');
    await expect
      .poll(async () => digits(await f.number.inputValue()))
      .toBe(digits(card.number));
    await expect(f.month).toHaveValue(card.month);
    await expect(f.year).toHaveValue(card.year);
    await expect(f.name).toHaveValue(card.name ?? 'Sam Citizen');
  });
}

test('correcting the errors and continuing reaches the confirm page', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  await fillCard(page, { number: WRONG_NUMBERS.wrongDigit });
  await continueWithErrors(page);
  await fields(page).number.fill(CARDS.visa);
  await button(page, 'Continue').click();
  await expect(confirmHeading(page)).toBeVisible();
  await expect(page).not.toHaveTitle(/^Error/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

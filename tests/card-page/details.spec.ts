// The card details page as it first appears. Written against the
// page's contract (roles and names in the page issue); these need a
// built page in dist/.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { COUNCIL, NORTHMOOR_KEY, createPayment } from '../support/api';
import {
  CARDS,
  button,
  confirmHeading,
  expiry,
  fields,
  fillCard,
  openPayment,
} from '../support/card-page';

test('the card details page names every field and passes axe', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string, {
    amount: 7000,
  });
  const page = await openPayment(browser, payment);
  const f = fields(page);

  await expect(expiry(page)).toBeVisible();
  for (const field of [f.number, f.month, f.year, f.name, f.securityCode]) {
    await expect(field).toBeVisible();
    await expect(field).toBeEditable();
    await expect(field).toHaveValue('');
  }
  // The example council collects email as an optional field.
  await expect(f.email).toBeVisible();
  await expect(button(page, 'Continue')).toBeVisible();
  await expect(button(page, 'Cancel payment')).toBeVisible();
  await expect(page.getByText('£70.00').first()).toBeVisible();
  await expect(page.getByText(payment.description).first()).toBeVisible();
  await expect(page.getByText(COUNCIL).first()).toBeVisible();
  await expect(page).not.toHaveTitle(/^Error/);
  await expectNoAxeViolations(page, 'card details: empty');
});

test('the accepted brands are a list of images named by brand', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  // councils/example accepts these four, in this order.
  const names = ['Visa', 'Mastercard', 'American Express', 'Maestro'];
  const list = page.getByRole('list').filter({
    has: page.getByRole('img', { name: 'Visa' }),
  });
  const images = list.getByRole('img');
  await expect(images).toHaveCount(names.length);
  for (const name of names) {
    await expect(list.getByRole('img', { name, exact: true })).toBeVisible();
  }
});

test('a known brand is announced politely once detected', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  const status = page.getByRole('status').filter({ hasText: 'card detected' });

  await fields(page).number.pressSequentially('4242');
  await expect(status).toHaveText('Visa card detected');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expectNoAxeViolations(page, 'card details: Visa detected');

  await fields(page).number.fill(CARDS.amex);
  await expect(status).toHaveText('American Express card detected');
  await expect(fields(page).securityCode).toHaveAccessibleDescription(
    /4 digits on the front/,
  );
});

test('the card number is grouped as it is typed, and paste is not blocked', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPayment(browser, payment);
  const number = fields(page).number;
  await number.pressSequentially('4242424242424242');
  await expect(number).toHaveValue('4242 4242 4242 4242');
  await expect(number).toHaveAttribute('autocomplete', 'cc-number');
  await expect(number).toHaveAttribute('inputmode', 'numeric');
  await expect(number).not.toHaveAttribute('maxlength', /.*/);

  // A page that blocks paste cancels the event; WCAG 3.3.8 forbids it.
  for (const field of Object.values(fields(page)).slice(0, 5)) {
    const blocked = await field.evaluate((element) => {
      const paste = new ClipboardEvent('paste', {
        bubbles: true,
        cancelable: true,
        clipboardData: new DataTransfer(),
      });
      return !element.dispatchEvent(paste);
    });
    expect(blocked).toBe(false);
  }
});

// Regression: an optional address was checked as a required one, so a
// citizen who left it empty could not continue.
test('an optional billing address can be left empty, but not half filled', async ({
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
  await expect(address).toHaveAccessibleDescription(
    'The address your card statements are sent to',
  );

  await fillCard(page, { number: CARDS.visa });
  const town = address.getByRole('textbox', { name: 'Town or city' });
  await town.fill('Northmoor');
  await button(page, 'Continue').click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter the first line of');
  await expect(summary).not.toContainText('town');

  await town.fill('');
  await button(page, 'Continue').click();
  await expect(confirmHeading(page)).toBeVisible();
});

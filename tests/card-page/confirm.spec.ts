// The confirm page: nothing is charged before it (WCAG 3.3.4), and its
// Change links go back with every value kept (WCAG 3.3.7).
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { createPayment, getPayment } from '../support/api';
import {
  CARDS,
  button,
  cardDetailsHeading,
  confirmHeading,
  continueToConfirm,
  fields,
  futureYear,
} from '../support/card-page';
import { openPayment } from '../support/card-page';

/** A row of the confirm page's summary, by its key's text. */
function row(page: Page, key: string) {
  return page
    .getByRole('main')
    .locator('div, tr')
    .filter({ has: page.getByRole('term').getByText(key, { exact: true }) })
    .last();
}

const card = {
  number: CARDS.mastercard,
  month: '07',
  year: futureYear(),
  name: 'Alex Example-Citizen',
  securityCode: '321',
};

test('the confirm page shows what will be charged and passes axe', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string, {
    amount: 4550,
  });
  const page = await openPayment(browser, payment);
  await continueToConfirm(page, card);

  await expect(row(page, 'Payment for')).toContainText(payment.description);
  await expect(row(page, 'Total amount')).toContainText('£45.50');
  await expect(row(page, 'Card')).toContainText('Mastercard ending 4444');
  await expect(row(page, 'Name on card')).toContainText(card.name);
  await expect(button(page, 'Confirm payment')).toBeVisible();
  await expectNoAxeViolations(page, 'confirm');

  // Nothing has been charged yet.
  const stored = await getPayment(request, payment.payment_id);
  expect(stored.state.status).toBe('started');
});

for (const [link, field] of [
  ['Change card details', 'number'],
  ['Change name on card', 'name'],
] as const) {
  test(`"${link}" goes back with every value kept`, async ({
    browser,
    request,
    baseURL,
  }) => {
    const payment = await createPayment(request, baseURL as string);
    const page = await openPayment(browser, payment);
    await continueToConfirm(page, card);

    await page.getByRole('link', { name: link }).click();
    await expect(cardDetailsHeading(page)).toBeVisible();
    const f = fields(page);
    await expect(f.number).toHaveValue(card.number);
    await expect(f.month).toHaveValue(card.month);
    await expect(f.year).toHaveValue(card.year);
    await expect(f.name).toHaveValue(card.name);
    await expect(f.securityCode).toHaveValue(card.securityCode);

    // A change is carried to the confirm page.
    await f.name.fill('Alex Changed');
    await button(page, 'Continue').click();
    await expect(confirmHeading(page)).toBeVisible();
    await expect(row(page, 'Name on card')).toContainText('Alex Changed');
  });
}

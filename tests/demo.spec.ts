// The demo council service at `/`: server-rendered, no script. These
// tests need only the shim, not the built card page.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { cancelPayment, createPayment } from './support/api';

function radio(page: Page, name: string) {
  return page.getByRole('radio', { name, exact: true });
}

const otherAmount = (page: Page) =>
  page.getByRole('textbox', { name: 'Other amount, in pounds' });

test.describe('the demo council service', () => {
  test('the amount form passes axe', async ({ page }) => {
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Pay a parking fine' }),
    ).toBeVisible();
    await expect(page.getByText('no real money moves')).toBeVisible();
    await expect(
      page.getByRole('group', { name: 'How much do you want to pay?' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'demo: amount form');
  });

  test('the test cards table passes axe when opened', async ({ page }) => {
    await page.goto('/');
    await page.getByText('Test cards you can use').click();
    await expect(
      page.getByRole('cell', { name: '4242 4242 4242 4242' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'demo: test cards open');
  });

  test('continuing with no choice shows the error summary, focused, and passes axe', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveTitle(/^Error: /);
    const summary = page.getByRole('alert');
    await expect(
      summary.getByRole('heading', { name: 'There is a problem' }),
    ).toBeVisible();
    await expect(
      page.locator(':focus').getByRole('heading', {
        name: 'There is a problem',
      }),
    ).toBeVisible();
    const group = page.getByRole('group', {
      name: 'How much do you want to pay?',
    });
    await expect(group).toHaveAccessibleDescription(
      /Error: Select how much you want to pay/,
    );
    await expectNoAxeViolations(page, 'demo: no amount chosen');

    await summary
      .getByRole('link', { name: 'Select how much you want to pay' })
      .click();
    await expect(radio(page, '£35.00')).toBeFocused();
  });

  test('a wrong other amount is kept beside its message and passes axe', async ({
    page,
  }) => {
    await page.goto('/');
    await radio(page, 'Other amount').check();
    await otherAmount(page).fill('12.345');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveTitle(/^Error: /);
    await expect(radio(page, 'Other amount')).toBeChecked();
    await expect(otherAmount(page)).toHaveValue('12.345');
    const message = 'Enter the amount in pounds, like 35 or 35.50';
    await expect(otherAmount(page)).toHaveAccessibleDescription(
      new RegExp(`Error: ${message}`),
    );
    await expectNoAxeViolations(page, 'demo: wrong other amount');

    await page.getByRole('alert').getByRole('link', { name: message }).click();
    await expect(otherAmount(page)).toBeFocused();
  });

  test('a keyboard alone chooses an amount and reaches the payment page', async ({
    page,
  }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('link', { name: 'Skip to main content' }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(radio(page, '£35.00')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(radio(page, '£70.00')).toBeFocused();
    await expect(radio(page, '£70.00')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(otherAmount(page)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();

    const created = page.waitForResponse(
      (r) => r.url().endsWith('/demo/pay') && r.request().method() === 'POST',
    );
    await page.keyboard.press('Enter');
    const response = await created;
    expect(response.status()).toBe(303);
    expect(response.headers().location).toMatch(/\/secure\/[0-9a-f]+$/);
    await expect(page).toHaveURL(/\/pay$/);
  });

  test('the return page says how a payment ended and passes axe', async ({
    page,
    request,
    baseURL,
  }) => {
    const payment = await createPayment(request, baseURL as string, {
      amount: 3500,
    });
    await page.goto(payment.return_url);
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Your payment is not finished',
      }),
    ).toBeVisible();
    await expect(page.getByText(payment.reference)).toBeVisible();
    await expectNoAxeViolations(page, 'demo: return, not finished');

    await cancelPayment(request, payment.payment_id);
    await page.reload();
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'The council cancelled this payment',
      }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'demo: return, cancelled');
    await page.getByRole('link', { name: 'Pay another parking fine' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Pay a parking fine' }),
    ).toBeVisible();
  });

  test('a return link for no payment says so and passes axe', async ({
    page,
  }) => {
    const response = await page.goto('/demo/return?payment=PCN0000000000');
    expect(response?.status()).toBe(404);
    await expect(
      page.getByRole('heading', { name: 'We cannot find that payment' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'demo: unknown payment');
  });
});

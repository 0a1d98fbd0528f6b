// The demo council service at `/`: server-rendered, no script. These
// tests need only the shim, not the built card page, except the Welsh
// journey, which pays on it.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import {
  cancelPayment,
  createPayment,
  newReference,
} from './support/api';
import { CARDS, futureYear } from './support/card-page';

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

// The demo in Welsh (issue 6), found by its Welsh names as a Welsh
// screen reader user finds it.
const WELSH_COUNCIL = 'Cyngor Bwrdeistref Enghreifftiol';

const welshHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name });

/** The switch on every demo page: the page's language marked current. */
async function expectWelshSwitch(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  const languages = page.getByRole('navigation', { name: 'Iaith' });
  await expect(languages.getByText('Cymraeg')).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(
    languages.getByRole('link', { name: 'English' }),
  ).toHaveAttribute('lang', 'en');
}

/** The card page in Welsh: details, confirm, paid, back to the demo. */
async function payInWelsh(page: Page) {
  await expect(
    welshHeading(page, 'Rhowch fanylion eich cerdyn'),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  // The demo describes the payment in Welsh too.
  await expect(page.getByText(/^Dirwy parcio PCN\w{10}$/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Rhif y cerdyn' }).fill(CARDS.visa);
  const expiry = page.getByRole('group', { name: 'Dyddiad dod i ben' });
  await expiry.getByRole('textbox', { name: 'Mis' }).fill('12');
  await expiry.getByRole('textbox', { name: 'Blwyddyn' }).fill(futureYear());
  await page.getByRole('textbox', { name: 'Enw ar y cerdyn' }).fill('Siân');
  await page
    .getByRole('textbox', { name: 'Cod diogelwch y cerdyn' })
    .fill('123');
  await page.getByRole('button', { name: 'Parhau', exact: true }).click();
  await expect(welshHeading(page, 'Cadarnhewch eich taliad')).toBeVisible();
  await page.getByRole('button', { name: "Cadarnhau'r taliad" }).click();
  await expect(
    welshHeading(page, 'Mae eich taliad wedi llwyddo'),
  ).toBeVisible();
  await page
    .getByRole('link', { name: `Mynd yn ôl i wasanaeth ${WELSH_COUNCIL}` })
    .click();
}

test.describe('the demo council service in Welsh', () => {
  test('a Welsh citizen pays from start to finish in Welsh, and each demo page passes axe', async ({
    page,
  }) => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Language' })
      .getByRole('link', { name: 'Cymraeg' })
      .click();
    await expect(welshHeading(page, 'Talu dirwy parcio')).toBeVisible();
    await expectWelshSwitch(page);
    await expect(
      page.getByRole('group', { name: 'Faint ydych chi am ei dalu?' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'demo in Welsh: amount form');

    await page.getByText('Cardiau prawf y gallwch eu defnyddio').click();
    await expect(
      page.getByRole('cell', { name: "Wedi'i wrthod", exact: true }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'demo in Welsh: test cards open');

    // Errors come back in Welsh: the hidden field carried the language.
    await page.getByRole('button', { name: 'Parhau' }).click();
    await expect(page).toHaveTitle(/^Gwall: Faint ydych chi am ei dalu\?/);
    await expectWelshSwitch(page);
    const summary = page.getByRole('alert');
    await expect(
      summary.getByRole('heading', { name: 'Mae problem wedi codi' }),
    ).toBeVisible();
    await expect(
      page.getByRole('group', { name: 'Faint ydych chi am ei dalu?' }),
    ).toHaveAccessibleDescription(/Gwall: Dewiswch faint rydych am ei dalu/);
    await expectNoAxeViolations(page, 'demo in Welsh: no amount chosen');

    await radio(page, 'Swm arall').check();
    const other = page.getByRole('textbox', {
      name: 'Swm arall, mewn punnoedd',
    });
    await other.fill('0.50');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await expect(other).toHaveAccessibleDescription(
      /Gwall: Rhaid i'r swm fod yn £1 neu fwy/,
    );
    await expectNoAxeViolations(page, 'demo in Welsh: amount too small');

    // The card page starts in Welsh, and sends the citizen back to a
    // Welsh return page.
    await radio(page, '£35.00').check();
    await page.getByRole('button', { name: 'Parhau' }).click();
    await payInWelsh(page);
    await expect(page).toHaveURL(/\/demo\/return\?payment=PCN\w+&lang=cy$/);
    await expect(
      welshHeading(page, "Mae eich dirwy parcio wedi'i thalu"),
    ).toBeVisible();
    await expectWelshSwitch(page);
    await expect(page.getByText("Visa sy'n gorffen gyda 4242")).toBeVisible();
    await expect(
      page.getByRole('definition').filter({ hasText: '£35.00' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'demo in Welsh: return, paid');

    // The same page in English, for the same payment.
    await page.getByRole('link', { name: 'English' }).click();
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Your parking fine is paid',
      }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('switching language after a mistake keeps what was typed', async ({
    page,
  }) => {
    await page.goto('/?lang=cy');
    await radio(page, 'Swm arall').check();
    await page
      .getByRole('textbox', { name: 'Swm arall, mewn punnoedd' })
      .fill('12.345');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await expect(page).toHaveTitle(/^Gwall: /);

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(radio(page, 'Other amount')).toBeChecked();
    await expect(otherAmount(page)).toHaveValue('12.345');
    await expectNoAxeViolations(page, 'demo: switched to English');
  });

  test('Welsh return pages for an unfinished, a cancelled and an unknown payment pass axe', async ({
    page,
    request,
    baseURL,
  }) => {
    const reference = newReference();
    const payment = await createPayment(request, baseURL as string, {
      language: 'cy',
      reference,
      returnUrl: `${baseURL}/demo/return?payment=${reference}&lang=cy`,
    });
    await page.goto(payment.return_url);
    await expect(
      welshHeading(page, "Nid yw eich taliad wedi'i orffen"),
    ).toBeVisible();
    await expectWelshSwitch(page);
    await expectNoAxeViolations(page, 'demo in Welsh: return, not finished');

    await cancelPayment(request, payment.payment_id);
    await page.reload();
    await expect(
      welshHeading(page, "Mae'r cyngor wedi canslo'r taliad hwn"),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'demo in Welsh: return, cancelled');
    await page.getByRole('link', { name: 'Talu dirwy parcio arall' }).click();
    await expect(welshHeading(page, 'Talu dirwy parcio')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');

    const response = await page.goto(
      '/demo/return?payment=PCN0000000000&lang=cy',
    );
    expect(response?.status()).toBe(404);
    await expect(
      welshHeading(page, "Ni allwn ddod o hyd i'r taliad hwnnw"),
    ).toBeVisible();
    await expectWelshSwitch(page);
    await expectNoAxeViolations(page, 'demo in Welsh: unknown payment');
  });
});

// The session time limit (issue 5, WCAG 2.2.1 Timing adjustable), with
// Playwright's fake clock. A session ends 20 minutes after the page's
// last call to the shim (or at the payment's expiry, if sooner); the
// page warns 2 minutes before.
//
// How other suites reach the two new states (tests/support/card-page.ts):
// - warning open: `openPaymentWithClock(browser, payment)`, then
//   `openTimeoutWarning(page)` (the clock jumps 18 minutes);
// - session ended: `openPaymentWithClock`, then `endSession(page)`
//   (18 minutes, the warning, then 2 more).
// The clock must be installed before the page loads, which is why
// these open the payment themselves.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { COUNCIL, createPayment } from '../support/api';
import {
  CARDS,
  TIMEOUT,
  button,
  cardDetailsHeading,
  endSession,
  fields,
  fillCard,
  openPaymentWithClock,
  openTimeoutWarning,
  outcomeHeading,
  timeoutWarning,
} from '../support/card-page';

/** Waits for the page to ask the shim for more time; its answer. */
function extendCall(page: Page) {
  return page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/page/extend') && r.request().method() === 'POST',
  );
}

test('the warning opens two minutes before the end, named and focused', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPaymentWithClock(browser, payment);

  await page.clock.fastForward('17:50');
  await page.clock.runFor(2000);
  await expect(timeoutWarning(page)).toBeHidden();

  await page.clock.fastForward('00:10');
  const warning = timeoutWarning(page);
  await expect(warning).toBeVisible();
  await expect(warning).toBeFocused();
  await expect(warning).toHaveAccessibleDescription(
    /You have about 2 minutes to finish your payment/,
  );
  await expect(button(page, TIMEOUT.moreTime)).toBeVisible();
  // Non-modal: the form is still there and still usable.
  await expect(cardDetailsHeading(page)).toBeVisible();
  await expect(fields(page).number).toBeEditable();
  await expectNoAxeViolations(page, 'card details: session-time warning');
});

test('the time left is said in minutes, not every second', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPaymentWithClock(browser, payment);
  await openTimeoutWarning(page);
  const text = page.locator('#timeout-warning-text');

  await page.clock.runFor(20_000);
  await expect(text).toContainText('about 2 minutes');
  await page.clock.runFor(20_000);
  await expect(text).toContainText('about 1 minute');
  await expect(text).toHaveAttribute('aria-live', 'polite');
  await page.clock.runFor(30_000);
  await expect(text).toContainText('less than a minute');
});

test('"I need more time" asks the shim and gives focus back', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPaymentWithClock(browser, payment);
  const name = fields(page).name;
  await name.fill('Sam Citizen');
  await openTimeoutWarning(page);

  const answer = extendCall(page);
  await button(page, TIMEOUT.moreTime).click();
  const view = await (await answer).json();
  expect(view.session.seconds_left).toBeGreaterThan(19 * 60);
  await expect(timeoutWarning(page)).toBeHidden();
  await expect(name).toBeFocused();

  // Without more time the session would have ended by now.
  await page.clock.fastForward('17:50');
  await page.clock.runFor(2000);
  await expect(timeoutWarning(page)).toBeHidden();
  await expect(cardDetailsHeading(page)).toBeVisible();
  await page.clock.fastForward('00:15');
  await expect(timeoutWarning(page)).toBeVisible();
});

test('typing is kept, and can go on, with the warning open', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPaymentWithClock(browser, payment);
  const f = fields(page);
  await fillCard(page, { number: CARDS.visa, securityCode: '' });
  await openTimeoutWarning(page);

  await expect(f.number).toHaveValue(CARDS.visa);
  await expect(f.name).toHaveValue('Sam Citizen');
  await f.securityCode.fill('123');
  await expect(f.securityCode).toHaveValue('123');
  await expect(timeoutWarning(page)).toBeVisible();

  await button(page, TIMEOUT.moreTime).click();
  await expect(timeoutWarning(page)).toBeHidden();
  await expect(f.number).toHaveValue(CARDS.visa);
  await expect(f.securityCode).toHaveValue('123');
});

test('when time runs out the form gives way to the ended screen', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPaymentWithClock(browser, payment);
  await fillCard(page, { number: CARDS.visa });
  await endSession(page);

  await expect(outcomeHeading(page, TIMEOUT.ended)).toBeFocused();
  await expect(page).toHaveTitle(new RegExp(`^${TIMEOUT.ended}`));
  await expect(page.getByText('No money has been taken')).toBeVisible();
  const back = page.getByRole('link', { name: `Return to ${COUNCIL}` });
  await expect(back).toHaveAttribute('href', payment.return_url);
  await expect(fields(page).number).toHaveCount(0);
  await expect(timeoutWarning(page)).toHaveCount(0);
  await expectNoAxeViolations(page, 'session ended');
});

test('a payment that cannot get more time says so, no button', async ({
  browser,
  request,
  baseURL,
}) => {
  // The shim allows ten extensions near the payment's expiry; its clock
  // cannot be moved from here, so its answer is changed to the tenth.
  const payment = await createPayment(request, baseURL as string);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/api/page/payment', async (route) => {
    const response = await route.fetch();
    const view = await response.json();
    view.session = { seconds_left: 600, can_extend: false };
    await route.fulfill({ response, json: view });
  });
  await page.clock.install();
  await page.goto(payment._links.next_url?.href as string);
  await expect(cardDetailsHeading(page)).toBeVisible();

  await page.clock.fastForward('08:00');
  const warning = timeoutWarning(page);
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAccessibleDescription(/cannot be given more/);
  await expect(button(page, TIMEOUT.moreTime)).toHaveCount(0);
  await expectNoAxeViolations(page, 'card details: final time warning');
});

test('a refused extension keeps the warning and says why', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const page = await openPaymentWithClock(browser, payment);
  await page.route('**/api/page/extend', (route) =>
    route.fulfill({ status: 409, json: { code: 'extend-limit-reached' } }),
  );
  await openTimeoutWarning(page);

  await button(page, TIMEOUT.moreTime).click();
  const warning = timeoutWarning(page);
  await expect(warning).toHaveAccessibleDescription(/cannot be given more/);
  await expect(button(page, TIMEOUT.moreTime)).toHaveCount(0);
});

test('the warning and the ended screen are in Welsh', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string, {
    language: 'cy',
  });
  const page = await openPaymentWithClock(
    browser,
    payment,
    'Rhowch fanylion eich cerdyn',
  );
  await page.clock.fastForward('18:00');
  const warning = timeoutWarning(
    page,
    'Bydd eich sesiwn talu yn dod i ben cyn bo hir',
  );
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAccessibleDescription(/tua 2 funud/);
  await expect(button(page, 'Mae angen mwy o amser arnaf')).toBeVisible();

  await page.clock.fastForward('02:01');
  await expect(
    outcomeHeading(page, 'Mae eich sesiwn wedi dod i ben'),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'session ended, in Welsh');
});

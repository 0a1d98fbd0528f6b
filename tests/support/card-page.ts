// The citizen's side: the card page, found only by role and accessible
// name, the way assistive technology finds it.
import {
  expect,
  type Browser,
  type Locator,
  type Page,
} from '@playwright/test';
import type { Payment } from './api';

export interface Card {
  number: string;
  month?: string;
  year?: string;
  name?: string;
  securityCode?: string;
}

/** Test cards from the sandbox (DESIGN.md, "Sandbox PSP and test cards"). */
export const CARDS = {
  visa: '4242 4242 4242 4242',
  visaDebit: '4444 3333 2222 1111',
  mastercard: '5555 5555 5555 4444',
  amex: '3714 496353 98431',
  declined: '4000 0000 0000 0002',
  expired: '4000 0000 0000 0069',
  wrongSecurityCode: '4000 0000 0000 0127',
  processingError: '4000 0000 0000 0119',
  threeDSecure: '4000 0025 0000 3155',
  discover: '6011 1111 1111 1117',
};

/** Numbers the error tests type that no card has. */
export const WRONG_NUMBERS = {
  short: '4242 4242 4242',
  wrongDigit: '4242 4242 4242 4241',
  tooLong: '4242 4242 4242 4242 4242',
  noBrand: '9999 9999 9999 9995',
};

/** Every number typed in any test, without spaces, for the leak scan. */
export const CARD_DIGITS = [
  ...Object.values(CARDS),
  ...Object.values(WRONG_NUMBERS).slice(1),
].map((n) => n.replace(/ /g, ''));

/**
 * Opens the payment's `next_url` in a fresh browser context (its own
 * cookies: one citizen) and waits for the card details page.
 */
export async function openPayment(
  browser: Browser,
  payment: Payment,
): Promise<Page> {
  const next = payment._links.next_url?.href;
  expect(next, 'a new payment has a next_url').toBeTruthy();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(next as string);
  await expect(cardDetailsHeading(page)).toBeVisible();
  return page;
}

export function cardDetailsHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 1, name: 'Enter card details' });
}

export function expiry(page: Page): Locator {
  return page.getByRole('group', { name: 'Expiry date' });
}

/** The fields, by the names the contract gives them. */
export function fields(page: Page) {
  const date = expiry(page);
  return {
    number: page.getByRole('textbox', { name: 'Card number' }),
    month: date.getByRole('textbox', { name: 'Month' }),
    year: date.getByRole('textbox', { name: 'Year' }),
    name: page.getByRole('textbox', { name: 'Name on card' }),
    securityCode: page.getByRole('textbox', { name: 'Card security code' }),
    email: page.getByRole('textbox', { name: /^Email address/ }),
  };
}

/** A valid expiry a few years ahead, so the tests never age. */
export function futureYear(): string {
  return String(new Date().getFullYear() + 3);
}

function securityCodeFor(number: string): string {
  return number.replace(/ /g, '').startsWith('37') ? '1234' : '123';
}

/** Types card details into every field, replacing what was there. */
export async function fillCard(page: Page, card: Card): Promise<void> {
  const f = fields(page);
  await f.number.fill(card.number);
  await f.month.fill(card.month ?? '12');
  await f.year.fill(card.year ?? futureYear());
  await f.name.fill(card.name ?? 'Sam Citizen');
  await f.securityCode.fill(card.securityCode ?? securityCodeFor(card.number));
}

export function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

export function confirmHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 1, name: 'Confirm your payment' });
}

/** Card details, Continue, and the confirm page. */
export async function continueToConfirm(page: Page, card: Card) {
  await fillCard(page, card);
  await button(page, 'Continue').click();
  await expect(confirmHeading(page)).toBeVisible();
}

export function outcomeHeading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name });
}

/** From card details to an outcome heading, by mouse. */
export async function payWith(
  page: Page,
  card: Card,
  outcome: string,
): Promise<void> {
  await continueToConfirm(page, card);
  await button(page, 'Confirm payment').click();
  await expect(outcomeHeading(page, outcome)).toBeVisible();
}

type Recorded = Window & { paypageHeadings?: string[] };

/**
 * Starts writing down each main heading the page shows, in order, as
 * the screens change; returns a function that reads the list so far.
 * A screen that flashes up and goes is on the list too.
 */
export async function recordHeadings(
  page: Page,
): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as Recorded).paypageHeadings = seen;
    const note = () => {
      const text = document.querySelector('main h1')?.textContent?.trim();
      if (text && text !== seen.at(-1)) seen.push(text);
    };
    note();
    new MutationObserver(note).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  return () =>
    page.evaluate(() => [...((window as Recorded).paypageHeadings ?? [])]);
}

/** The value of a row on the confirm page ("Total amount", "Card"). */
export function summaryValue(page: Page, key: string): Locator {
  const term = page.getByRole('term').filter({ hasText: key });
  return term.locator('xpath=following-sibling::*[1]');
}

export const OUTCOMES = {
  success: 'Your payment was successful',
  declined: 'Your payment was declined',
  cancelled: 'Your payment has been cancelled',
  expired: 'Your payment session has expired',
  error: 'We could not take your payment',
};

/**
 * Makes the shim's payment view say the session has expired. A
 * payment expires 90 minutes after creation and the shim's clock
 * cannot be moved from a browser test, so the shim's real answer is
 * changed to the one it gives for an expired payment.
 */
export async function answerAsExpired(page: Page): Promise<void> {
  await page.route('**/api/page/payment', async (route) => {
    const response = await route.fetch();
    const view = await response.json();
    view.state = 'failed';
    view.outcome = { ...view.outcome, code: 'expired', attempts_left: 0 };
    await route.fulfill({ response, json: view });
  });
}

// The session time limit (tests/card-page/timeout.spec.ts). Only the
// browser's clock is faked: the shim's keeps real time, so it still
// holds the session open when the page has shown it ended.

export const TIMEOUT = {
  warning: 'Your payment session will end soon',
  moreTime: 'I need more time',
  ended: 'Your session has ended',
};

/**
 * Opens the payment like `openPayment`, with Playwright's fake clock
 * installed first, so a test can move the page's time on. `heading`
 * is the first screen's, for a payment in another language.
 */
export async function openPaymentWithClock(
  browser: Browser,
  payment: Payment,
  heading = 'Enter card details',
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(payment._links.next_url?.href as string);
  await expect(
    page.getByRole('heading', { level: 1, name: heading }),
  ).toBeVisible();
  return page;
}

export function timeoutWarning(page: Page, name = TIMEOUT.warning) {
  return page.getByRole('alertdialog', { name });
}

/**
 * The state "session-time warning open": 18 of the session's 20 idle
 * minutes pass. Needs a page from `openPaymentWithClock`.
 */
export async function openTimeoutWarning(page: Page): Promise<void> {
  await page.clock.fastForward('18:00');
  await expect(timeoutWarning(page)).toBeVisible();
}

/**
 * The state "session ended": the warning opens and its two minutes
 * run out. Needs a page from `openPaymentWithClock`.
 */
export async function endSession(page: Page): Promise<void> {
  await openTimeoutWarning(page);
  await page.clock.fastForward('02:01');
  await expect(outcomeHeading(page, TIMEOUT.ended)).toBeVisible();
}

// Every state of the card page, and how a citizen reaches it. Names
// come from the council's language catalogue, so the same steps work
// for a Welsh council. Payments have a fixed reference, amount and
// return address, so the pages (and their ARIA snapshots) repeat.
import {
  expect,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
} from '@playwright/test';
import { createPayment, type Payment } from '../support/api';
import {
  CARDS,
  WRONG_NUMBERS,
  answerAsExpired,
  futureYear,
} from '../support/card-page';
import { words, type Words } from './catalogue';
import type { Council } from './councils';

export interface Ctx {
  browser: Browser;
  request: APIRequestContext;
  council: Council;
  text: Words;
  page: Page;
  payment: Payment;
  /** Undoes what reaching the state held back (the processing state). */
  release: () => void;
}

export interface State {
  id: string;
  title: string;
  /** Whether the state belongs to a council; "unavailable" does not. */
  perCouncil: boolean;
  /** A page the shim serves on its own, with no payment behind it. */
  address?: (council: Council) => string;
  /** The status the address answers with, when not 200. */
  status?: number;
  /** False for a page with nothing to focus by design (a notice). */
  focusable?: boolean;
  /** The page's clock is Playwright's, so the state can move it on. */
  clock?: boolean;
  /** Gets from a fresh page to this state. */
  reach(ctx: Ctx): Promise<void>;
}

/** The card page's fields, by their accessible names. */
export function fieldsOf(page: Page, text: Words) {
  const date = page.getByRole('group', { name: text('expiry-date') });
  const textbox = (name: string | RegExp) =>
    page.getByRole('textbox', { name });
  return {
    number: textbox(text('card-number')),
    month: date.getByRole('textbox', { name: text('month') }),
    year: date.getByRole('textbox', { name: text('year') }),
    name: textbox(text('name-on-card')),
    securityCode: textbox(text('security-code')),
    email: textbox(new RegExp(`^${text('email')}`)),
    line1: textbox(text('address-line1')),
    city: textbox(text('address-city')),
    postcode: textbox(text('address-postcode')),
  };
}

export function buttonOf(page: Page, text: Words, key: string): Locator {
  return page.getByRole('button', { name: text(key), exact: true });
}

export function headingOf(page: Page, text: Words, key: string): Locator {
  return page.getByRole('heading', { level: 1, name: text(key) });
}

export interface Typed {
  number: string;
  month: string;
  year: string;
  name: string;
  securityCode: string;
  email?: string;
  /** Billing address line 1, town and postcode, when collected. */
  address?: [string, string, string];
}

export const GOOD: Typed = {
  number: CARDS.visa,
  month: '12',
  year: futureYear(),
  name: 'Sam Citizen',
  securityCode: '123',
  email: 'sam@example.com',
  address: ['1 High Street', 'Northmoor', 'NM1 4AB'],
};

/** Every field wrong at once, one mistake each. */
export const WRONG: Typed = {
  number: WRONG_NUMBERS.short,
  month: '13',
  year: futureYear(),
  name: CARDS.visa.replace(/ /g, ''),
  securityCode: '12',
  email: 'sam.example.com',
  address: ['1 High Street', 'Northmoor', 'NM1'],
};

export async function fill(ctx: Ctx, card: Typed): Promise<void> {
  const f = fieldsOf(ctx.page, ctx.text);
  await f.number.fill(card.number);
  await f.month.fill(card.month);
  await f.year.fill(card.year);
  await f.name.fill(card.name);
  await f.securityCode.fill(card.securityCode);
  if (ctx.council.email !== 'off' && card.email !== undefined) {
    await f.email.fill(card.email);
  }
  if (ctx.council.billingAddress !== 'off' && card.address) {
    const [line1, city, postcode] = card.address;
    await f.line1.fill(line1);
    await f.city.fill(city);
    await f.postcode.fill(postcode);
  }
}

async function continueWith(ctx: Ctx, card: Typed | null): Promise<void> {
  if (card) await fill(ctx, card);
  await buttonOf(ctx.page, ctx.text, 'continue').click();
}

async function withErrors(ctx: Ctx, card: Typed | null): Promise<void> {
  await continueWith(ctx, card);
  const prefix = ctx.text('title-error-prefix');
  await expect(ctx.page).toHaveTitle(new RegExp(`^${prefix}`));
}

async function toConfirm(ctx: Ctx): Promise<void> {
  await continueWith(ctx, GOOD);
  await expect(headingOf(ctx.page, ctx.text, 'confirm-your-payment'))
    .toBeVisible();
}

async function payWith(ctx: Ctx, number: string, outcome: string) {
  await continueWith(ctx, { ...GOOD, number });
  await buttonOf(ctx.page, ctx.text, 'confirm-payment').click();
  await expect(headingOf(ctx.page, ctx.text, outcome)).toBeVisible();
}

/**
 * The PSP refuses the number: the token request is sent on with a
 * wrong last digit, so the sandbox itself answers `incorrect_number`.
 */
async function refusedByPsp(ctx: Ctx): Promise<void> {
  await ctx.page.route('**/v1/tokens', async (route) => {
    const body = route.request().postData() ?? '';
    const wrong = WRONG_NUMBERS.wrongDigit.replace(/ /g, '');
    const changed = body.replace(
      /card%5Bnumber%5D=\d+/,
      `card%5Bnumber%5D=${wrong}`,
    );
    await route.continue({ postData: changed });
  });
  await toConfirm(ctx);
  await buttonOf(ctx.page, ctx.text, 'confirm-payment').click();
  await expect(headingOf(ctx.page, ctx.text, 'enter-card-details'))
    .toBeVisible();
  await expect(ctx.page.getByRole('alert')).toContainText(
    ctx.text('psp-card-number'),
  );
}

/** Holds the charge so the processing state stays on screen. */
async function processing(ctx: Ctx): Promise<void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  ctx.release = release;
  await ctx.page.route('**/api/page/authorise', async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await toConfirm(ctx);
  await buttonOf(ctx.page, ctx.text, 'confirm-payment').click();
  await expect(headingOf(ctx.page, ctx.text, 'processing')).toBeVisible();
}

/**
 * 18 of the session's 20 idle minutes pass on the page's clock: the
 * warning opens, two minutes before the end (tests/card-page/
 * timeout.spec.ts tests the time limit itself).
 */
async function timeoutWarning(ctx: Ctx): Promise<void> {
  await fill(ctx, GOOD);
  await ctx.page.clock.fastForward('18:00');
  const name = ctx.text('timeout-heading');
  await expect(ctx.page.getByRole('alertdialog', { name })).toBeVisible();
}

/**
 * Three declines end the payment: the citizen is told so, with no
 * offer of another card.
 */
async function declinedThreeTimes(ctx: Ctx): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await payWith(ctx, CARDS.declined, 'declined');
    if (attempt < 3) {
      await buttonOf(ctx.page, ctx.text, 'try-another-card').click();
      await expect(headingOf(ctx.page, ctx.text, 'enter-card-details'))
        .toBeVisible();
    }
  }
  await expect(buttonOf(ctx.page, ctx.text, 'try-another-card'))
    .toHaveCount(0);
  await expect(ctx.page.getByText(ctx.text('declined-final'))).toBeVisible();
}

export const STATES: State[] = [
  { id: 'details', title: 'Card details, empty', perCouncil: true,
    reach: async () => {} },
  { id: 'errors-missing', title: 'Errors: every field left empty',
    perCouncil: true, reach: (ctx) => withErrors(ctx, null) },
  { id: 'errors-wrong', title: 'Errors: every field wrong',
    perCouncil: true, reach: (ctx) => withErrors(ctx, WRONG) },
  { id: 'errors-brand', title: 'Error: a card brand not accepted',
    perCouncil: true,
    reach: (ctx) => withErrors(ctx, { ...GOOD, number: CARDS.discover }) },
  { id: 'errors-psp', title: 'Error: the card provider refuses the number',
    perCouncil: true, reach: refusedByPsp },
  { id: 'confirm', title: 'Confirm your payment', perCouncil: true,
    reach: toConfirm },
  { id: 'processing', title: 'Processing', perCouncil: true,
    reach: processing },
  { id: 'success', title: 'Outcome: paid', perCouncil: true,
    reach: (ctx) => payWith(ctx, CARDS.visa, 'success') },
  { id: 'declined', title: 'Outcome: declined, another card allowed',
    perCouncil: true,
    reach: (ctx) => payWith(ctx, CARDS.declined, 'declined') },
  { id: 'declined-final', title: 'Outcome: declined three times, ended',
    perCouncil: true, reach: declinedThreeTimes },
  { id: 'cancelled', title: 'Outcome: cancelled', perCouncil: true,
    reach: async (ctx) => {
      await buttonOf(ctx.page, ctx.text, 'cancel-payment').click();
      await expect(headingOf(ctx.page, ctx.text, 'cancelled')).toBeVisible();
    } },
  { id: 'expired', title: 'Outcome: session expired', perCouncil: true,
    reach: async () => {} },
  { id: 'error', title: 'Outcome: the provider could not take it',
    perCouncil: true,
    reach: (ctx) => payWith(ctx, CARDS.processingError, 'error') },
  { id: 'unavailable', title: 'Unavailable: no payment in this browser',
    perCouncil: false, reach: async () => {} },
  { id: 'timeout-warning', title: 'Timing: the session will end soon',
    perCouncil: true, clock: true, reach: timeoutWarning },
  { id: 'session-ended', title: 'Timing: the session has ended',
    perCouncil: true, clock: true,
    reach: async (ctx) => {
      await timeoutWarning(ctx);
      await ctx.page.clock.fastForward('02:01');
      await expect(headingOf(ctx.page, ctx.text, 'session-ended'))
        .toBeVisible();
    } },
  // The shim's own page for a spent or made-up next_url, in English
  // and Welsh at once (it cannot know the council or the language).
  { id: 'link-used', title: 'Unavailable: the payment link was used',
    perCouncil: false, status: 404, focusable: false,
    address: () => '/secure/this-link-was-used-already',
    reach: async () => {} },
  { id: 'statement', title: 'Accessibility statement', perCouncil: true,
    address: (council) => `/council/${council.slug}/accessibility`,
    reach: async () => {} },
];

const DESCRIPTION = { en: 'Parking fine', cy: 'Dirwy parcio' };

/**
 * A payment for the state with the council's own test key, and a page
 * at the state. The "unavailable" state opens the page with no
 * session at all, as a citizen does who follows an old link; a state
 * with its own address opens that, with no payment.
 */
export async function open(
  browser: Browser,
  request: APIRequestContext,
  council: Council,
  state: State,
): Promise<Ctx> {
  if (state.address) {
    const address = state.address(council);
    const status = state.status ?? 200;
    return openAddress(browser, request, council, address, status);
  }
  const payment = await createPayment(request, '', {
    key: council.testKey,
    amount: 4250,
    reference: `A11Y-${state.id.toUpperCase()}`,
    description: DESCRIPTION[council.language],
    returnUrl: 'http://localhost/a11y/return',
  });
  const page = await newPage(browser);
  const text = words(council.language);
  const ctx: Ctx = {
    browser, request, council, text, page, payment, release: () => {},
  };
  if (!state.perCouncil) {
    await page.goto('/pay');
    await expect(headingOf(page, words('en'), 'error')).toBeVisible();
    return ctx;
  }
  if (state.id === 'expired') await answerAsExpired(page);
  if (state.clock) await page.clock.install();
  await page.goto(payment._links.next_url?.href as string);
  const first = state.id === 'expired' ? 'expired' : 'enter-card-details';
  await expect(headingOf(page, text, first)).toBeVisible();
  await state.reach(ctx);
  return ctx;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  return context.newPage();
}

async function openAddress(
  browser: Browser,
  request: APIRequestContext,
  council: Council,
  address: string,
  status: number,
): Promise<Ctx> {
  const page = await newPage(browser);
  const response = await page.goto(address);
  expect(response?.status(), `GET ${address}`).toBe(status);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const text = words(council.language);
  const payment = {} as Payment;
  return {
    browser, request, council, text, page, payment, release: () => {},
  };
}

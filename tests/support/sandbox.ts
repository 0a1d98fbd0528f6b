// The sandbox PSP's own record of what was charged, for tests that
// must not take the page's or the shim's word for it.
//
// The shim mints each council's sandbox secret key afresh at every
// start and keeps it in its process, so tests read with the account's
// read-only key instead (sandbox/src/read_keys.rs): `rk_test_` and
// HMAC-SHA256(seed, publishable key) in hex, where the seed is the one
// playwright.config.ts puts in PAYPAGE_SANDBOX_READ_KEY_SEED for the
// shim (the sandbox runs inside it) and the test workers alike.
import { createHmac } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const READ_KEY_SEED = 'PAYPAGE_SANDBOX_READ_KEY_SEED';

/** The PSP as the page's payment view names it. */
export interface Psp {
  tokenise_url: string;
  publishable_key: string;
}

/** The fields of a Stripe payment intent these tests read. */
export interface Intent {
  id: string;
  status: string;
  amount: number;
  description: string | null;
  metadata: Record<string, string>;
}

/** The PSP this page tokenises with, from its own payment view. */
export async function pspOf(page: Page): Promise<Psp> {
  const view = new URL('/api/page/payment', page.url()).href;
  const response = await page.request.get(view);
  expect(response.status(), 'the page can read its payment').toBe(200);
  const { psp } = await response.json();
  expect(psp, 'the payment view names a PSP').toBeTruthy();
  return psp as Psp;
}

/** The sandbox account's read-only key, from its publishable key. */
export function readKeyFor(publishableKey: string): string {
  const seed = process.env[READ_KEY_SEED];
  if (!seed) {
    throw new Error(
      `${READ_KEY_SEED} is not set, so the sandbox gives no read-only ` +
        'keys and the tests cannot ask it what was charged. Set a ' +
        'random one for each run in playwright.config.ts, beside ' +
        'PAYPAGE_TEST_DATA (the shim and the workers inherit it): ' +
        `\`env.${READ_KEY_SEED} ??= randomBytes(32).toString('hex')\`.`,
    );
  }
  const mac = createHmac('sha256', seed).update(publishableKey);
  return `rk_test_${mac.digest('hex')}`;
}

/**
 * Every payment intent the page's sandbox account holds, newest
 * first, page by page with Stripe's `starting_after`.
 */
export async function sandboxIntents(
  request: APIRequestContext,
  psp: Psp,
): Promise<Intent[]> {
  const key = readKeyFor(psp.publishable_key);
  const headers = { Authorization: `Bearer ${key}` };
  const intents: Intent[] = [];
  let after: string | undefined;
  do {
    const url = new URL('/v1/payment_intents', psp.tokenise_url);
    url.searchParams.set('limit', '100');
    if (after) url.searchParams.set('starting_after', after);
    const response = await request.get(url.href, { headers });
    expect(response.status(), await response.text()).toBe(200);
    const list = await response.json();
    intents.push(...(list.data as Intent[]));
    after = list.has_more ? list.data.at(-1).id : undefined;
  } while (after);
  return intents;
}

/**
 * The intents charged for one paypage payment: the shim's connector
 * (shim/src/psp/mod.rs, `ChargeRequest`) sends the payment's id as
 * `metadata[payment_id]`.
 */
export async function intentsFor(
  request: APIRequestContext,
  psp: Psp,
  paymentId: string,
): Promise<Intent[]> {
  const intents = await sandboxIntents(request, psp);
  return intents.filter((intent) => intent.metadata.payment_id === paymentId);
}

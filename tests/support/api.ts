// The council's side of a test: the payments API with the example
// council's sandbox key (the one its README publishes).
import { expect, type APIRequestContext } from '@playwright/test';

export const EXAMPLE_KEY = 'api_test_example_sandbox_4f7c2a9e1b';
export const COUNCIL = 'Example Borough Council';

/**
 * councils/northmoor's `[preview] test_key`: it collects the billing
 * address and email, both optional.
 */
export const NORTHMOOR_KEY = 'api_test_northmoor_preview_7d31c0a5e2';

export interface Payment {
  payment_id: string;
  reference: string;
  description: string;
  amount: number;
  return_url: string;
  state: { status: string; finished: boolean; code?: string };
  _links: { next_url?: { href: string } };
  card_details?: { last_digits_card_number: string; card_brand: string };
}

export interface NewPayment {
  amount?: number;
  description?: string;
  email?: string;
  language?: 'en' | 'cy';
  /** Another council's test key; the example council's by default. */
  key?: string;
  /** A fixed reference and return address, for repeatable pages. */
  reference?: string;
  returnUrl?: string;
}

const headers = { Authorization: `Bearer ${EXAMPLE_KEY}` };
const headersFor = (key?: string) =>
  key ? { Authorization: `Bearer ${key}` } : headers;

/**
 * A reference in the demo service's shape, so the payment's return
 * address is the demo's own return page and says how it ended.
 */
export function newReference(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let rest = '';
  for (let i = 0; i < 10; i++) {
    rest += letters[Math.floor(Math.random() * letters.length)];
  }
  return `PCN${rest}`;
}

/** Creates a payment as a council's service does. */
export async function createPayment(
  request: APIRequestContext,
  baseURL: string,
  fields: NewPayment = {},
): Promise<Payment> {
  const reference = fields.reference ?? newReference();
  const data = {
    amount: fields.amount ?? 7000,
    reference,
    description: fields.description ?? `Parking fine ${reference}`,
    return_url:
      fields.returnUrl ?? `${baseURL}/demo/return?payment=${reference}`,
    ...(fields.email ? { email: fields.email } : {}),
    ...(fields.language ? { language: fields.language } : {}),
  };
  const response = await request.post('/v1/payments', {
    headers: headersFor(fields.key),
    data,
  });
  const body = await response.json();
  expect(response.status(), JSON.stringify(body)).toBe(201);
  return body as Payment;
}

export async function getPayment(
  request: APIRequestContext,
  id: string,
  key?: string,
): Promise<Payment> {
  const response = await request.get(`/v1/payments/${id}`, {
    headers: headersFor(key),
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as Payment;
}

/** The API statuses a payment went through, in order. */
export async function paymentStatuses(
  request: APIRequestContext,
  id: string,
): Promise<string[]> {
  const response = await request.get(`/v1/payments/${id}/events`, {
    headers,
  });
  expect(response.status()).toBe(200);
  const body = await response.json();
  return body.events.map(
    (event: { state: { status: string } }) => event.state.status,
  );
}

export async function cancelPayment(
  request: APIRequestContext,
  id: string,
): Promise<void> {
  const response = await request.post(`/v1/payments/${id}/cancel`, {
    headers,
  });
  expect(response.status()).toBe(204);
}

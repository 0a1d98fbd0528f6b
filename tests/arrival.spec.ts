// Arriving from the council's own site, as citizens do: a link on
// another site to `next_url`.
//
// Regression: the session cookie was SameSite=Strict. A navigation
// that starts on another site and is redirected to /pay does not carry
// a Strict cookie, so /pay was served without its session, under a
// policy that let the page reach only the shim: tokenising at the PSP
// was blocked and the citizen could not pay. Every other test opens
// next_url by typing it (page.goto), which hid this.
//
// The council's page is played by a tiny server on http://localhost,
// another site than the shim's http://127.0.0.1.
import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { createPayment, getPayment } from './support/api';
import {
  CARDS,
  OUTCOMES,
  cardDetailsHeading,
  payWith,
} from './support/card-page';
import { attribute, portOf, startSite } from './support/site';

/** A council page with one link: "Pay your parking fine" to `next`. */
function councilPage(next: string): string {
  const href = attribute(next);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Parking fines – a council's site</title></head>
<body><main><h1>Parking fines</h1>
<p><a href="${href}">Pay your parking fine</a></p>
</main></body></html>`;
}

let council: Server;

test.beforeAll(async () => {
  council = await startSite('127.0.0.1', '/fines', 'next', councilPage);
});

test.afterAll(() => {
  council.close();
});

test('a citizen who follows a link from the council site can pay', async ({
  page,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const next = payment._links.next_url?.href as string;
  const port = portOf(council);
  const site = `http://localhost:${port}/fines`;
  await page.goto(`${site}?next=${encodeURIComponent(next)}`);

  await page.getByRole('link', { name: 'Pay your parking fine' }).click();
  await expect(cardDetailsHeading(page)).toBeVisible();
  await payWith(page, { number: CARDS.visa }, OUTCOMES.success);

  const paid = await getPayment(request, payment.payment_id);
  expect(paid.state.status).toBe('success');
});

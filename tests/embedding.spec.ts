// The page embedded in a council's own site (docs/embedding.md).
//
// A council's host page is played by a tiny HTTP server started here,
// on a second origin. The shim runs on http://127.0.0.1:<port>; the
// example council lists http://localhost:* and http://127.0.0.1:*, so
// a host at http://localhost:<port> is another site that may embed the
// page, and one at http://127.0.0.2:<port> (also this machine) is a
// site that may not.
import type { Server } from 'node:http';
import {
  expect,
  test,
  type FrameLocator,
  type Page,
} from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { COUNCIL, createPayment, getPayment } from './support/api';
import { CARDS, OUTCOMES, futureYear } from './support/card-page';
import { attribute, portOf, startSite } from './support/site';

interface Message {
  origin: string;
  data: { type: string; version: number; [field: string]: unknown };
}

/** A council's page framing `src`, recording every message it gets. */
function hostPage(src: string): string {
  const quoted = attribute(src);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Pay your council tax – a council's site</title></head>
<body><main><h1>Pay your council tax</h1>
<iframe id="pay" title="Card payment" src="${quoted}"
  style="display:block;width:100%;border:0;height:200px"
  onload="window.frameLoaded = true"></iframe>
</main>
<script>
window.received = [];
const frame = document.getElementById('pay');
addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  window.received.push({ origin: event.origin, data: event.data });
  if (event.data.type === 'paypage:height') {
    frame.style.height = event.data.height + 'px';
  }
});
</script></body></html>`;
}

/** Serves `hostPage(?src=)` at /host on `address` and a free port. */
const startHost = (address: string) =>
  startSite(address, '/host', 'src', hostPage);

/** Opens the host page at `hostOrigin` framing `next_url?embed=`. */
async function openHost(
  page: Page,
  hostOrigin: string,
  next: string,
  embed: string,
): Promise<FrameLocator> {
  const src = `${next}?embed=${encodeURIComponent(embed)}`;
  await page.goto(`${hostOrigin}/host?src=${encodeURIComponent(src)}`);
  return page.getByTitle('Card payment').contentFrame();
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Message[] }).received);

const ofType = async (page: Page, type: string) =>
  (await received(page)).filter((m) => m.data.type === type);

/** A page or a frame: where elements are found by role. */
type Scope = Pick<FrameLocator, 'getByRole'>;

const cardHeading = (frame: Scope) =>
  frame.getByRole('heading', { level: 1, name: 'Enter card details' });

async function fillCard(frame: FrameLocator, number: string) {
  await frame.getByRole('textbox', { name: 'Card number' }).fill(number);
  const expiry = frame.getByRole('group', { name: 'Expiry date' });
  await expiry.getByRole('textbox', { name: 'Month' }).fill('12');
  await expiry.getByRole('textbox', { name: 'Year' }).fill(futureYear());
  await frame.getByRole('textbox', { name: 'Name on card' }).fill('Sam Citizen');
  const code = frame.getByRole('textbox', { name: 'Card security code' });
  await code.fill('123');
}

/** The frame is exactly as tall as the page says, so nothing scrolls. */
async function expectFrameFits(page: Page, frame: FrameLocator) {
  await expect(async () => {
    const heights = await ofType(page, 'paypage:height');
    const last = heights.at(-1)?.data.height as number;
    const box = await page.getByTitle('Card payment').boundingBox();
    expect(box?.height).toBe(last);
    const scrolls = await frame.locator('html').evaluate(
      (root) => root.scrollHeight > root.clientHeight,
    );
    expect(scrolls, 'the framed page scrolls').toBe(false);
  }).toPass();
}

let allowed: Server;
let refused: Server;

test.beforeAll(async () => {
  allowed = await startHost('127.0.0.1');
  refused = await startHost('127.0.0.2');
});

test.afterAll(async () => {
  allowed.close();
  refused.close();
});

test('a citizen pays inside a frame on an allowed site, which hears ready, height and outcome', async ({
  page,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const host = `http://localhost:${portOf(allowed)}`;
  const next = payment._links.next_url?.href as string;
  const frame = await openHost(page, host, next, host);

  await expect(cardHeading(frame)).toBeVisible();
  await expect.poll(() => ofType(page, 'paypage:ready')).toHaveLength(1);
  await expectFrameFits(page, frame);
  await expectNoAxeViolations(page, 'embedded: card details');

  // Errors make the page taller: the host hears the new height.
  const before = (await ofType(page, 'paypage:height')).length;
  await frame.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(frame.getByRole('heading', { name: 'There is a problem' }))
    .toBeVisible();
  await expect
    .poll(async () => (await ofType(page, 'paypage:height')).length)
    .toBeGreaterThan(before);
  await expectFrameFits(page, frame);
  await expectNoAxeViolations(page, 'embedded: errors');

  await fillCard(frame, CARDS.visa);
  await frame.getByRole('button', { name: 'Continue', exact: true }).click();
  await frame.getByRole('button', { name: 'Confirm payment' }).click();
  await expect(
    frame.getByRole('heading', { level: 1, name: OUTCOMES.success }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'embedded: paid');

  await expect.poll(() => ofType(page, 'paypage:outcome')).toHaveLength(1);
  const outcomes = await ofType(page, 'paypage:outcome');
  expect(outcomes[0].data).toEqual({
    type: 'paypage:outcome',
    version: 1,
    state: 'success',
    reference: payment.reference,
  });
  const all = await received(page);
  expect(all.every((m) => m.origin === baseURL)).toBe(true);
  expect(all.every((m) => m.data.version === 1)).toBe(true);
  const digits = CARDS.visa.replace(/ /g, '');
  expect(JSON.stringify(all)).not.toContain(digits);
  expect((await getPayment(request, payment.payment_id)).state.status).toBe(
    'success',
  );

  // Leaving the page takes the whole window, not just the frame.
  await frame.getByRole('link', { name: `Return to ${COUNCIL}` }).click();
  await expect(page).toHaveURL(payment.return_url);
  await expect(
    page.getByRole('heading', { name: 'Your parking fine is paid' }),
  ).toBeVisible();
});

test('a site not on the list is refused and the payment link still works', async ({
  page,
  request,
  baseURL,
  browser,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const host = `http://127.0.0.2:${portOf(refused)}`;
  const next = payment._links.next_url?.href as string;
  const answered = page.waitForResponse((r) => r.url().includes('/secure/'));
  const frame = await openHost(page, host, next, host);

  expect((await answered).status()).toBe(403);
  await page.waitForFunction(() => 'frameLoaded' in window);
  await expect(cardHeading(frame)).toHaveCount(0);
  await expect(frame.getByText('may not embed')).toHaveCount(0);
  expect(await received(page)).toEqual([]);

  // Nothing was spent: the citizen can still pay the usual way.
  const own = await (await browser.newContext()).newPage();
  await own.goto(next);
  await expect(cardHeading(own)).toBeVisible();
});

test('a site claiming an allowed origin is blocked by frame-ancestors', async ({
  page,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const host = `http://127.0.0.2:${portOf(refused)}`;
  const claimed = `http://localhost:${portOf(allowed)}`;
  const next = payment._links.next_url?.href as string;
  const answered = page.waitForResponse((r) => r.url().includes('/secure/'));
  const frame = await openHost(page, host, next, claimed);

  // The shim served the page (the claim is on the list) ...
  const response = await answered;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-security-policy']).toContain(
    `frame-ancestors ${claimed};`,
  );
  // ... and the browser refused to show it in this site's frame:
  // Chromium puts its own error page in the frame, so none of the
  // page's script ran. (Looking for no heading right after the frame's
  // load event would pass even without frame-ancestors: the page draws
  // its heading later.)
  await page.waitForFunction(() => 'frameLoaded' in window);
  const framed = page.frames().find((f) => f !== page.mainFrame());
  expect(framed?.url()).toBe('chrome-error://chromewebdata/');
  await expect(cardHeading(frame)).toHaveCount(0);
  expect(await received(page)).toEqual([]);
});

test('the demo pays on its own page: the frame fits and the demo says how it ended', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('radio', { name: '£35.00', exact: true }).check();
  await page.getByRole('button', { name: 'Pay on this page instead' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Pay by card on this page' }),
  ).toBeVisible();
  const frame = page.getByTitle('Card payment').contentFrame();
  await expect(cardHeading(frame)).toBeVisible();
  await expect(page.getByTitle('Card payment')).toHaveAttribute(
    'data-ready',
    'true',
  );
  await expectNoAxeViolations(page, 'demo: embedded card details');

  await frame.getByRole('button', { name: 'Cancel payment' }).click();
  await expect(
    frame.getByRole('heading', { level: 1, name: OUTCOMES.cancelled }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'cancelled' }))
    .toHaveText('The payment page says you cancelled. No money was taken.');
  await expectNoAxeViolations(page, 'demo: embedded, cancelled');

  await page.getByRole('link', { name: 'See what the council recorded' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'You cancelled your payment' }),
  ).toBeVisible();
});

test('the demo pays on its own page in Welsh and says how it ended in Welsh', async ({
  page,
}) => {
  await page.goto('/?lang=cy');
  await page.getByRole('radio', { name: '£35.00', exact: true }).check();
  await page
    .getByRole('button', { name: 'Talu ar y dudalen hon yn lle hynny' })
    .click();

  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Talu â cherdyn ar y dudalen hon',
    }),
  ).toBeVisible();
  const frame = page.getByTitle('Taliad cerdyn').contentFrame();
  await expect(
    frame.getByRole('heading', {
      level: 1,
      name: 'Rhowch fanylion eich cerdyn',
    }),
  ).toBeVisible();
  await expect(page.getByTitle('Taliad cerdyn')).toHaveAttribute(
    'data-ready',
    'true',
  );
  await expectNoAxeViolations(page, 'demo in Welsh: embedded card details');

  // embed.js takes its words from the page, so it speaks Welsh too.
  await frame.getByRole('button', { name: "Canslo'r taliad" }).click();
  await expect(
    frame.getByRole('heading', {
      level: 1,
      name: "Mae eich taliad wedi'i ganslo",
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'canslo' }),
  ).toHaveText(
    "Mae'r dudalen dalu'n dweud eich bod wedi canslo. " +
      'Ni chymerwyd unrhyw arian.',
  );
  await expectNoAxeViolations(page, 'demo in Welsh: embedded, cancelled');

  await page
    .getByRole('link', { name: "Gweld beth mae'r cyngor wedi'i gofnodi" })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(
    page.getByRole('heading', { name: 'Rydych wedi canslo eich taliad' }),
  ).toBeVisible();
});

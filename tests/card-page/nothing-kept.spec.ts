// After a payment the browser keeps nothing of the card: the page
// stores nothing, puts the number in no address it visits, and writes
// it to no console (where an extension or a shared computer's next
// user could find it). DESIGN.md, "Non-negotiables".
import { expect, test, type Page } from '@playwright/test';
import { createPayment } from '../support/api';
import {
  CARDS,
  OUTCOMES,
  cardDetailsHeading,
  payWith,
} from '../support/card-page';

/** The number as typed, and every way a URL or a log could spell it. */
function spellings(number: string): string[] {
  const digits = number.replace(/ /g, '');
  const plus = number.replace(/ /g, '+');
  return [digits, number, encodeURIComponent(number), plus];
}

/** Whether `text` holds the number in any of its spellings. */
function mentions(text: string, number: string): boolean {
  return spellings(number).some((spelling) => text.includes(spelling));
}

/** Every URL the page goes to or asks for, and everything it logs. */
function watch(page: Page) {
  const seen = { urls: [] as string[], console: [] as string[] };
  page.on('framenavigated', (frame) => seen.urls.push(frame.url()));
  page.on('request', (request) => seen.urls.push(request.url()));
  page.on('console', (message) => seen.console.push(message.text()));
  page.on('pageerror', (error) => seen.console.push(String(error)));
  return seen;
}

/** What the page's origin keeps in the browser's storage. */
function storedInBrowser(page: Page) {
  return page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((db) => db.name),
    caches: await caches.keys(),
  }));
}

test('after a successful payment the browser keeps nothing of the card', async ({
  browser,
  request,
  baseURL,
}) => {
  const number = CARDS.mastercard;
  const payment = await createPayment(request, baseURL as string);
  const page = await (await browser.newContext()).newPage();
  const seen = watch(page);
  await page.goto(payment._links.next_url?.href as string);
  await expect(cardDetailsHeading(page)).toBeVisible();
  await payWith(page, { number }, OUTCOMES.success);

  expect(await storedInBrowser(page)).toEqual({
    localStorage: [],
    sessionStorage: [],
    indexedDB: [],
    caches: [],
  });
  // The watch saw the whole journey, to the PSP and the charge...
  const paths = seen.urls.map((url) => new URL(url).pathname);
  expect(paths).toEqual(
    expect.arrayContaining(['/pay', '/v1/tokens', '/api/page/authorise']),
  );
  // ...and the number in no address and no console message.
  expect(seen.urls.filter((url) => mentions(url, number))).toEqual([]);
  expect(seen.console.filter((text) => mentions(text, number))).toEqual([]);
});

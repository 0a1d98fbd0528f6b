// A citizen whose browser runs no JavaScript cannot pay here (the card
// rules and tokenising run in the page), so index.html's <noscript>
// says so, in English and Welsh, and says what to do instead.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { createPayment } from '../support/api';

const HEADING = 'Turn on JavaScript to pay by card';
const WELSH = 'Mae angen JavaScript ar y dudalen hon.';

test('without JavaScript the page says, in English and Welsh, how to pay', async ({
  browser,
  request,
  baseURL,
}) => {
  const payment = await createPayment(request, baseURL as string);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(payment._links.next_url?.href as string);

  const main = page.getByRole('main');
  await expect(
    main.getByRole('heading', { level: 1, name: HEADING }),
  ).toBeVisible();
  // Playwright's text selectors skip whatever is inside <noscript>, so
  // the two paragraphs are found by role and then read.
  const paragraphs = main.getByRole('paragraph');
  await expect(paragraphs).toHaveCount(2);
  const [english, welsh] = await paragraphs.all();
  await expect(english).toBeVisible();
  await expect(english).toContainText(
    'or contact the council to pay another way',
  );
  await expect(welsh).toBeVisible();
  await expect(welsh).toContainText(WELSH);
  await expect(welsh).toContainText("cysylltwch â'r cyngor i dalu");
  // Screen readers switch voice on lang (WCAG 3.1.2).
  await expect(welsh).toHaveAttribute('lang', 'cy');

  await expectNoAxeViolationsWithoutScripts(browser, page);
  await context.close();
});

/**
 * axe-core runs inside the page, and a context with JavaScript off
 * runs nothing there (`page.evaluate` never returns), so
 * @axe-core/playwright cannot check `page` itself. What that browser
 * shows is the <noscript> content parsed as ordinary markup, so the
 * same document, with its scripts taken out and <noscript> made a
 * <div>, is served at the same address, with the same session (for
 * the council's theme.css), to a context that runs JavaScript, and
 * axe checks that.
 */
async function expectNoAxeViolationsWithoutScripts(
  browser: Browser,
  page: Page,
) {
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\b(?:modulepreload|preload)\b[^>]*>/g, '')
    .replace(/<(\/?)noscript>/g, '<$1div>');
  expect(html, 'the scripts were taken out').not.toMatch(/<script/);
  const url = page.url();
  const storageState = await page.context().storageState();
  const checking = await browser.newContext({ storageState });
  const copy = await checking.newPage();
  await copy.route(
    (address) => address.href === url,
    (route) => route.fulfill({ contentType: 'text/html', body: html }),
  );
  await copy.goto(url);
  await expect(
    copy.getByRole('heading', { level: 1, name: HEADING }),
  ).toBeVisible();
  await expectNoAxeViolations(copy, 'no JavaScript');
  await checking.close();
}

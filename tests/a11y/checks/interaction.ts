// Checks that act on the page as a citizen does: errors (3.3.1,
// 3.3.3), nothing charged before confirming (3.3.4), values kept and
// paste allowed (3.3.7, 3.3.8), and what reaches a live region (4.1.3).
// Each returns its findings as lines; a failed expectation is a finding.
import { expect, type Page } from '@playwright/test';
import { getPayment } from '../../support/api';
import {
  GOOD,
  buttonOf,
  fieldsOf,
  headingOf,
  type Ctx,
  type Typed,
} from '../states';

export interface Outcome {
  pass: boolean;
  measured: string[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function summaryOf(ctx: Ctx) {
  return ctx.page.getByRole('alert').filter({
    has: ctx.page.getByRole('heading', {
      name: ctx.text('there-is-a-problem'),
    }),
  });
}

/** WCAG 3.3.1: the title starts with the error prefix; focus is on
 * the summary, so a screen reader reads it first. */
export async function errorArrival(ctx: Ctx): Promise<string[]> {
  const prefix = ctx.text('title-error-prefix');
  await expect(ctx.page).toHaveTitle(new RegExp(`^${escape(prefix)}`));
  await expect(summaryOf(ctx)).toBeFocused();
  return [`title: "${await ctx.page.title()}"`, 'focus: the error summary'];
}

/**
 * WCAG 3.3.1 and 3.3.3: each summary link moves focus to a field
 * whose accessible description carries the link's message.
 */
export async function errorLinks(ctx: Ctx): Promise<string[]> {
  const { page, text } = ctx;
  const lines: string[] = [];
  const links = await summaryOf(ctx).getByRole('link').all();
  expect(links.length, 'the summary lists at least one error')
    .toBeGreaterThan(0);
  for (const link of links) {
    const message = (await link.textContent())?.trim() ?? '';
    await link.click();
    const focused = page.locator(':focus');
    await expect(focused).toHaveRole('textbox');
    const said = escape(`${text('error-prefix')} ${message}`);
    await expect(focused).toHaveAccessibleDescription(new RegExp(said));
    lines.push(`"${message}" → focus on ${await label(focused)}, ` +
      'which it describes');
  }
  return lines;
}

/** WCAG 3.3.7: what was typed is still in each field. */
export async function valuesKept(ctx: Ctx, typed: Typed): Promise<string[]> {
  const f = fieldsOf(ctx.page, ctx.text);
  const digits = (s: string) => s.replace(/\s/g, '');
  await expect
    .poll(async () => digits(await f.number.inputValue()))
    .toBe(digits(typed.number));
  await expect(f.month).toHaveValue(typed.month);
  await expect(f.year).toHaveValue(typed.year);
  await expect(f.name).toHaveValue(typed.name);
  await expect(f.securityCode).toHaveValue(typed.securityCode);
  if (ctx.council.email !== 'off' && typed.email !== undefined) {
    await expect(f.email).toHaveValue(typed.email);
  }
  if (ctx.council.billingAddress !== 'off' && typed.address) {
    await expect(f.line1).toHaveValue(typed.address[0]);
    await expect(f.city).toHaveValue(typed.address[1]);
    await expect(f.postcode).toHaveValue(typed.address[2]);
  }
  return ['every field kept as typed'];
}

/**
 * WCAG 3.3.8 (and 3.3.7's "no re-typing"): a real paste from the
 * clipboard lands in every field, and no field cancels the event.
 */
export async function pasteWorks(ctx: Ctx): Promise<string[]> {
  const f = fieldsOf(ctx.page, ctx.text);
  const fields = [f.number, f.month, f.year, f.name, f.securityCode];
  if (ctx.council.email !== 'off') fields.push(f.email);
  const pasted = ['4242424242424242', '12', GOOD.year, 'Sam Citizen', '123',
    'sam@example.com'];
  const lines: string[] = [];
  for (const [i, field] of fields.entries()) {
    const cancelled = await field.evaluate((el, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      const paste = new ClipboardEvent('paste', {
        bubbles: true, cancelable: true, clipboardData: data,
      });
      return !el.dispatchEvent(paste);
    }, pasted[i]);
    expect(cancelled, 'the page cancels a paste').toBe(false);
    await ctx.page.evaluate((v) => navigator.clipboard.writeText(v), pasted[i]);
    await field.fill('');
    await field.press('ControlOrMeta+V');
    const digits = (s: string) => s.replace(/\s/g, '');
    await expect.poll(async () => digits(await field.inputValue()))
      .toBe(digits(pasted[i]));
    lines.push(`pasted "${pasted[i]}" into ${await label(field)}`);
  }
  return lines;
}

async function label(field: ReturnType<Page['locator']>): Promise<string> {
  const name = await field.evaluate(
    (el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim(),
  );
  return `"${name}"`;
}

/** WCAG 4.1.3: a status region in the accessibility tree says `text`. */
async function statusSays(page: Page, text: string): Promise<string> {
  await expect
    .poll(async () => {
      const regions = await page.getByRole('status').all();
      const trees = await Promise.all(regions.map((r) => r.ariaSnapshot()));
      return trees.find((tree) => tree.includes(text)) ?? '';
    })
    .toContain(text);
  return `role=status reads "${text}"`;
}

/** The detected brand reaches the polite status region. */
export async function brandAnnounced(ctx: Ctx): Promise<string[]> {
  const number = fieldsOf(ctx.page, ctx.text).number;
  await number.fill('');
  await number.pressSequentially('4242');
  const said = ctx.text('brand-detected', { brand: 'Visa' });
  return [await statusSays(ctx.page, said)];
}

export async function processingAnnounced(ctx: Ctx): Promise<string[]> {
  return [await statusSays(ctx.page, ctx.text('processing'))];
}

/**
 * An error after the token request (asynchronous) is in an alert,
 * a live region screen readers announce, and the summary has focus.
 */
export async function asyncErrorAnnounced(ctx: Ctx): Promise<string[]> {
  const summary = summaryOf(ctx);
  const tree = await summary.ariaSnapshot();
  const message = ctx.text('psp-card-number');
  expect(tree).toContain(message);
  await expect(summary).toBeFocused();
  return [`role=alert reads "${message}" and has focus`];
}

/**
 * WCAG 3.3.4: the council's API still says "started" on the confirm
 * page; then the Change links go back with every value kept (3.3.7).
 */
export async function nothingChargedYet(ctx: Ctx): Promise<string[]> {
  const stored = await getPayment(
    ctx.request, ctx.payment.payment_id, ctx.council.testKey,
  );
  expect(stored.state.status).toBe('started');
  return [`GET /v1/payments/{id}: state "${stored.state.status}"`];
}

export async function changeKeepsValues(ctx: Ctx): Promise<string[]> {
  const { page, text } = ctx;
  const lines: string[] = [];
  for (const [key, field] of [
    ['change-card-details', 'number'],
    ['change-name-on-card', 'name'],
  ] as const) {
    const name = `${text('change')} ${text(key)}`;
    await page.getByRole('link', { name }).click();
    await expect(headingOf(page, text, 'enter-card-details')).toBeVisible();
    await expect(fieldsOf(page, text)[field]).toBeFocused();
    lines.push(...(await valuesKept(ctx, GOOD)));
    lines.push(`"${name}" → focus on the ${field} field`);
    await buttonOf(page, text, 'continue').click();
    await expect(headingOf(page, text, 'confirm-your-payment')).toBeVisible();
  }
  return lines;
}

function warningOf(ctx: Ctx) {
  const name = ctx.text('timeout-heading');
  return ctx.page.getByRole('alertdialog', { name });
}

/**
 * WCAG 2.2.1 and 4.1.3: the time warning is an alert dialog named by
 * its heading, focus is inside it (so it is read out), and it offers
 * more time.
 */
export async function warningAnnounced(ctx: Ctx): Promise<string[]> {
  const dialog = warningOf(ctx);
  const inside = await dialog.evaluate((el) =>
    el.contains(document.activeElement),
  );
  expect(inside, 'focus is inside the warning').toBe(true);
  const more = ctx.text('timeout-more-time');
  await expect(dialog.getByRole('button', { name: more })).toBeVisible();
  return ['role=alertdialog, named by its heading, holds focus',
    `offers "${more}"`];
}

/** "I need more time" closes the warning; what was typed stays. */
export async function moreTimeKeepsValues(ctx: Ctx): Promise<string[]> {
  await buttonOf(ctx.page, ctx.text, 'timeout-more-time').click();
  await expect(warningOf(ctx)).toHaveCount(0);
  return ['the warning closed', ...(await valuesKept(ctx, GOOD))];
}

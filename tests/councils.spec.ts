// Each example council's page, opened the way a council previews it
// (`/preview/<slug>`): its colours as configured, its starting
// language, and axe on the card page and the cancelled page.
//
// The colours expected here are read from nothing but this table, which
// copies councils/<slug>/council.toml: if a council's file and the page
// disagree, the test says which colour differs.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

interface Council {
  slug: string;
  language: 'en' | 'cy';
  name: string;
  logoAlt: string;
  headerBackground: string;
  headerText: string;
  brand: string;
  link: string;
  button: string;
  buttonText: string;
  buttonEdge: string;
  focus: string;
  focusText: string;
  words: {
    heading: string;
    continue: string;
    cancel: string;
    cancelled: string;
    number: string;
  };
}

const ENGLISH = {
  heading: 'Enter card details',
  continue: 'Continue',
  cancel: 'Cancel payment',
  cancelled: 'Your payment has been cancelled',
  number: 'Card number',
};

const WELSH = {
  heading: 'Rhowch fanylion eich cerdyn',
  continue: 'Parhau',
  cancel: "Canslo'r taliad",
  cancelled: "Mae eich taliad wedi'i ganslo",
  number: 'Rhif y cerdyn',
};

const COUNCILS: Council[] = [
  {
    slug: 'northmoor',
    language: 'en',
    name: 'Northmoor Borough Council',
    logoAlt: 'Northmoor Borough Council',
    headerBackground: '#1b2a41',
    headerText: '#ffffff',
    brand: '#00857c',
    link: '#1d4f91',
    button: '#1b2a41',
    buttonText: '#ffffff',
    buttonEdge: '#0b0c0c',
    // Not set in its file: GOV.UK's yellow with near-black text.
    focus: '#ffdd00',
    focusText: '#0b0c0c',
    words: ENGLISH,
  },
  {
    slug: 'glan-teifi',
    language: 'cy',
    name: 'Cyngor Sir Glan Teifi',
    logoAlt: 'Cyngor Sir Glan Teifi',
    headerBackground: '#5a1020',
    headerText: '#ffffff',
    brand: '#3a8f3f',
    link: '#5a1020',
    button: '#2e6b30',
    buttonText: '#ffffff',
    // Not set in its file: the default edge and focus colours.
    buttonEdge: '#002d18',
    focus: '#ffdd00',
    focusText: '#0b0c0c',
    words: WELSH,
  },
  {
    slug: 'sunnybank',
    language: 'en',
    name: 'Sunnybank District Council',
    logoAlt: 'Sunnybank District Council',
    headerBackground: '#ffd60a',
    headerText: '#0b0c0c',
    brand: '#3d3d3d',
    link: '#00578a',
    button: '#ffd60a',
    buttonText: '#0b0c0c',
    buttonEdge: '#0b0c0c',
    // Its yellow button would hide a yellow focus: blue instead.
    focus: '#1d70b8',
    focusText: '#ffffff',
    words: ENGLISH,
  },
];

/** `#rrggbb` as the browser reports a computed colour. */
function rgb(hex: string): string {
  const part = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `rgb(${part(1)}, ${part(3)}, ${part(5)})`;
}

/** Opens the council's preview and waits for the card details page. */
async function openPreview(page: Page, council: Council): Promise<void> {
  await page.goto(`/preview/${council.slug}`);
  await expect(
    page.getByRole('heading', { level: 1, name: council.words.heading }),
  ).toBeVisible();
}

function header(page: Page) {
  return page.getByRole('banner');
}

for (const council of COUNCILS) {
  test.describe(`${council.name} (${council.slug})`, () => {
    test('the preview opens in its language, in its colours, and passes axe', async ({
      page,
    }) => {
      await openPreview(page, council);
      await expect(page.locator('html')).toHaveAttribute(
        'lang',
        council.language,
      );
      await expect(header(page)).toHaveCSS(
        'background-color',
        rgb(council.headerBackground),
      );
      await expect(header(page)).toHaveCSS('color', rgb(council.headerText));
      const primary = page.getByRole('button', {
        name: council.words.continue,
      });
      await expect(primary).toHaveCSS('background-color', rgb(council.button));
      await expect(primary).toHaveCSS('color', rgb(council.buttonText));
      await expectNoAxeViolations(page, `${council.slug}: card details`);
    });

    test('links take its link colour; the cancelled page passes axe', async ({
      page,
    }) => {
      await openPreview(page, council);
      await page.getByRole('button', { name: council.words.cancel }).click();
      await expect(
        page.getByRole('heading', { name: council.words.cancelled }),
      ).toBeVisible();
      const back = page.getByRole('main').getByRole('link').last();
      await expect(back).toBeVisible();
      await expect(back).toHaveCSS('color', rgb(council.link));
      await expectNoAxeViolations(page, `${council.slug}: cancelled`);
    });

    test("the stripe, button and logo are the council's", async ({
      page,
    }) => {
      await openPreview(page, council);
      await expect(header(page)).toHaveCSS(
        'border-bottom-color',
        rgb(council.brand),
      );
      const primary = page.getByRole('button', {
        name: council.words.continue,
      });
      await expect(primary).toHaveCSS(
        'border-top-color',
        rgb(council.buttonEdge),
      );
      const logo = header(page).getByRole('img', { name: council.logoAlt });
      await expect(logo).toBeVisible();
      const drawn = await logo.evaluate(
        (img) => (img as HTMLImageElement).naturalWidth,
      );
      expect(drawn, 'the logo loaded and has a size').toBeGreaterThan(0);
      await expectNoAxeViolations(page, `${council.slug}: logo`);
    });

    test('focus is shown in its focus colours', async ({ page }) => {
      await openPreview(page, council);
      const primary = page.getByRole('button', {
        name: council.words.continue,
      });
      await primary.focus();
      await expect(primary).toHaveCSS('background-color', rgb(council.focus));
      await expect(primary).toHaveCSS('color', rgb(council.focusText));
      const number = page.getByRole('textbox', {
        name: council.words.number,
      });
      await number.focus();
      await expect(number).toHaveCSS('outline-color', rgb(council.focus));
      await expectNoAxeViolations(page, `${council.slug}: focused field`);
    });
  });
}

test("an unknown council's preview says so instead of a payment", async ({
  request,
}) => {
  const response = await request.get('/preview/no-such-council');
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain('No council called');
});

// Each council's accessibility statement, for every council in
// councils/ (read from the folder, so a new council is checked without
// a change here), in English and Welsh: axe finds nothing, there is one
// h1 naming the council, the document's language is right, the other
// language is one link away, and the card page's footer links to the
// statement in the citizen's language.
import { expect, test, type Page } from '@playwright/test';
import { councils, type Council } from './a11y/councils';
import { expectNoAxeViolations } from './support/axe';

type Language = 'en' | 'cy';

/** The words the statement and the card page use, per language. */
const WORDS = {
  en: {
    heading: (council: string) =>
      `Accessibility statement for paying ${council} by card`,
    other: 'Cymraeg',
    footerLink: 'Accessibility statement for this payment page',
  },
  cy: {
    heading: (council: string) =>
      `Datganiad hygyrchedd ar gyfer talu ${council} â cherdyn`,
    other: 'English',
    footerLink: "Datganiad hygyrchedd y dudalen dalu hon",
  },
};

const OTHER: Record<Language, Language> = { en: 'cy', cy: 'en' };

function statementPath(council: Council, language: Language): string {
  return `/council/${council.slug}/accessibility?lang=${language}`;
}

async function expectStatement(
  page: Page,
  council: Council,
  language: Language,
): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  const words = WORDS[language];
  const heading = page.getByRole('heading', {
    level: 1,
    name: words.heading(council.name[language]),
  });
  await expect(heading).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
}

const ALL = councils();

test('the statement is checked for at least the three example councils', () => {
  expect(ALL.length).toBeGreaterThanOrEqual(3);
});

for (const council of ALL) {
  for (const language of ['en', 'cy'] as const) {
    test(`${council.slug} (${language}): the statement passes axe`, async ({
      page,
    }) => {
      const response = await page.goto(statementPath(council, language));
      expect(response?.status()).toBe(200);
      await expectStatement(page, council, language);
      await expectNoAxeViolations(
        page,
        `${council.slug}: accessibility statement (${language})`,
      );
    });

    test(`${council.slug} (${language}): the other language is one link away`, async ({
      page,
    }) => {
      await page.goto(statementPath(council, language));
      const nav = page.getByRole('navigation', {
        name: language === 'cy' ? 'Iaith' : 'Language',
      });
      await nav.getByRole('link', { name: WORDS[language].other }).click();
      await expectStatement(page, council, OTHER[language]);
    });
  }

  test(`${council.slug}: the card page's footer links to the statement`, async ({
    page,
  }) => {
    await page.goto(`/preview/${council.slug}`);
    const language = council.language;
    const footer = page.getByRole('contentinfo');
    const link = footer.getByRole('link', {
      name: WORDS[language].footerLink,
    });
    await expect(link).toHaveAttribute(
      'href',
      statementPath(council, language),
    );
    await link.click();
    await expectStatement(page, council, language);
  });
}

test('an unknown council has a "page not found" page, not an error', async ({
  page,
}) => {
  const response = await page.goto('/council/no-such-council/accessibility');
  expect(response?.status()).toBe(404);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Page not found' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'accessibility statement: not found');
});

// Runs after every other browser test (the `no-card-data` project in
// playwright.config.ts depends on them): no card number any test typed
// may be in what the shim logged or stored (DESIGN.md,
// "Non-negotiables").
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CARD_DIGITS } from './support/card-page';

const dataDir = process.env.PAYPAGE_TEST_DATA as string;

function everyFile(): { name: string; text: string }[] {
  return readdirSync(dataDir).map((name) => ({
    name,
    // latin1 keeps every byte, so digits inside SQLite pages are found.
    text: readFileSync(path.join(dataDir, name)).toString('latin1'),
  }));
}

test('no card number reached the shim log or its database', () => {
  const files = everyFile();
  const log = files.find((f) => f.name === 'shim.log');
  // The scan proves nothing unless the log was really written.
  expect(log?.text ?? '').toContain('payment created');
  expect(files.some((f) => f.name.startsWith('paypage.sqlite3'))).toBe(true);

  const leaks = files.flatMap((file) =>
    CARD_DIGITS.filter((digits) => file.text.includes(digits)).map(
      (digits) => `${digits} in ${file.name}`,
    ),
  );
  expect(leaks, 'card numbers found').toEqual([]);
});

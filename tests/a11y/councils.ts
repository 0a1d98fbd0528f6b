// Every council in councils/, found by reading the folder: a council
// added there is tested without touching the suite. Only the few keys
// the suite needs are read from council.toml (docs/councils.md).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Language } from './catalogue';

export interface Council {
  slug: string;
  language: Language;
  /** `[preview] test_key`: a sandbox key of this council. */
  testKey: string;
  name: { en: string; cy: string };
  email: 'off' | 'optional' | 'required';
  billingAddress: 'off' | 'optional' | 'required';
}

type Table = Map<string, string>;

/**
 * The `key = "value"` lines of a TOML file, named `section.key`.
 * Enough for the flat keys the suite reads; arrays and inline tables
 * are skipped (the shim's own parser checks the whole file).
 */
function flatStrings(text: string): Table {
  const table: Table = new Map();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    const header = /^\[+([^\]]+)\]+$/.exec(line);
    if (header) {
      section = `${header[1].trim()}.`;
      continue;
    }
    const pair = /^([A-Za-z0-9_]+)\s*=\s*"([^"]*)"$/.exec(line);
    if (pair) table.set(section + pair[1], pair[2]);
  }
  return table;
}

function option(value: string | undefined): Council['email'] {
  return value === 'optional' || value === 'required' ? value : 'off';
}

function read(folder: string, slug: string): Council {
  const file = path.join(folder, slug, 'council.toml');
  const table = flatStrings(readFileSync(file, 'utf8'));
  const testKey = table.get('preview.test_key');
  if (!testKey) {
    throw new Error(
      `${file} has no [preview] test_key: the accessibility suite ` +
        'creates its payments with it (docs/councils.md).',
    );
  }
  return {
    slug,
    language: table.get('default_language') === 'cy' ? 'cy' : 'en',
    testKey,
    name: {
      en: table.get('name.en') ?? slug,
      cy: table.get('name.cy') ?? slug,
    },
    email: option(table.get('fields.email')),
    billingAddress: option(table.get('fields.billing_address')),
  };
}

/** Each folder of councils/ that holds a council.toml, by slug. */
export function councils(folder = 'councils'): Council[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((slug) => existsSync(path.join(folder, slug, 'council.toml')))
    .sort()
    .map((slug) => read(folder, slug));
}

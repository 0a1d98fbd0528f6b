// The page's own words, read from its catalogues (src/i18n/en.rs and
// cy.rs), so the suite finds a Welsh council's fields and buttons by
// the names a Welsh reader hears, without a second copy of the text.
import { readFileSync } from 'node:fs';

export type Language = 'en' | 'cy';

/** A catalogue entry: `("key", "text")`, the text maybe wrapped. */
const ENTRY = /\(\s*"([a-z0-9-]+)",\s*"((?:[^"\\]|\\[\s\S])*)",?\s*\)/g;

/** A Rust string literal's text: wrapped lines joined, escapes undone. */
function unescape(literal: string): string {
  return literal
    .replace(/\\\n\s*/g, '')
    .replace(/\\"/g, '"')
    .replace(/\\\\/g, '\\');
}

function read(language: Language): Map<string, string> {
  const text = readFileSync(`src/i18n/${language}.rs`, 'utf8');
  const entries = new Map<string, string>();
  for (const [, key, literal] of text.matchAll(ENTRY)) {
    entries.set(key, unescape(literal));
  }
  return entries;
}

const cache = new Map<Language, Map<string, string>>();

/**
 * The text for `key` in `language`, with `{name}` placeholders filled.
 * A key the catalogue lacks fails loudly: a blank would match anything.
 */
export function words(language: Language) {
  if (!cache.has(language)) cache.set(language, read(language));
  const table = cache.get(language) as Map<string, string>;
  return (key: string, values: Record<string, string> = {}): string => {
    const text = table.get(key);
    if (text === undefined) {
      throw new Error(`src/i18n/${language}.rs has no key "${key}"`);
    }
    return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
  };
}

export type Words = ReturnType<typeof words>;

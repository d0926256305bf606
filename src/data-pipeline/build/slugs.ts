import { slugify } from '../../shared/slug.ts';

/** Assigns each code a unique slug of its title; a repeated slug gets the code appended, so the result never depends on order of arrival. */
export function assignUniqueSlugs(entries: readonly { code: string; title: string }[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(slugify(entry.title), (counts.get(slugify(entry.title)) ?? 0) + 1);
  const slugs = new Map<string, string>();
  for (const entry of entries) {
    const base = slugify(entry.title);
    slugs.set(entry.code, (counts.get(base) ?? 0) > 1 ? `${base}-${slugify(entry.code)}` : base);
  }
  return slugs;
}

/** Compares strings by UTF-16 code units: the same order on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

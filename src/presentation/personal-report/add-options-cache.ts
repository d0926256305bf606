import { parseRelatedPath } from './report-related.ts';

/** What one process keeps of the add-a-task options: ~150 roles of a median ~27 K characters. */
export const ADD_OPTIONS_CACHE_MAX_CHARS = 4_000_000;

export interface AddOptionsCache {
  /** Returns the options of a report that adds no task, from the cache or from `build` (then kept). */
  htmlFor: (relatedHref: string, build: () => string) => string;
  /** How many characters the cache holds. */
  size: () => number;
}

/**
 * Keeps the add-a-task options of reports that add no task, by the role's related-tasks address
 * (ADR 0179). That address names the role and the read-model version, and the options of such a
 * report are exactly that file's tasks, so the markup is the same for every such report. Bounded in
 * characters, least recently used out first; emptied when an address of another version arrives.
 */
export function createAddOptionsCache(maxChars = ADD_OPTIONS_CACHE_MAX_CHARS): AddOptionsCache {
  const entries = new Map<string, string>();
  let chars = 0;
  let fingerprint: string | null = null;
  return {
    htmlFor(relatedHref, build) {
      const parsed = parseRelatedPath(relatedHref);
      if (!parsed) return build();
      if (parsed.fingerprint !== fingerprint) {
        entries.clear();
        chars = 0;
        fingerprint = parsed.fingerprint;
      }
      const kept = entries.get(relatedHref);
      if (kept !== undefined) {
        entries.delete(relatedHref);
        entries.set(relatedHref, kept);
        return kept;
      }
      const html = build();
      if (html.length > maxChars) return html;
      entries.set(relatedHref, html);
      chars += html.length;
      for (const [href, old] of entries) {
        if (chars <= maxChars) break;
        entries.delete(href);
        chars -= old.length;
      }
      return html;
    },
    size: () => chars,
  };
}

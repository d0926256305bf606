import { createByteBoundedLru } from '../../features/render-cache/byte-bounded-lru.ts';
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
  // Strings are counted in characters here; the map's own overhead per entry is counted with them.
  const entries = createByteBoundedLru<string>({ maxBytes: maxChars, maxEntryBytes: maxChars }, (html) => html.length);
  let fingerprint: string | null = null;
  return {
    htmlFor(relatedHref, build) {
      const parsed = parseRelatedPath(relatedHref);
      if (!parsed) return build();
      if (parsed.fingerprint !== fingerprint) {
        entries.clear();
        fingerprint = parsed.fingerprint;
      }
      const kept = entries.get(relatedHref);
      if (kept !== undefined) return kept;
      const html = build();
      entries.set(relatedHref, html);
      return html;
    },
    size: () => entries.bytes(),
  };
}

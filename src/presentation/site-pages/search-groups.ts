/** What grouping needs of a search hit: the title typed and the occupation's own title. */
export interface GroupableHit {
  title: string;
  matchedTitle: string;
}

/** Hits shown together: under one heading when several roles answer to the same title, else one hit without a heading. */
export interface HitGroup<T extends GroupableHit> {
  /** The shared title ("Nurse"), or null for a hit that stands alone. */
  heading: string | null;
  hits: T[];
}

const keyOf = (text: string) => text.trim().toLowerCase();

/**
 * Groups hits that matched the same title of another occupation ("Nurse" → four kinds of nurse), in
 * the order their first member was found; every other hit stays on its own. The hits are returned
 * in one flat order too, so keyboard positions follow what is drawn.
 */
export function groupHits<T extends GroupableHit>(hits: readonly T[]): HitGroup<T>[] {
  const counts = new Map<string, number>();
  for (const hit of hits) {
    if (keyOf(hit.matchedTitle) === keyOf(hit.title)) continue;
    counts.set(keyOf(hit.matchedTitle), (counts.get(keyOf(hit.matchedTitle)) ?? 0) + 1);
  }
  const groups: HitGroup<T>[] = [];
  const byKey = new Map<string, HitGroup<T>>();
  for (const hit of hits) {
    const key = keyOf(hit.matchedTitle);
    const shared = keyOf(hit.matchedTitle) !== keyOf(hit.title) && (counts.get(key) ?? 0) > 1;
    if (!shared) {
      groups.push({ heading: null, hits: [hit] });
      continue;
    }
    const group = byKey.get(key);
    if (group) group.hits.push(hit);
    else {
      const created = { heading: hit.matchedTitle, hits: [hit] };
      byKey.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}

/** Lists the hits in the order their groups draw them. */
export function inGroupOrder<T extends GroupableHit>(groups: readonly HitGroup<T>[]): T[] {
  return groups.flatMap((group) => group.hits);
}

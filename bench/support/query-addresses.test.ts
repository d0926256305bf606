import { describe, expect, it } from 'vitest';
import { readCatalogToLoad } from '../../src/features/catalog/catalog-source.ts';
import { buildReadModel } from '../../src/features/read-model/read-model.ts';
import { renderCacheKeyOf } from '../../src/features/render-cache/cache-keys.ts';
import { readModelInputOf } from '../../src/features/site-pages/test-support/read-model-fixture.ts';
import { queryAddresses } from './query-addresses.ts';

describe('the query-page addresses of the benches', () => {
  it('are different pages to the render cache for every number the benches use, over the committed catalog', async () => {
    const entries = [...buildReadModel(readModelInputOf(await readCatalogToLoad())).assessments.values()];
    const slugs = [...new Set(entries.map((entry) => entry.roleSlug))];
    const keys = entries.map((entry) => `${entry.roleSlug}/${entry.seniority}`);
    const addresses = queryAddresses(slugs, keys);
    // bench:pages cycles through 20,000 at c=50; the c=1 figures use a warm-up and 300 more.
    for (const kind of ['search', 'compare', 'report'] as const) {
      expect(addresses.distinct[kind], kind).toBeGreaterThan(25_000);
      const seen = new Set<string>();
      for (let n = 0; n < 25_000; n += 1) seen.add(renderCacheKeyOf(new URL(addresses[kind](n), 'http://localhost')) ?? 'not cached');
      expect(seen.size, kind).toBe(25_000);
    }
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../data-pipeline/committed-catalog.ts';
import { toScoreJson } from '../../methodology/index.ts';
import { explainScore, methodologyOf, scoreAssessment, type Assessment } from '../../methodology/index.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { readCatalogToLoad, readExpertAssessmentFiles, type CatalogToLoad } from './catalog-source.ts';
import { CatalogError } from './catalog.errors.ts';
import { revisionsTable, titlesTable } from './catalog.table.ts';
import { BASELINE_AUTHOR, ensureCatalogLoaded, getCatalogStats, loadCommittedCatalog, showOccupation } from './catalog.usecases.ts';
import { generatedCatalog, sampleCatalog } from './test-support/sample-catalog.ts';

const experts = await readExpertAssessmentFiles();
const expertCodes = [...new Set(experts.map(({ assessment }) => assessment.role.onetCodes[0]).filter((code) => code !== undefined))];

/** Six sample occupations (2 Green, 1 Yellow, 3 Red), the occupations the expert files map to, and the expert files of content/. */
function catalogWithExperts(): CatalogToLoad {
  const catalog = sampleCatalog([
    { onetCode: '29-1141.00', title: 'Registered Nurses', zone: 'Green' },
    { onetCode: '47-2181.00', title: 'Roofers', zone: 'Green' },
    { onetCode: '43-4051.00', title: 'Customer Service Representatives', zone: 'Yellow' },
    { onetCode: '41-9041.00', title: 'Telemarketers', zone: 'Red' },
    { onetCode: '43-9021.00', title: 'Data Entry Keyers', zone: 'Red' },
    { onetCode: '43-3031.00', title: 'Bookkeeping Clerks', zone: 'Red' },
    ...expertCodes.map((onetCode) => ({ onetCode, title: `Occupation ${onetCode}`, zone: 'Yellow' as const })),
  ]);
  return { ...catalog, experts };
}

const scoreJsonOf = (assessment: Assessment) => toScoreJson(scoreAssessment(assessment, methodologyOf(assessment.methodology)), explainScore(assessment, methodologyOf(assessment.methodology)));

function messageChain(error: unknown): string {
  const parts: string[] = [];
  for (let current = error as { message?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    parts.push(String(current.message));
  }
  return parts.join(' | ');
}

describeEachDriver('the catalog store', (store) => {
  it('counts every assessment once, under the zone of its current revision', async () => {
    await loadCommittedCatalog(store.db, catalogWithExperts());
    const expertZones = experts.map(({ assessment }) => scoreAssessment(assessment, methodologyOf(assessment.methodology)).zone);
    const count = (zone: string) => expertZones.filter((expertZone) => expertZone === zone).length;
    expect(await getCatalogStats(store.db)).toEqual({
      occupations: 6 + expertCodes.length,
      assessments: 6 + expertCodes.length + experts.length,
      baseline: 6 + expertCodes.length,
      expert: experts.length,
      titles: 2 * (6 + expertCodes.length) + new Set(experts.flatMap(({ assessment }) => assessment.role.aliases)).size,
      byZone: { Green: 2 + count('Green'), Yellow: 1 + expertCodes.length + count('Yellow'), Red: 3 + count('Red') },
    });
  });

  it('loading the same catalog twice leaves the store as the first load left it', async () => {
    const catalog = catalogWithExperts();
    const first = await loadCommittedCatalog(store.db, catalog);
    const statsAfterFirst = await getCatalogStats(store.db);
    const revisionsAfterFirst = await store.db.select({ id: revisionsTable.id, publishedAt: revisionsTable.publishedAt }).from(revisionsTable).orderBy(revisionsTable.id);

    const second = await loadCommittedCatalog(store.db, catalog);

    expect(first.revisionsPublished).toBe(statsAfterFirst.assessments);
    expect(second.revisionsPublished).toBe(0);
    expect(await getCatalogStats(store.db)).toEqual(statsAfterFirst);
    expect(await store.db.select({ id: revisionsTable.id, publishedAt: revisionsTable.publishedAt }).from(revisionsTable).orderBy(revisionsTable.id)).toEqual(
      revisionsAfterFirst,
    );
  });

  it('loading a larger catalog later adds only the new occupations and their baselines', async () => {
    await loadCommittedCatalog(store.db, generatedCatalog(4));
    await loadCommittedCatalog(store.db, generatedCatalog(7));
    const stats = await getCatalogStats(store.db);
    expect(stats).toMatchObject({ occupations: 7, assessments: 7, baseline: 7, expert: 0, titles: 14 });
    expect(stats.byZone).toEqual({ Green: 3, Yellow: 2, Red: 2 });
  });

  it('shows an occupation by slug or by O*NET-SOC code with the figures of jobzone score --json', async () => {
    const catalog = catalogWithExperts();
    await loadCommittedCatalog(store.db, catalog);
    const roofers = catalog.baselines.find((baseline) => baseline.onetCode === '47-2181.00');
    if (!roofers) throw new Error('the sample catalog lost its roofers');

    const bySlug = await showOccupation(store.db, 'roofers');
    const byCode = await showOccupation(store.db, '47-2181.00');
    const bySocCode = await showOccupation(store.db, '47-2181');

    expect(bySlug).toMatchObject({ slug: 'roofers', title: 'Roofers', onetCode: '47-2181.00', status: 'baseline', kind: 'baseline' });
    expect(bySlug).toMatchObject(scoreJsonOf(roofers.assessment));
    expect(bySlug.revision).toMatchObject({ number: 1, author: BASELINE_AUTHOR });
    expect(bySlug.revision.note).toContain('Sample data for tests');
    expect(byCode).toEqual(bySlug);
    expect(bySocCode).toEqual(bySlug);
  });

  it('shows an expert role by its slug with the figures its file scores to', async () => {
    await loadCommittedCatalog(store.db, catalogWithExperts());
    for (const { assessment, file } of experts) {
      const shown = await showOccupation(store.db, assessment.role.slug);
      expect(shown).toMatchObject({ slug: assessment.role.slug, title: assessment.role.title, status: 'expert', kind: 'expert', seniority: assessment.role.seniority });
      expect(shown).toMatchObject(scoreJsonOf(assessment));
      expect(shown.revision.note).toContain(file);
    }
  });

  it('the aliases of an expert role are findable as titles of kind alias', async () => {
    await loadCommittedCatalog(store.db, catalogWithExperts());
    const aliases = await store.db.select({ title: titlesTable.title, roleSlug: titlesTable.roleSlug }).from(titlesTable).where(eq(titlesTable.kind, 'alias'));
    const expected = experts.flatMap(({ assessment }) => assessment.role.aliases.map((title) => ({ title, roleSlug: assessment.role.slug })));
    expect(aliases).toEqual(expect.arrayContaining(expected));
    expect(aliases).toHaveLength(expected.length);
  });

  it('an unknown slug is reported as not found with a hint to search', async () => {
    await loadCommittedCatalog(store.db, generatedCatalog(2));
    const failure = showOccupation(store.db, 'chief-vibes-officer');
    await expect(failure).rejects.toBeInstanceOf(CatalogError);
    await expect(failure).rejects.toMatchObject({ code: 'catalog.not_found', message: expect.stringContaining('jobzone search') });
  });

  it('a published revision can be neither changed nor deleted', async () => {
    await loadCommittedCatalog(store.db, generatedCatalog(1));
    const [revision] = await store.db.select().from(revisionsTable);
    if (!revision) throw new Error('no revision was published');

    const update = store.db.update(revisionsTable).set({ note: 'rewritten history' }).where(eq(revisionsTable.id, revision.id));
    await expect(update).rejects.toSatisfy((error) => /immutable/.test(messageChain(error)));
    const remove = store.db.delete(revisionsTable).where(eq(revisionsTable.id, revision.id));
    await expect(remove).rejects.toSatisfy((error) => /immutable/.test(messageChain(error)));

    const [after] = await store.db.select().from(revisionsTable).where(eq(revisionsTable.id, revision.id));
    expect(after).toEqual(revision);
  });

  it('a catalog with a baseline of an unknown occupation is refused and nothing is written', async () => {
    const catalog = generatedCatalog(3);
    const stray = catalog.baselines[0];
    if (!stray) throw new Error('the generated catalog is empty');
    catalog.baselines.push({ ...stray, onetCode: '99-9999.00' });

    await expect(loadCommittedCatalog(store.db, catalog)).rejects.toMatchObject({
      code: 'catalog.invalid',
      message: expect.stringMatching(/catalog\/baselines\.jsonl:4: onetCode 99-9999\.00 is not in catalog\/occupations\.jsonl/),
    });
    expect(await getCatalogStats(store.db)).toMatchObject({ occupations: 0, assessments: 0, titles: 0 });
  });

  it('a load that fails in the database at its last step writes nothing', async () => {
    const catalog = generatedCatalog(3);
    // Titles are stored last; a kind the database refuses makes the whole load fail there.
    catalog.titles.push({ onetCode: '11-0001.00', title: 'Chief Vibes Officer', kind: 'nickname' as 'alternate' });

    await expect(loadCommittedCatalog(store.db, catalog)).rejects.toThrow();
    expect(await getCatalogStats(store.db)).toEqual({ occupations: 0, assessments: 0, baseline: 0, expert: 0, titles: 0, byZone: { Green: 0, Yellow: 0, Red: 0 } });
  });

  it('two occupations with the same slug are refused rather than one silently dropped', async () => {
    const catalog = generatedCatalog(2);
    const [first, second] = catalog.occupations;
    if (!first || !second) throw new Error('the generated catalog is too small');
    second.slug = first.slug;
    await expect(loadCommittedCatalog(store.db, catalog)).rejects.toThrow();
    expect(await getCatalogStats(store.db)).toMatchObject({ occupations: 0 });
  });

  it('ensureCatalogLoaded loads an empty store and leaves a loaded one alone', async () => {
    let reads = 0;
    const read = async () => {
      reads += 1;
      return generatedCatalog(3);
    };
    expect(await ensureCatalogLoaded(store.db, { read })).toMatchObject({ occupations: 3, revisionsPublished: 3 });
    expect(await ensureCatalogLoaded(store.db, { read })).toBeNull();
    expect(reads).toBe(1);
  });

  const committedCatalogExists = existsSync(join(REPOSITORY_ROOT, 'catalog', 'baselines.jsonl'));
  it(
    committedCatalogExists ? 'the committed catalog loads completely' : 'a catalog of 923 generated occupations loads completely (catalog/ is not built yet)',
    async () => {
      const catalog = committedCatalogExists ? await readCatalogToLoad() : { ...generatedCatalog(923), experts: [] };
      const summary = await loadCommittedCatalog(store.db, catalog);
      const stats = await getCatalogStats(store.db);
      expect(stats.occupations).toBe(catalog.occupations.length);
      expect(stats.baseline).toBe(catalog.baselines.length);
      expect(stats.expert).toBe(catalog.experts.length);
      expect(stats.assessments).toBe(summary.revisionsPublished);
      expect(stats.byZone.Green + stats.byZone.Yellow + stats.byZone.Red).toBe(stats.assessments);
      expect(stats.titles).toBe(summary.titles);
    },
    300_000,
  );
});

import { expect, it } from 'vitest';
import { AssessmentSchema, methodologyOf, scoreAssessment, type Assessment } from '../../methodology/index.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { isNotable } from '../mail/notify-on-publish.ts';
import type { PublishedRevision } from '../revisions/published-revision.ts';
import { listRevisions, publishAssessment } from '../revisions/revisions.usecases.ts';
import type { CatalogToLoad } from './catalog-source.ts';
import { BASELINE_AUTHOR, ensureCatalogCurrent, loadCommittedCatalog, syncCommittedCatalog } from './catalog.usecases.ts';
import { sampleCatalog } from './test-support/sample-catalog.ts';

const ENTRIES = [
  { onetCode: '53-2011.00', title: 'Airline Pilots', zone: 'Yellow' as const },
  { onetCode: '29-1215.00', title: 'Family Medicine Physicians', zone: 'Yellow' as const },
  { onetCode: '43-9021.00', title: 'Data Entry Keyers', zone: 'Red' as const },
];

/** The same occupations rebuilt by a newer method: pilots and physicians get licensing and a lower task score, data entry is unchanged, and one occupation is new. */
function methodTwo(first: CatalogToLoad): CatalogToLoad {
  const next = sampleCatalog([...ENTRIES, { onetCode: '53-3054.00', title: 'Taxi Drivers', zone: 'Yellow' }]);
  const improve = (assessment: Assessment): Assessment =>
    AssessmentSchema.parse({
      ...assessment,
      baselineMethod: { version: 'baseline-2', aiScope: 'Language models and autonomous systems.' },
      tasks: [{ ...assessment.tasks[0], score: 1 }],
      barriers: { ...assessment.barriers, regulatory: { score: 2, rationale: 'FAA or state medical board licence.' } },
    });
  return {
    ...next,
    baselines: next.baselines.map((record, index) =>
      index < 2 ? { ...record, assessment: improve(record.assessment) } : index === 2 ? (first.baselines[2] ?? record) : record,
    ),
  };
}

describeEachDriver('bringing a loaded store up to the committed catalog', (store) => {
  it('publishes each changed baseline as a new revision naming the method and the inputs that moved, adds new ones, and is idempotent', async () => {
    const first = sampleCatalog(ENTRIES);
    await loadCommittedCatalog(store.db, first);
    const published: PublishedRevision[] = [];
    const summary = await syncCommittedCatalog(store.db, methodTwo(first), { onPublished: async (_tx, revisions) => void published.push(...revisions) });

    expect(summary).toMatchObject({ revisionsPublished: 1, republished: 2, keptEdited: [] });
    const pilots = await listRevisions(store.db, 'airline-pilots', 'all-levels');
    // Newest first, as the history lists them.
    expect(pilots.map((revision) => revision.revision)).toEqual([2, 1]);
    const latest = pilots[0];
    expect(latest?.author).toBe(BASELINE_AUTHOR);
    expect(latest?.note).toMatch(/^Data-derived baseline, not reviewed\. Baseline method baseline-2 replaces baseline-1: 31\.0 Yellow \(Moderate\) → [\d.]+ Green \(Stable\); inputs moved: task exposure 3→1, barriers\.regulatory 0→2\./);
    expect((await listRevisions(store.db, 'data-entry-keyers', 'all-levels')).map((revision) => revision.revision)).toEqual([1]);
    expect((await listRevisions(store.db, 'taxi-drivers', 'all-levels')).map((revision) => revision.revision)).toEqual([1]);

    // The publication hooks see before and after, so subscribers hear of the zone change by the usual rule.
    expect(published.map((revision) => revision.roleSlug).sort()).toEqual(['airline-pilots', 'family-medicine-physicians']);
    expect(published.every((revision) => isNotable(revision) && revision.before?.zone === 'Yellow' && revision.after.zone === 'Green')).toBe(true);

    const again = await syncCommittedCatalog(store.db, methodTwo(first));
    expect(again).toMatchObject({ revisionsPublished: 0, republished: 0 });
    expect((await listRevisions(store.db, 'airline-pilots', 'all-levels')).map((revision) => revision.revision)).toEqual([2, 1]);
    expect(await ensureCatalogCurrent(store.db, { read: async () => methodTwo(first) })).toBeNull();
  });

  it('leaves a baseline someone else has published a revision of, and lists it', async () => {
    const first = sampleCatalog(ENTRIES);
    await loadCommittedCatalog(store.db, first);
    const edited = first.baselines[1]?.assessment as Assessment;
    await publishAssessment(store.db, { ...edited, verdict: 'Reviewed by a physician; tasks kept.' }, { note: 'Assessor edit', author: 'a reviewer' });

    const summary = await syncCommittedCatalog(store.db, methodTwo(first));

    expect(summary).toMatchObject({ republished: 1, keptEdited: ['family-medicine-physicians/all-levels'] });
    const physicians = await listRevisions(store.db, 'family-medicine-physicians', 'all-levels');
    expect(physicians.map((revision) => [revision.revision, revision.author])).toEqual([
      [2, 'a reviewer'],
      [1, BASELINE_AUTHOR],
    ]);
  });

  it('loads an empty store at start and reports a store that is current as such', async () => {
    const catalog = sampleCatalog(ENTRIES);
    const loaded = await ensureCatalogCurrent(store.db, { read: async () => catalog });
    expect(loaded).toMatchObject({ revisionsPublished: 3, republished: 0 });
    expect(await ensureCatalogCurrent(store.db, { read: async () => catalog })).toBeNull();
    const changed = await ensureCatalogCurrent(store.db, { read: async () => methodTwo(catalog) });
    expect(changed).toMatchObject({ revisionsPublished: 1, republished: 2 });
    const first = methodTwo(catalog).baselines[0]?.assessment as Assessment;
    expect(scoreAssessment(first, methodologyOf(first.methodology)).zone).toBe('Green');
  });
});

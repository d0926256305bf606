import { sampleCatalog } from '../../catalog/test-support/sample-catalog.ts';
import type { Assessment, Zone } from '../../../methodology/index.ts';
import { figuresOf } from '../../catalog/catalog-plan.ts';
import { buildReadModel, type ReadModel, type RevisionRecord } from '../../read-model/read-model.ts';
import { readModelInputOf } from '../../site-pages/test-support/read-model-fixture.ts';

/** One revision of a sample assessment: when, by whom, and its tasks (name, share, score). */
export interface SampleRevision {
  at: string;
  author?: string;
  note?: string;
  tasks?: { name: string; share: number; score: number }[];
  edit?: (document: Assessment) => void;
}

/** One sample role with its zone at revision 1 and the revisions after it. */
export interface SampleRole {
  onetCode: string;
  title: string;
  zone: Zone;
  category?: string;
  revisions: SampleRevision[];
}

/** Builds a read model whose sample roles each carry the revisions given (the first is revision 1). */
export function historyReadModel(roles: readonly SampleRole[]): ReadModel {
  const catalog = sampleCatalog(roles.map(({ onetCode, title, zone, category }) => ({ onetCode, title, zone, ...(category ? { category } : {}) })));
  for (const [index, baseline] of catalog.baselines.entries()) {
    const category = roles[index]?.category;
    if (category) baseline.assessment.role.category = category;
  }
  const input = readModelInputOf(catalog);
  const history: ({ roleSlug: string; seniority: string } & RevisionRecord)[] = [];
  const assessments = input.assessments.map((row, index) => {
    const spec = roles[index];
    let record: RevisionRecord | null = null;
    for (const [at, revision] of (spec?.revisions ?? []).entries()) {
      const document: Assessment = structuredClone(record?.document ?? row.document);
      if (revision.tasks) document.tasks = revision.tasks.map((task) => ({ ...task, rationale: `Why ${task.name} scores ${task.score}.` }));
      revision.edit?.(document);
      record = {
        number: at + 1,
        publishedAt: new Date(`${revision.at}T12:00:00Z`),
        author: revision.author ?? 'Ada Assessor',
        note: revision.note ?? `Revision ${at + 1}.`,
        methodologyVersion: document.methodology,
        document,
        figures: figuresOf(document),
      };
      history.push({ roleSlug: row.roleSlug, seniority: row.seniority, ...record });
    }
    if (!record) return row;
    const { document, figures, ...revision } = record;
    return { ...row, document, figures, revision };
  });
  return buildReadModel({ ...input, assessments, history });
}

/** Tasks at 100% of the time with one score: 1 lands Green, 3 Yellow, 5 Red. */
export const oneTask = (score: number, name = 'Do the work') => [{ name, share: 100, score }];

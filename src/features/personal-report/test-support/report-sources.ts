import { readCatalogToLoad } from '../../catalog/catalog-source.ts';
import { buildReadModel, type ReadModel } from '../../read-model/read-model.ts';
import { readModelInputFromFiles } from '../../read-model/read-model-from-files.ts';
import type { BaseAssessment, ReportSource } from '../report-source.ts';

let model: Promise<ReadModel> | null = null;

/** Returns the read model of the committed catalog and the expert files, built once per test file. */
export function committedReadModel(): Promise<ReadModel> {
  model ??= readCatalogToLoad().then((catalog) => buildReadModel(readModelInputFromFiles(catalog)));
  return model;
}

/** Returns a copy of a source whose role is also assessed at a second seniority with other task scores. */
export function withSecondSeniority(source: ReportSource, seniority: string, label: string, rescore: (score: number) => number, publishedScore: number): ReportSource {
  const [first] = source.bases;
  if (!first) throw new Error('the source has no assessment');
  const second: BaseAssessment = { ...first, seniority, label, tasks: first.tasks.map((task) => ({ ...task, score: rescore(task.score) })), score: publishedScore };
  return { ...source, bases: [...source.bases, second] };
}

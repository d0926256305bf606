import type { ReadModel } from '../../read-model/read-model.ts';
import { committedReadModel as sharedCommittedReadModel } from '../../read-model/test-support/committed-read-model.ts';
import type { BaseAssessment, ReportSource } from '../report-source.ts';

/** Returns the read model of the committed catalog and the expert files (a copy per test file, built once per set of sources). */
export function committedReadModel(): Promise<ReadModel> {
  return sharedCommittedReadModel();
}

/** Returns a copy of a source whose role is also assessed at a second seniority with other task scores. */
export function withSecondSeniority(source: ReportSource, seniority: string, label: string, rescore: (score: number) => number, publishedScore: number): ReportSource {
  const [first] = source.bases;
  if (!first) throw new Error('the source has no assessment');
  const second: BaseAssessment = { ...first, seniority, label, tasks: first.tasks.map((task) => ({ ...task, score: rescore(task.score) })), score: publishedScore };
  return { ...source, bases: [...source.bases, second] };
}

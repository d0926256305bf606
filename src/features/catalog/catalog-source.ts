import { join, relative } from 'node:path';
import { readCommittedCatalog, REPOSITORY_ROOT, type CommittedCatalog } from '../../data-pipeline/committed-catalog.ts';
import type { Assessment } from '../../methodology/index.ts';
import { isDirectory, listFilesRecursively } from '../../shared/files.ts';
import { readAssessmentFile } from '../assessments/assessment-files.ts';
import { formatFileProblem } from '../assessments/assessment-yaml.ts';
import { CatalogError } from './catalog.errors.ts';

/** An expert assessment and the file it was read from (relative to the repository root). */
export interface ExpertAssessmentFile {
  file: string;
  assessment: Assessment;
}

/** Everything loaded into an empty store: the committed catalog and the expert assessment files. */
export interface CatalogToLoad extends CommittedCatalog {
  experts: ExpertAssessmentFile[];
}

/** Where expert assessment files live, relative to the repository root. */
export const EXPERT_ASSESSMENTS_FOLDER = 'content/assessments';

/** Reads and validates every expert assessment file below a folder, reporting all problems at once. */
export async function readExpertAssessmentFiles(root: string = REPOSITORY_ROOT): Promise<ExpertAssessmentFile[]> {
  const folder = join(root, EXPERT_ASSESSMENTS_FOLDER);
  if (!(await isDirectory(folder))) return [];
  const experts: ExpertAssessmentFile[] = [];
  const problems: string[] = [];
  for (const path of await listFilesRecursively(folder, ['.yaml', '.yml'])) {
    const file = relative(root, path);
    const parsed = await readAssessmentFile(path);
    if (parsed.ok) experts.push({ file, assessment: parsed.assessment });
    else problems.push(...parsed.problems.map((problem) => formatFileProblem({ ...problem, file })));
  }
  if (problems.length > 0) throw new CatalogError('catalog.invalid', `expert assessment files are invalid:\n${problems.join('\n')}`);
  return experts;
}

/** Reads the committed catalog and the expert assessment files of a repository (the project's own by default). */
export async function readCatalogToLoad(root: string = REPOSITORY_ROOT): Promise<CatalogToLoad> {
  const [catalog, experts] = await Promise.all([readCommittedCatalog(root), readExpertAssessmentFiles(root)]);
  return { ...catalog, experts };
}

import type { AssessmentInput, Zone } from '../../../methodology/index.ts';

/** Something on a page that stops the import; line is the 1-based line in the page text. */
export interface PageProblem {
  line: number | null;
  path: string;
  message: string;
}

/** Every figure a published page states, as numbers, read from its tables and composite section. */
export interface PublishedFigures {
  score: number;
  formulaScore: number;
  zone: Zone;
  subLabel: string | null;
  taskExposure: number | null;
  taskResistance: number | null;
  raw: number | null;
  modifiers: { evidence: number | null; barrier: number | null; growth: number | null };
  totals: { protective: number | null; growth: number | null; evidence: number | null; barriers: number | null };
  split: { displacement: number; augmentation: number; notInvolved: number } | null;
  shareAtLeast3: number | null;
  shareAtLeast4: number | null;
  quickScreen: { sum: number; label: string } | null;
  composition: { taskResistance: number; evidence: number; barriers: number; protective: number; growth: number } | null;
  /** The Weighted column, in table order. */
  taskWeighted: number[];
  override: { score: number; justification: string } | null;
}

export type PageImport =
  | { ok: true; assessment: AssessmentInput; published: PublishedFigures; warnings: string[] }
  | { ok: false; problems: PageProblem[] };

/** A published figure the engine does not reproduce, both sides at the precision the page shows. */
export interface FigureMismatch {
  figure: string;
  published: string;
  computed: string;
}

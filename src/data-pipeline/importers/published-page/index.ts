export type { FigureMismatch, PageImport, PageProblem, PublishedFigures } from './types.ts';
export { parsePublishedPage } from './parse-published-page.ts';
export { comparePublishedFigures } from './compare-figures.ts';

export * from './decimal.ts';
export * from './definition.ts';
export * from './schema.ts';
export * from './seniority.ts';
export * from './score.ts';
export * from './explain.ts';
export * from './validate.ts';
export * from './score-json.ts';

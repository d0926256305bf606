/** Glossary entries the compare page needs, in the shared `{ term, short, long? }` shape; folded into glossary.ts at merge. */
export interface GlossaryEntry {
  term: string;
  short: string;
  long?: string;
}

export const COMPARE_GLOSSARY: readonly GlossaryEntry[] = [
  { term: 'Green', short: 'Protected: most of the work is expected to stay with people over the next 5–10 years.' },
  { term: 'Yellow', short: 'Exposed: AI is expected to change a large part of the work over the next 5–10 years.' },
  { term: 'Red', short: 'At risk: AI is expected to take over much of the work over the next 5–10 years.' },
  { term: 'range', short: 'Where the score would land if any one judgement behind it moved one step.' },
  { term: 'automated estimate', short: 'Scored from public data by a program; no assessor has reviewed it yet.' },
];

/** Returns the short explanation of a term, or an empty string when the glossary has none. */
export function explainTerm(term: string): string {
  return COMPARE_GLOSSARY.find((entry) => entry.term.toLowerCase() === term.toLowerCase())?.short ?? '';
}

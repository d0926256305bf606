import { normalizeText, stemToken, titleForms, tokenize } from './search-text.ts';

/**
 * Abbreviations and everyday words people type for a title. Most are learned from the titles
 * themselves ("Registered Nurse (RN)"); this list adds the ones O*NET never spells out and a few
 * colloquial names. Keys are single normalized words; values are what they stand for.
 */
export const CURATED_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  rn: ['registered nurse'],
  lpn: ['licensed practical nurse'],
  lvn: ['licensed vocational nurse'],
  cna: ['certified nursing assistant'],
  np: ['nurse practitioner'],
  pa: ['physician assistant'],
  pt: ['physical therapist'],
  ot: ['occupational therapist'],
  slp: ['speech language pathologist'],
  emt: ['emergency medical technician'],
  dba: ['database administrator'],
  hr: ['human resources'],
  qa: ['quality assurance'],
  pm: ['project manager', 'product manager'],
  swe: ['software engineer'],
  sde: ['software development engineer'],
  sre: ['site reliability engineer'],
  cpa: ['certified public accountant'],
  csr: ['customer service representative'],
  sdr: ['sales development representative'],
  it: ['information technology'],
  ui: ['user interface'],
  ux: ['user experience'],
  ml: ['machine learning'],
  ai: ['artificial intelligence'],
  vp: ['vice president'],
  cdl: ['truck'],
  dev: ['developer'],
  eng: ['engineer'],
  engr: ['engineer'],
  mgr: ['manager'],
  asst: ['assistant'],
  admin: ['administrator', 'administrative'],
  tech: ['technician'],
  rep: ['representative'],
  acct: ['accountant'],
  coord: ['coordinator'],
  supv: ['supervisor'],
  exec: ['executive'],
  sysadmin: ['system administrator'],
  cop: ['police officer'],
  doc: ['physician'],
  doctor: ['physician'],
  lawyer: ['attorney'],
  uber: ['rideshare'],
  mailman: ['mail carrier'],
  postman: ['mail carrier'],
  garbageman: ['refuse collector'],
  secretary: ['administrative assistant'],
};

/** What one abbreviation stands for, as stemmed tokens, with how many titles support it. */
export interface Expansion {
  tokens: string[];
  support: number;
  curated: boolean;
}

function initialsFit(acronym: string, words: readonly string[]): boolean {
  const first = words[0];
  if (first === undefined || acronym[0] !== first[0]) return false;
  const letters = words.join('');
  let position = 0;
  for (const letter of acronym) {
    position = letters.indexOf(letter, position);
    if (position < 0) return false;
    position += 1;
  }
  return true;
}

/** Learns "rn" → "registered nurse" from a title written "Registered Nurse (RN)" or "RN Educator (Registered Nurse Educator)". */
export function learnAbbreviation(title: string): { abbreviation: string; words: string[] } | null {
  const forms = titleForms(title);
  if (forms.length !== 3) return null;
  let outside = normalizeText(forms[1] ?? '').split(' ');
  let inside = normalizeText(forms[2] ?? '').split(' ');
  while (outside.length > 1 && inside.length > 1 && outside[0] === inside[0]) [outside, inside] = [outside.slice(1), inside.slice(1)];
  while (outside.length > 1 && inside.length > 1 && outside.at(-1) === inside.at(-1)) [outside, inside] = [outside.slice(0, -1), inside.slice(0, -1)];
  const [short, long] = inside.length === 1 ? [inside, outside] : [outside, inside];
  const abbreviation = short[0];
  if (short.length !== 1 || abbreviation === undefined || long.length < 2) return null;
  if (abbreviation.length < 2 || abbreviation.length > 6 || /\d/.test(abbreviation)) return null;
  const words = long.filter((word) => word !== 'and' && word !== 'of');
  return initialsFit(abbreviation, words) ? { abbreviation, words: long } : null;
}

/** Builds the abbreviation table from the curated list and every title that spells one out, most supported first. */
export function buildAbbreviations(titles: Iterable<string>): Map<string, Expansion[]> {
  const table = new Map<string, Map<string, Expansion>>();
  const add = (abbreviation: string, phrase: string, curated: boolean) => {
    const tokens = tokenize(phrase);
    const key = tokens.join(' ');
    const abbreviationKey = stemToken(abbreviation);
    if (key === abbreviationKey || tokens.length === 0) return;
    const byPhrase = table.get(abbreviationKey) ?? new Map<string, Expansion>();
    table.set(abbreviationKey, byPhrase);
    const existing = byPhrase.get(key);
    if (existing) {
      existing.support += 1;
      existing.curated ||= curated;
    } else byPhrase.set(key, { tokens, support: 1, curated });
  };
  for (const [abbreviation, phrases] of Object.entries(CURATED_ABBREVIATIONS)) for (const phrase of phrases) add(abbreviation, phrase, true);
  for (const title of titles) {
    const learned = learnAbbreviation(title);
    if (learned) add(learned.abbreviation, learned.words.join(' '), false);
  }
  const result = new Map<string, Expansion[]>();
  for (const [abbreviation, byPhrase] of [...table].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))) {
    const expansions = [...byPhrase.values()].sort(
      (left, right) => Number(right.curated) - Number(left.curated) || right.support - left.support || compareText(left.tokens.join(' '), right.tokens.join(' ')),
    );
    result.set(abbreviation, expansions);
  }
  return result;
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

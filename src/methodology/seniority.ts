/**
 * The seniority levels an assessment can cover: the one definition every part of jobzone uses for
 * labels, URL slugs and career order (files, import-page, CLI, pages, switcher, personal report,
 * mail, PDF). Published pages also combine two neighbouring levels ("Mid-Senior", "Senior/Lead");
 * such a combination sits in career order between its two parts.
 */

interface BaseLevel {
  slug: string;
  label: string;
  /** The name used inside combined labels and slugs: "mid" in "Mid-Senior" / "mid-senior". */
  short: string;
  /** Other ways pages write the level, besides the label, slug and short name. */
  spellings: readonly string[];
  rank: number;
}

const BASE_LEVELS: readonly BaseLevel[] = [
  { slug: 'intern', label: 'Intern', short: 'intern', spellings: ['internship', 'trainee'], rank: 10 },
  { slug: 'entry-level', label: 'Entry-level', short: 'entry', spellings: ['entry level', 'graduate'], rank: 20 },
  { slug: 'junior', label: 'Junior', short: 'junior', spellings: ['jr'], rank: 30 },
  { slug: 'mid-level', label: 'Mid-level', short: 'mid', spellings: ['mid level', 'intermediate'], rank: 40 },
  { slug: 'senior', label: 'Senior', short: 'senior', spellings: ['sr'], rank: 50 },
  { slug: 'lead', label: 'Lead', short: 'lead', spellings: ['team lead'], rank: 60 },
  { slug: 'staff', label: 'Staff', short: 'staff', spellings: [], rank: 70 },
  { slug: 'principal', label: 'Principal', short: 'principal', spellings: [], rank: 80 },
  { slug: 'director', label: 'Director', short: 'director', spellings: [], rank: 90 },
  { slug: 'executive', label: 'Executive', short: 'executive', spellings: ['c-suite', 'c-level'], rank: 100 },
];

/** A seniority level: its slug (files and URLs), its label as readers see it, and its place in career order. */
export interface SeniorityLevel {
  slug: string;
  label: string;
  rank: number;
}

const ALL_LEVELS: SeniorityLevel = { slug: 'all-levels', label: 'All levels', rank: 0 };

// Combinations published pages write with their own spelling; others read "Junior/Mid-level".
const COMBINED_LABELS: Readonly<Record<string, string>> = { 'mid-senior': 'Mid-Senior', 'senior-lead': 'Senior/Lead' };

function combine(lower: BaseLevel, upper: BaseLevel): SeniorityLevel {
  const slug = `${lower.short}-${upper.short}`;
  return { slug, label: COMBINED_LABELS[slug] ?? `${lower.label}/${upper.label}`, rank: (lower.rank + upper.rank) / 2 };
}

/** The single levels in career order, "All levels" first (a baseline covers every level). */
export const SENIORITY_LEVELS: readonly SeniorityLevel[] = [ALL_LEVELS, ...BASE_LEVELS.map(({ slug, label, rank }) => ({ slug, label, rank }))];

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_\-\u2010-\u2015]+/g, '-')
    .replace(/\.$/, '');

const SPELLINGS = new Map<string, BaseLevel>(BASE_LEVELS.flatMap((level) => [level.slug, level.label, level.short, ...level.spellings].map((spelling) => [normalise(spelling), level] as const)));

function baseLevelOf(text: string): BaseLevel | undefined {
  return SPELLINGS.get(normalise(text));
}

/** Reads two levels written together ("Senior/Lead", "Mid-Senior", "mid-senior"), lower level first. */
function combinedLevelOf(text: string): SeniorityLevel | null {
  const written = normalise(text).replace(/-?(?:\/|&|-to-|-or-)-?/g, '/');
  const candidates: [string, string][] = [];
  const slash = written.indexOf('/');
  if (slash > 0 && written.indexOf('/', slash + 1) === -1) candidates.push([written.slice(0, slash), written.slice(slash + 1)]);
  else if (slash === -1) {
    for (let index = written.indexOf('-'); index > 0; index = written.indexOf('-', index + 1)) candidates.push([written.slice(0, index), written.slice(index + 1)]);
  }
  for (const [first, second] of candidates) {
    const lower = baseLevelOf(first);
    const upper = baseLevelOf(second);
    if (lower && upper && lower.rank < upper.rank) return combine(lower, upper);
  }
  return null;
}

/** Finds a level from its slug or from how a page writes it ("Mid-level", "Mid Level", "Senior/Lead"); null when it is not a seniority. */
export function seniorityLevelOf(text: string): SeniorityLevel | null {
  const wanted = normalise(text);
  if (wanted === ALL_LEVELS.slug || wanted === normalise(ALL_LEVELS.label) || wanted === 'all') return ALL_LEVELS;
  const base = baseLevelOf(wanted);
  if (base) return { slug: base.slug, label: base.label, rank: base.rank };
  return combinedLevelOf(wanted);
}

/** Tells whether a slug is the canonical slug of a seniority level, as files and URLs must use it. */
export function isSenioritySlug(slug: string): boolean {
  return seniorityLevelOf(slug)?.slug === slug;
}

/** Returns the readable name of a seniority slug ("mid-senior" → "Mid-Senior"), or the slug itself when it is not a level. */
export function seniorityLabel(slug: string): string {
  return isSenioritySlug(slug) ? (seniorityLevelOf(slug)?.label ?? slug) : slug;
}

/** Places a seniority slug in career order ("All levels" first); an unknown slug goes last. */
export function seniorityRank(slug: string): number {
  return isSenioritySlug(slug) ? (seniorityLevelOf(slug)?.rank ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
}

/** Orders two seniority slugs by career order, then by slug so the order is total. */
export function compareSeniority(a: string, b: string): number {
  return seniorityRank(a) - seniorityRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Names an assessment for readers: "Registered Nurses (All levels)". */
export function assessmentName(title: string, seniority: string): string {
  return `${title} (${seniorityLabel(seniority)})`;
}

const SHORT_NAMES = BASE_LEVELS.map((level) => level.short).join('|');

/** The shape of a seniority slug, for the JSON Schema: a single level, or two short names joined lower first ("mid-senior"). */
export const SENIORITY_SLUG_PATTERN = `^(?:all-levels|${BASE_LEVELS.map((level) => level.slug).join('|')}|(?:${SHORT_NAMES})-(?:${SHORT_NAMES}))$`;

/** The combinations published pages use, in career order. */
export const NAMED_COMBINED_LEVELS: readonly SeniorityLevel[] = Object.keys(COMBINED_LABELS).map((slug) => seniorityLevelOf(slug) as SeniorityLevel);

/** Every level with a slug of its own plus the named combinations, in career order: what a switcher or a message lists. */
export const KNOWN_SENIORITY_LEVELS: readonly SeniorityLevel[] = [...SENIORITY_LEVELS, ...NAMED_COMBINED_LEVELS].sort((a, b) => a.rank - b.rank);

import { explainScore, methodologyOf, scoreAssessment, toScoreJson, type Assessment } from '../../methodology/index.ts';
import type { CatalogToLoad } from './catalog-source.ts';
import { CatalogError } from './catalog.errors.ts';
import type { ScoreJson } from './catalog.schemas.ts';
import type { RoleKind, TitleKind } from './catalog.table.ts';
import { normalizeTitle } from './normalize-title.ts';

/** Who published a baseline revision. */
export const BASELINE_AUTHOR = 'jobzone baseline pipeline';
/** Who published a revision read from an expert assessment file. */
export const EXPERT_AUTHOR = 'jobzone editorial team';

/** A role the catalog publishes: the first baseline or expert file that names its slug decides its title and kind. */
export interface PlannedRole {
  slug: string;
  title: string;
  category: string;
  kind: RoleKind;
  primaryOnetCode: string | null;
}

/** An assessment the catalog publishes at revision 1, with the note and author of that revision. */
export interface PlannedAssessment {
  key: string;
  roleSlug: string;
  seniority: string;
  assessment: Assessment;
  note: string;
  author: string;
}

/** A title search finds: an O*NET, alternate, short or reported title of an occupation, or an alias of an expert role. */
export interface PlannedTitle {
  title: string;
  normalizedTitle: string;
  onetCode: string | null;
  roleSlug: string | null;
  kind: TitleKind;
}

/** What publishing a catalog means, worked out once for the store load and for every read model built without a store. */
export interface CatalogPlan {
  roles: PlannedRole[];
  /** Baselines first (in file order), then the expert files. */
  assessments: PlannedAssessment[];
  titles: PlannedTitle[];
}

/** Computes the stored figures of an assessment: its score and the explanation of it. */
export function figuresOf(assessment: Assessment): ScoreJson {
  const definition = methodologyOf(assessment.methodology);
  return toScoreJson(scoreAssessment(assessment, definition), explainScore(assessment, definition));
}

/** Checks a catalog and turns it into the roles, assessments and titles it publishes; every problem is reported at once and nothing is returned then. */
export function planCatalog(catalog: CatalogToLoad): CatalogPlan {
  const problems: string[] = [];
  const occupationCodes = new Set(catalog.occupations.map((occupation) => occupation.onetCode));
  const roles = new Map<string, PlannedRole>();
  const assessments = new Map<string, PlannedAssessment>();
  const sourceNames = catalog.sources.map((source) => source.name).join('; ');
  const baselineNote = `Data-derived baseline, not reviewed: computed by "jobzone catalog build" from ${sourceNames || 'the committed catalog'}.`;

  const addAssessment = (planned: PlannedAssessment, where: string) => {
    if (assessments.has(planned.key)) problems.push(`${where}: a second assessment of ${planned.key}; each role has one per seniority`);
    else assessments.set(planned.key, planned);
  };

  for (const [index, { onetCode, assessment }] of catalog.baselines.entries()) {
    const where = `catalog/baselines.jsonl:${index + 1}`;
    const { role } = assessment;
    if (!occupationCodes.has(onetCode)) problems.push(`${where}: onetCode ${onetCode} is not in catalog/occupations.jsonl`);
    if (assessment.status !== 'baseline') problems.push(`${where}: status is "${assessment.status}", expected "baseline"`);
    if (!roles.has(role.slug)) roles.set(role.slug, { slug: role.slug, title: role.title, category: role.category, primaryOnetCode: onetCode, kind: 'baseline' });
    const key = `${role.slug}/${role.seniority}`;
    addAssessment({ key, roleSlug: role.slug, seniority: role.seniority, assessment, note: baselineNote, author: BASELINE_AUTHOR }, where);
  }

  const aliasTitles: PlannedTitle[] = [];
  for (const { file, assessment } of catalog.experts) {
    const { role } = assessment;
    const primaryOnetCode = role.onetCodes[0] ?? null;
    if (assessment.status !== 'expert') problems.push(`${file}: status is "${assessment.status}", expected "expert" for a file under content/`);
    if (primaryOnetCode !== null && !occupationCodes.has(primaryOnetCode)) {
      problems.push(`${file}: role.onetCodes: ${primaryOnetCode} is not an occupation of the catalog; use an O*NET-SOC code from catalog/occupations.jsonl`);
    }
    const existing = roles.get(role.slug);
    if (existing?.kind === 'baseline') problems.push(`${file}: role.slug "${role.slug}" is already the slug of a baseline; choose another slug`);
    if (!existing) {
      roles.set(role.slug, { slug: role.slug, title: role.title, category: role.category, primaryOnetCode, kind: 'expert' });
      for (const alias of new Set(role.aliases)) {
        aliasTitles.push({ title: alias, normalizedTitle: normalizeTitle(alias), onetCode: primaryOnetCode, roleSlug: role.slug, kind: 'alias' });
      }
    }
    const reviewed = assessment.reviewed ? ` (reviewed ${assessment.reviewed})` : '';
    addAssessment(
      { key: `${role.slug}/${role.seniority}`, roleSlug: role.slug, seniority: role.seniority, assessment, note: `Expert assessment from ${file}${reviewed}.`, author: EXPERT_AUTHOR },
      file,
    );
  }

  const titles: PlannedTitle[] = [];
  for (const [index, title] of catalog.titles.entries()) {
    if (!occupationCodes.has(title.onetCode)) problems.push(`catalog/titles.jsonl:${index + 1}: onetCode ${title.onetCode} is not in catalog/occupations.jsonl`);
    titles.push({ title: title.title, normalizedTitle: normalizeTitle(title.title), onetCode: title.onetCode, roleSlug: null, kind: title.kind });
  }
  titles.push(...aliasTitles);

  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
    throw new CatalogError('catalog.invalid', `the catalog cannot be loaded; nothing was written:\n${shown.join('\n')}${more}`);
  }
  return { roles: [...roles.values()], assessments: [...assessments.values()], titles };
}

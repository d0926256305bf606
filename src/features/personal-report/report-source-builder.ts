import { seniorityLabel } from '../../methodology/seniority.ts';
import { BARRIER_KEYS, EVIDENCE_KEYS, PROTECTIVE_KEYS } from '../../methodology/definition.ts';
import type { Assessment } from '../../methodology/schema.ts';
import type { ReadModel } from '../read-model/read-model.ts';
import { findAssessment } from '../read-model/read-model.queries.ts';
import type { BaseAssessment, RelatedOccupation, ReportSource, SourceTask } from './report-source.ts';

/** How many related occupations a person can add tasks from, best related first. */
export const RELATED_OCCUPATION_LIMIT = 8;

// A task without an impact carries no key at all: the island's props list every task of the role and
// of its related occupations, and an `impact: undefined` costs each of them a serialised pair.
const withImpact = <T extends object>(fields: T, impact: SourceTask['impact']): T & Pick<SourceTask, 'impact'> => (impact === undefined ? fields : { ...fields, impact });

const scoresOf = <K extends string>(keys: readonly K[], values: Record<K, { score: number }>) =>
  Object.fromEntries(keys.map((key) => [key, { score: values[key].score }])) as Record<K, { score: number }>;

function baseOf(seniority: string, document: Assessment, figures: { score: number; methodologyVersion: string }): BaseAssessment {
  return {
    seniority,
    label: seniorityLabel(seniority),
    tasks: document.tasks.map((task) => withImpact({ name: task.name, share: task.share, score: task.score }, task.impact)),
    judgements: {
      protective: scoresOf(PROTECTIVE_KEYS, document.protective),
      growth: { score: document.growth.score },
      evidence: scoresOf(EVIDENCE_KEYS, document.evidence),
      barriers: scoresOf(BARRIER_KEYS, document.barriers),
      override: document.override ? { score: document.override.score, justification: document.override.justification } : null,
    },
    score: figures.score,
    methodologyVersion: figures.methodologyVersion,
  };
}

/**
 * Builds what the personal report needs about a role from the read model: every assessed seniority
 * and the O*NET task lists a person can add from (the role's own occupation for an expert role,
 * then its related occupations). Returns null for an unknown role; an unknown seniority falls back
 * to the role's default (the page says so).
 */
export function buildReportSource(model: ReadModel, slug: string, seniority: string): ReportSource | null {
  const role = model.roles.get(slug);
  if (!role) return null;
  const reference = role.seniorities.includes(seniority) ? seniority : role.defaultSeniority;
  const bases = role.seniorities.flatMap((level) => {
    const found = findAssessment(model, slug, level);
    return found ? [baseOf(level, found.entry.assessment, found.entry.figures)] : [];
  });
  const own = role.onetCode ? model.occupations.get(role.onetCode) : undefined;
  const codes = [...(role.kind === 'expert' && own ? [own.onetCode] : []), ...(own?.relatedOnetCodes ?? []).slice(0, RELATED_OCCUPATION_LIMIT)];
  const related: RelatedOccupation[] = codes.flatMap((code) => {
    const occupation = model.occupations.get(code);
    const baseline = occupation ? findAssessment(model, occupation.slug, 'all-levels') : null;
    if (!occupation || !baseline) return [];
    return [{ onetCode: code, title: occupation.title, tasks: baseline.entry.assessment.tasks.map((task) => withImpact({ name: task.name, score: task.score }, task.impact)) }];
  });
  const entry = findAssessment(model, slug, reference)?.entry;
  return { roleSlug: slug, title: role.title, status: entry?.status ?? role.kind, seniority: reference, bases, related };
}

/** The role's own words the report quotes: survival strategy, timeline and the role in a few years. */
export interface ReportNarrative {
  survivalStrategy: string[];
  timeline: string | null;
  roleInFuture: { year: number | null; text: string } | null;
  whoShouldWorry: string | null;
}

const plain = (markdown: string) => markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\*(.+?)\*/g, '$1').replace(/\[(.+?)\]\([^)]*\)/g, '$1').trim();

/** Returns the narrative the report quotes from the role's assessment at a seniority, as plain text. */
export function reportNarrative(model: ReadModel, slug: string, seniority: string): ReportNarrative {
  const commentary = findAssessment(model, slug, seniority)?.entry.assessment.commentary;
  return {
    survivalStrategy: (commentary?.survivalStrategy ?? []).map(plain),
    timeline: commentary?.timeline ? plain(commentary.timeline) : null,
    roleInFuture: commentary?.roleInFuture ? { year: commentary.roleInFuture.year ?? null, text: plain(commentary.roleInFuture.text) } : null,
    whoShouldWorry: commentary?.whoShouldWorry ? plain(commentary.whoShouldWorry) : null,
  };
}

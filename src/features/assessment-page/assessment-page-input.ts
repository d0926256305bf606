import { methodologyOf, type MethodologyDefinition } from '../../methodology/index.ts';
import type { AssessmentEntry, OccupationEntry, ReadModel } from '../read-model/read-model.ts';
import { findAssessment, peersOf } from '../read-model/read-model.queries.ts';
import { socGroupTitleOf } from '../read-model/soc-group.ts';

/** Everything an assessment page needs from the read model, looked up once before any view is built. */
export interface AssessmentPageInput {
  entry: AssessmentEntry;
  /** The methodology the revision was scored under. */
  methodology: MethodologyDefinition;
  /** The same role at every assessed seniority, in career order (the entry itself included). */
  seniorities: AssessmentEntry[];
  /** The current assessment of each "not this role" entry, in the role's order; null when not assessed. */
  notThisRole: (AssessmentEntry | null)[];
  /** The nearest assessed roles and the group they were drawn from. */
  peers: { group: string; entries: AssessmentEntry[] };
  /** The current assessment of each peer the assessor quoted, in order; null when not assessed. */
  quotedPeers: (AssessmentEntry | null)[];
  occupation: OccupationEntry | null;
  /** The title of the occupation's SOC group, whose BLS figures it may share with other occupations. */
  socGroupTitle: string | null;
  /** The data-derived baseline of the mapped occupation, when it is another page than this one. */
  occupationBaseline: AssessmentEntry | null;
  /** Expert-assessed roles mapping to the same occupation, this role left out. */
  occupationExperts: AssessmentEntry[];
}

const PEER_LIMIT = 3;

/** Gathers the read-model lookups an assessment page needs into one plain object. */
export function gatherAssessmentPageInput(model: ReadModel, entry: AssessmentEntry): AssessmentPageInput {
  const { role } = entry.assessment;
  const levels = model.roles.get(entry.roleSlug)?.seniorities ?? [entry.seniority];
  const seniorities = levels.flatMap((slug) => {
    const other = model.assessments.get(`${entry.roleSlug}/${slug}`);
    return other ? [other] : [];
  });
  const lookUp = (slug: string | undefined) => (slug ? (findAssessment(model, slug)?.entry ?? null) : null);

  const occupation = entry.onetCode ? (model.occupations.get(entry.onetCode) ?? null) : null;
  let peers = { group: entry.category, entries: peersOf(model, entry, PEER_LIMIT) };
  if (peers.entries.length === 0 && occupation && occupation.category !== entry.category) {
    // A new specialism has no assessed neighbours yet: compare within the O*NET group it maps to.
    peers = { group: occupation.category, entries: peersOf(model, { ...entry, category: occupation.category }, PEER_LIMIT) };
  }
  const baseline = occupation && model.roles.get(occupation.slug)?.kind === 'baseline' ? lookUp(occupation.slug) : null;

  return {
    entry,
    methodology: methodologyOf(entry.figures.methodologyVersion),
    seniorities,
    notThisRole: role.notThisRole.map((related) => lookUp(related.slug)),
    peers,
    quotedPeers: (entry.assessment.peerCheck?.peers ?? []).map((peer) => lookUp(peer.slug)),
    occupation,
    socGroupTitle: socGroupTitleOf(model, occupation),
    occupationBaseline: baseline && baseline.key !== entry.key ? baseline : null,
    occupationExperts: occupation ? occupation.expertRoleSlugs.filter((slug) => slug !== entry.roleSlug).flatMap((slug) => lookUp(slug) ?? []) : [],
  };
}

import { BARRIER_KEYS, EVIDENCE_KEYS, methodologyOf, PROTECTIVE_KEYS, type MethodologyDefinition, type Zone } from '../../methodology/index.ts';
import type { AssessmentEntry } from '../../features/read-model/read-model.ts';
import { COMPARE_TOKENS_READ, type ComparedRole, type CompareInput, type TokenResolution } from '../../features/site-pages/compare-input.ts';
import { buildCompositionBars, describeComposition, type CompositionBar } from './composition-bars.ts';
import { formatScore } from '../format.ts';
import { seniorityLabel } from '../seniority-labels.ts';
import { summarize, type RoleSummary } from './role-summary.ts';
import { careerFactsOf, type CareerFacts } from './career-facts.ts';
import { oneLine } from '../../features/read-model/role-search-answer.ts';
import { findSharedTasks } from './shared-tasks.ts';
import { glossaryEntryOf } from '../glossary.ts';
import { positionOnRange } from '../chart-geometry.ts';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
export { COMPARE_TOKENS_READ, parseRoleTokens } from '../../features/site-pages/compare-input.ts';
/** At most this many problems are listed; the rest are counted in one line. */
export const COMPARE_MAX_PROBLEMS = 5;

/** One role in the comparison. */
export interface CompareColumn {
  token: string;
  summary: RoleSummary;
  removeHref: string;
  composition: CompositionBar[];
  compositionText: string;
  /** One line on what the job is. */
  description: string;
  /** "46.1–51.0": where the score would land if one judgement moved one step. */
  rangeText: string;
  /** The zone in plain words with its horizon, or the two zones the range straddles. */
  zoneText: string;
  /** True when the range crosses a zone boundary. */
  borderline: boolean;
  /** Positions on the shared 0–100 scale, in percent of its width. */
  scale: { score: number; from: number; to: number };
  facts: CareerFacts;
  /** The tasks this role shares with the others, in plain words (at most a few), or a sentence saying there are none. */
  shared: { text: string; with: string }[];
  sharedText: string;
  /** "Expert assessment" or "Automated estimate". */
  statusText: string;
}

/** The zones drawn behind the shared scale. */
export interface CompareScaleZone {
  zone: Zone;
  from: number;
  to: number;
  label: string;
}

/** A task more than one compared role does. */
export interface CompareSharedTask {
  text: string;
  roles: string[];
}

/** One figure compared across the roles. */
export interface CompareRow {
  label: string;
  help: string;
  cells: string[];
}

export interface CompareMessage {
  kind: 'error' | 'note';
  text: string;
}

/** The compare page, or where to send the reader when a role was added by name. */
export interface CompareView {
  columns: CompareColumn[];
  /** The formula figures, shown behind "Show the figures". */
  rows: CompareRow[];
  scaleZones: CompareScaleZone[];
  sharedTasks: CompareSharedTask[];
  /** One sentence on what the roles have in common, honest when it is nothing. */
  sharedSummary: string;
  messages: CompareMessage[];
  /** The shareable path of the roles shown, e.g. "/compare?roles=a,b". */
  sharePath: string;
  /** Set when the request added a role: the canonical URL to redirect to. */
  redirectTo: string | null;
  canAdd: boolean;
  ready: boolean;
}

function capProblems(messages: CompareMessage[]): CompareMessage[] {
  const errors = messages.filter((message) => message.kind === 'error');
  if (errors.length <= COMPARE_MAX_PROBLEMS) return messages;
  const shown = new Set(errors.slice(0, COMPARE_MAX_PROBLEMS));
  const hidden = errors.length - COMPARE_MAX_PROBLEMS;
  return [...messages.filter((message) => message.kind !== 'error' || shown.has(message)), { kind: 'error', text: `${hidden} more problem${hidden === 1 ? '' : 's'} with the roles in the address are not shown.` }];
}

/** Writes the compare path for a list of tokens; the commas and slashes stay readable. */
export function comparePath(tokens: readonly string[]): string {
  return tokens.length === 0 ? '/compare' : `/compare?roles=${tokens.map((token) => encodeURIComponent(token).replace(/%2F/gi, '/')).join(',')}`;
}

function resolvedRoles(resolutions: readonly TokenResolution[], messages: CompareMessage[]): ComparedRole[] {
  const resolved: ComparedRole[] = [];
  for (const resolution of resolutions) {
    if (resolution.kind === 'unknown-role') messages.push({ kind: 'error', text: `No assessed role has the address “${resolution.slug}”. Search for the job by name in the box below.` });
    else if (resolution.kind === 'unknown-level') {
      const levels = resolution.seniorities.map(seniorityLabel).join(', ');
      messages.push({ kind: 'error', text: `${resolution.roleTitle} is not assessed at “${resolution.seniority ?? ''}”; it is assessed at: ${levels}.` });
    } else if (resolved.some((each) => each.entry.key === resolution.role.entry.key)) continue;
    else resolved.push(resolution.role);
  }
  return resolved;
}

const fixed = (value: number, places: number) => value.toFixed(places);
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/**
 * Writes a row's help from the methodology of the compared figures. Roles scored under different
 * versions get each version's wording, named, so no column is described by rules it was not scored under.
 */
function helpUnder(entries: readonly AssessmentEntry[]): (write: (definition: MethodologyDefinition) => string) => string {
  const versions = [...new Set(entries.map((entry) => entry.figures.methodologyVersion))].map(methodologyOf);
  return (write) => {
    const texts = versions.map((definition) => ({ version: definition.version, text: write(definition) }));
    if (new Set(texts.map((each) => each.text)).size <= 1) return texts[0]?.text ?? '';
    return texts.map((each) => `${each.version}: ${each.text}`).join('; ');
  };
}

function buildRows(entries: readonly AssessmentEntry[]): CompareRow[] {
  const help = helpUnder(entries);
  const total = (count: number, range: { min: number; max: number }) => `${count * range.min} to ${count * range.max}`;
  const row = (label: string, help: string, cell: (entry: AssessmentEntry) => string): CompareRow => ({ label, help, cells: entries.map(cell) });
  return [
    row('Sub-label', 'How the zone is qualified, by the first rule that holds', (entry) => entry.figures.label),
    row('Formula score', 'Before any assessor override', (entry) => (entry.figures.override ? `${formatScore(entry.figures.formulaScore)} (overridden)` : formatScore(entry.figures.formulaScore))),
    row('Uncertainty band', 'Score if any one judgement moved one step', (entry) => `${formatScore(entry.figures.band.low)}–${formatScore(entry.figures.band.high)}${entry.figures.band.zoneStable ? ', zone holds' : ', zone may change'}`),
    row('Task exposure X', help(({ ranges }) => `Time-weighted task score, ${ranges.taskScore.min}–${ranges.taskScore.max}`), (entry) => fixed(entry.figures.taskExposure, 2)),
    row('Task resistance TR', help((definition) => `${definition.taskResistanceBase} − X`), (entry) => fixed(entry.figures.taskResistance, 2)),
    row('Evidence E', help(({ ranges }) => `Market signals, ${total(EVIDENCE_KEYS.length, ranges.evidence)}`), (entry) => signed(entry.figures.totals.evidence)),
    row('Barriers B', help(({ ranges }) => `Structural barriers, ${total(BARRIER_KEYS.length, ranges.barrier)}`), (entry) => String(entry.figures.totals.barriers)),
    row('Protective P', help(({ ranges }) => `Human-only factors, ${total(PROTECTIVE_KEYS.length, ranges.protective)} (not in the formula)`), (entry) => String(entry.figures.totals.protective)),
    row('Growth correlation G', help(({ ranges }) => `${ranges.growth.min} to +${ranges.growth.max}`), (entry) => signed(entry.figures.totals.growth)),
    row('Modifiers EM · BM · GM', 'Evidence, barrier and growth multipliers', (entry) => `${fixed(entry.figures.modifiers.evidence, 2)} · ${fixed(entry.figures.modifiers.barrier, 2)} · ${fixed(entry.figures.modifiers.growth, 2)}`),
    row('Raw', 'TR × EM × BM × GM', (entry) => fixed(entry.figures.raw, 4)),
    row('Work split', 'Share of time displaced / augmented / not involved', (entry) => `${entry.figures.split.displacement}% / ${entry.figures.split.augmentation}% / ${entry.figures.split.notInvolved}%`),
    row('Status', 'Expert assessment or data-derived baseline', (entry) => (entry.status === 'expert' ? 'Expert assessment' : 'Baseline, not reviewed')),
  ];
}

/** How many shared tasks a role's card lists; the full list follows the cards. */
const SHARED_PER_ROLE = 3;

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function zoneAt(score: number, greenFrom: number, yellowFrom: number): Zone {
  return score >= greenFrom ? 'Green' : score >= yellowFrom ? 'Yellow' : 'Red';
}

function headlineOf(entry: AssessmentEntry): Pick<CompareColumn, 'rangeText' | 'zoneText' | 'borderline' | 'scale'> {
  const { zones, ranges } = methodologyOf(entry.figures.methodologyVersion);
  const { min, max } = ranges.score;
  const { low, high } = entry.figures.band;
  const lowZone = zoneAt(low, Number(zones.greenFrom), Number(zones.yellowFrom));
  const highZone = zoneAt(high, Number(zones.greenFrom), Number(zones.yellowFrom));
  const borderline = lowZone !== highZone;
  const zone = entry.figures.zone;
  return {
    rangeText: `${formatScore(low)}–${formatScore(high)}`,
    zoneText: borderline ? `Borderline ${highZone}/${lowZone}: the range crosses a zone boundary.` : (glossaryEntryOf(zone)?.short ?? ''),
    borderline,
    scale: { score: positionOnRange(entry.figures.score, min, max), from: positionOnRange(low, min, max), to: positionOnRange(high, min, max) },
  };
}

function describeRole({ entry, occupation }: ComparedRole): string {
  return oneLine(entry.status === 'expert' ? (entry.assessment.role.primaryFunction ?? occupation?.description) : (occupation?.description ?? entry.assessment.role.primaryFunction));
}

function scaleZonesOf(entries: readonly AssessmentEntry[]): CompareScaleZone[] {
  const first = entries[0];
  if (!first) return [];
  const { zones, ranges } = methodologyOf(first.figures.methodologyVersion);
  const { min, max } = ranges.score;
  const yellow = Number(zones.yellowFrom);
  const green = Number(zones.greenFrom);
  return [
    { zone: 'Red', from: min, to: yellow, label: `Red, ${min} to ${yellow}` },
    { zone: 'Yellow', from: yellow, to: green, label: `Yellow, ${yellow} to ${green}` },
    { zone: 'Green', from: green, to: max, label: `Green, ${green} to ${max}` },
  ];
}

function sharedTextOf(count: number, roles: number): string {
  if (roles < 2) return '';
  if (count === 0) return `No tasks in common with the other role${roles === 2 ? '' : 's'}.`;
  return `${count} task${count === 1 ? '' : 's'} in common with the other role${roles === 2 ? '' : 's'}.`;
}

function sharedSummaryOf(count: number, roles: number): string {
  if (roles < 2) return '';
  if (count === 0) return 'These roles share no tasks: none of their task statements match, so moving between them means learning different work.';
  return `These roles share ${count} task${count === 1 ? '' : 's'} (the same or nearly the same task statement): experience in one counts in the other.`;
}

function checkAddition(hit: ComparedRole | null, query: string, shown: readonly ComparedRole[], messages: CompareMessage[]): ComparedRole | null {
  if (!hit) {
    messages.push({ kind: 'error', text: `No role matched “${query}”. Try another title, such as “nurse” or “data scientist”.` });
    return null;
  }
  if (shown.some((each) => each.entry.key === hit.entry.key)) {
    messages.push({ kind: 'note', text: `${hit.entry.title} is already in the comparison.` });
    return null;
  }
  if (shown.length >= COMPARE_MAX) {
    messages.push({ kind: 'error', text: `A comparison holds at most ${COMPARE_MAX} roles. Remove one before adding ${hit.entry.title}.` });
    return null;
  }
  return hit;
}

/** Builds the comparison from the gathered roles: reports problems with the address, and redirects when a role was added. */
export function buildCompareView(input: CompareInput): CompareView {
  const messages: CompareMessage[] = [];
  const { requested, unread, addQuery } = input;
  if (unread > 0) messages.push({ kind: 'error', text: `The address names ${requested.length + unread} roles; only the first ${COMPARE_TOKENS_READ} were read, and a comparison shows at most ${COMPARE_MAX}.` });
  let resolved = resolvedRoles(input.resolutions, messages);
  if (resolved.length > COMPARE_MAX) {
    const left = resolved.slice(COMPARE_MAX).map((each) => each.entry.title);
    messages.push({ kind: 'error', text: `A comparison holds at most ${COMPARE_MAX} roles; these were left out: ${left.join(', ')}.` });
    resolved = resolved.slice(0, COMPARE_MAX);
  }
  if (input.addition !== undefined) {
    const added = checkAddition(input.addition, addQuery, resolved, messages);
    if (added) {
      const path = comparePath([...resolved, added].map((each) => each.token));
      return { columns: [], rows: [], scaleZones: [], sharedTasks: [], sharedSummary: '', messages: [], sharePath: path, redirectTo: path, canAdd: false, ready: false };
    }
  }
  if (resolved.length < COMPARE_MIN) {
    const needed = COMPARE_MIN - resolved.length;
    messages.push({ kind: 'note', text: `Pick ${needed === COMPARE_MIN ? 'two' : 'one more'} role${needed === 1 ? '' : 's'} to compare: search by job title below.` });
  }
  const tokens = resolved.map((each) => each.token);
  const entries = resolved.map((each) => each.entry);
  const shared = findSharedTasks(entries.map((entry) => entry.assessment.tasks));
  const sharedTasks = shared.map((task) => ({ text: task.text, roles: task.roles.map((index) => entries[index]?.title ?? '') }));
  const columns = resolved.map((role, index) => {
    const { token, entry } = role;
    const composition = buildCompositionBars(entry.figures.composition, methodologyOf(entry.figures.methodologyVersion));
    const mine = shared.filter((task) => task.roles.includes(index));
    return {
      token,
      summary: summarize(entry),
      removeHref: comparePath(tokens.filter((other) => other !== token)),
      composition,
      compositionText: describeComposition(composition),
      ...headlineOf(entry),
      description: describeRole(role),
      facts: careerFactsOf(role.occupation, role.socGroupTitle),
      shared: mine.slice(0, SHARED_PER_ROLE).map((task) => ({ text: task.text, with: joinNames(task.roles.filter((other) => other !== index).map((other) => entries[other]?.title ?? '')) })),
      sharedText: sharedTextOf(mine.length, entries.length),
      statusText: entry.status === 'expert' ? 'Expert assessment' : 'Automated estimate',
    };
  });
  return {
    columns,
    rows: buildRows(entries),
    scaleZones: scaleZonesOf(entries),
    sharedTasks,
    sharedSummary: sharedSummaryOf(sharedTasks.length, entries.length),
    messages: capProblems(messages),
    sharePath: comparePath(tokens),
    redirectTo: null,
    canAdd: resolved.length < COMPARE_MAX,
    ready: resolved.length >= COMPARE_MIN,
  };
}

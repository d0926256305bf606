import type { AssessmentEntry } from '../../features/read-model/read-model.ts';
import { formatChangePercent } from '../format.ts';
import { GLOSSARY, HORIZON, glossaryEntryOf } from '../glossary.ts';
import type { ScoredTask } from '../task-table.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import type { AssessmentPageView, RoleLink } from './assessment-view.types.ts';
import { isAutomatedEstimate } from './header-view.ts';
import { roleLinkOf } from './role-link.ts';

const SHORT_TASK_LENGTH = 64;
const LISTED_TASKS = 3;
const HIGHER_ROLES = 2;
/** Task scores from which AI does a large part of the task; below it the task stays mostly human. */
const AI_DOES_FROM = 3;

/** Shortens a task statement to a phrase that fits one line of a phone, cut at a word. */
export function shortTaskName(name: string): string {
  const clean = name.trim().replace(/[.;:,]+$/, '');
  if (clean.length <= SHORT_TASK_LENGTH) return clean;
  let cut = clean.slice(0, SHORT_TASK_LENGTH - 1);
  cut = cut.slice(0, cut.lastIndexOf(' '));
  // A bracket opened but cut before it closes reads as a typo: drop the bracket and what follows it.
  if (cut.lastIndexOf('(') > cut.lastIndexOf(')')) cut = cut.slice(0, cut.lastIndexOf('('));
  return `${cut.replace(/[\s,;:–-]+$/, '')}…`;
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
const byShare = (a: ScoredTask, b: ScoredTask) => b.share - a.share;
const percent = (value: number) => `${Math.round(value)}%`;

function outlookClause(input: AssessmentPageInput): string | null {
  const change = input.occupation?.projectedChangePercent?.value;
  if (change === undefined || change === null) return null;
  const rounded = Math.round(change * 10) / 10;
  if (Math.abs(rounded) < 1) return `BLS expects employment to stay about level to 2034 (${formatChangePercent(rounded)})`;
  return `BLS expects employment to ${rounded > 0 ? 'grow' : 'shrink'} ${formatChangePercent(Math.abs(rounded)).replace('+', '')} by 2034`;
}

/** Writes the one plain sentence of the summary from the role's own tasks and outlook. */
export function buildPlainSentence(input: AssessmentPageInput): string {
  const tasks = input.entry.figures.tasks;
  const aiDoes = tasks.filter((task) => task.score >= AI_DOES_FROM).sort(byShare);
  const human = tasks.filter((task) => task.score < AI_DOES_FROM).sort((a, b) => a.score - b.score || byShare(a, b));
  const aiShare = aiDoes.reduce((sum, task) => sum + task.share, 0);
  const others = (count: number) => (count > 0 ? ` and ${count} other task${count === 1 ? '' : 's'}` : '');
  const aiPart = aiDoes[0]
    ? `AI can already do much of “${lowerFirst(shortTaskName(aiDoes[0].name))}”${others(aiDoes.length - 1)} (${percent(aiShare)} of the working time)`
    : 'AI does not yet do a large part of any of its main tasks';
  const humanPart = human[0] ? `, while “${lowerFirst(shortTaskName(human[0].name))}” stays with people` : '';
  const outlook = outlookClause(input);
  return `For ${input.entry.title}, ${aiPart}${humanPart}${outlook ? `; ${outlook}` : ''}.`;
}

function listedTask(task: ScoredTask, input: AssessmentPageInput) {
  return { name: shortTaskName(task.name), fullName: task.name, shareText: percent(task.share), meaning: input.methodology.taskScoreMeaning[task.score] ?? '' };
}

function higherScoringRelated(input: AssessmentPageInput): RoleLink[] {
  const { entry } = input;
  const candidates: (AssessmentEntry | null)[] = [...input.notThisRole, ...input.peers.entries, ...input.occupationExperts, input.occupationBaseline];
  const seen = new Set([entry.key]);
  return candidates
    .filter((other): other is AssessmentEntry => other !== null && other.figures.score > entry.figures.score && !seen.has(other.key) && Boolean(seen.add(other.key)))
    .slice(0, HIGHER_ROLES)
    .map(roleLinkOf);
}

/** Builds the summary a reader sees first: score and range, one plain sentence, the most and least exposed tasks, what the zone means, and a next step. */
export function buildSummary(input: AssessmentPageInput, headline: AssessmentPageView['headline'], reportHref: string): AssessmentPageView['summary'] {
  const { figures } = input.entry;
  const ordered = [...figures.tasks].sort((a, b) => b.score - a.score || byShare(a, b));
  const most = ordered.filter((task) => task.score > 1).slice(0, LISTED_TASKS);
  const least = ordered.filter((task) => !most.includes(task)).sort((a, b) => a.score - b.score || byShare(a, b)).slice(0, LISTED_TASKS);
  const zone = glossaryEntryOf(figures.zone);
  const quick = figures.quickScreen;
  const estimate = isAutomatedEstimate(input);
  return {
    sentence: buildPlainSentence(input),
    mostExposed: most.map((task) => listedTask(task, input)),
    leastExposed: least.map((task) => listedTask(task, input)),
    zoneMeaning: headline.borderline
      ? `${GLOSSARY.borderline.short} ${headline.borderline.map((word) => `${word} means ${lowerFirst(glossaryEntryOf(word)?.short ?? '')}`).join(' ')}`
      : `${figures.zone} means ${lowerFirst(zone?.short ?? '')}`,
    horizon: HORIZON,
    subLabelMeaning: headline.subLabelShown ? (glossaryEntryOf(headline.subLabelShown)?.short ?? null) : null,
    quickScreenNote: quick.agrees
      ? null
      : `A quick check from two judgements alone says “${quick.label.replace(/ Zone/, '')}”, unlike the full score; the role is flagged for a second look.`,
    estimateLine: estimate ? `Automated estimate: computed from public data by a fixed method; no assessor has reviewed this role yet.` : null,
    aiScope: input.entry.status === 'baseline' ? (input.entry.assessment.baselineMethod?.aiScope ?? null) : null,
    reportHref,
    higherScoring: higherScoringRelated(input),
  };
}

import { formatDelta, formatScore } from '../format.ts';
import { EXPOSURE_KINDS, exposureKindOf, type ExposureKind } from '../glossary.ts';

/**
 * Advice in plain sentences about kinds of work: tasks are grouped by how exposed they are, and
 * amounts of time are said in parts of a week, never as decimals of a percentage.
 */

export interface AdviceTask {
  name: string;
  /** Share in hundredths of a percent. */
  share: number;
  score: number;
}

export interface AdviceMove {
  fromName: string;
  toName: string;
  /** Points of time the move shifts. */
  points: number;
  score: number;
  gain: number;
  href: string;
}

export interface AdviceLine {
  text: string;
  /** A link that applies the change, when the sentence proposes one. */
  href: string | null;
}

export interface TaskMention {
  name: string;
  /** Whole percent of the week ("about 20%"). */
  share: string;
  kind: ExposureKind;
  kindLabel: string;
}

const NAME_LIMIT = 70;
const LISTED = 2;

/** Shortens a long task description at a word boundary, so a sentence can name it. */
export function shortTaskName(name: string, limit = NAME_LIMIT): string {
  const clean = name.trim().replace(/\.$/, '');
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

const quoted = (names: string[]) => (names.length <= 1 ? names.map((name) => `“${name}”`).join('') : `${names.slice(0, -1).map((name) => `“${name}”`).join(', ')} and “${names.at(-1)}”`);

/** Says an amount of working time in parts of a week. */
export function timeInWords(points: number): string {
  if (points >= 9.5 && points <= 10.5) return 'half a day a week';
  if (points >= 19 && points <= 21) return 'a day a week';
  return `about ${Math.max(1, Math.round(points))}% of your week`;
}

function byShare(tasks: readonly AdviceTask[], kind: ExposureKind): AdviceTask[] {
  return tasks.filter((task) => task.share > 0 && exposureKindOf(task.score) === kind).sort((a, b) => b.share - a.share);
}

/** Writes the report's advice: which kinds of work to spend more and less of the week on, and what the best single move would do. */
export function writeAdvice(tasks: readonly AdviceTask[], best: AdviceMove | null): AdviceLine[] {
  const safe = byShare(tasks, 'safe');
  const atRisk = byShare(tasks, 'atRisk');
  const shared = byShare(tasks, 'shared');
  const lines: AdviceLine[] = [];
  const names = (group: AdviceTask[]) => group.slice(0, LISTED).map((task) => shortTaskName(task.name));
  if (safe.length > 0) lines.push({ text: `Spend more of your week on ${EXPOSURE_KINDS.safe.term}, such as ${quoted(names(safe))}.`, href: null });
  else lines.push({ text: `None of your tasks is ${EXPOSURE_KINDS.safe.term}. Adding one from a related occupation (below the tasks) would raise your score most.`, href: null });
  const exposed = atRisk.length > 0 ? atRisk : shared;
  const exposedKind = atRisk.length > 0 ? EXPOSURE_KINDS.atRisk.term : EXPOSURE_KINDS.shared.term;
  if (exposed.length > 0 && safe.length > 0) lines.push({ text: `Spend less of it on ${exposedKind}, such as ${quoted(names(exposed))}.`, href: null });
  if (best) {
    lines.push({
      text: `Moving ${timeInWords(best.points)} from “${shortTaskName(best.fromName, 50)}” to “${shortTaskName(best.toName, 50)}” would take your score to ${formatScore(best.score)} (${formatDelta(best.gain)}).`,
      href: best.href,
    });
  } else if (safe.length > 0 && exposed.length === 0) {
    lines.push({ text: 'Your week is already spent on work AI is unlikely to take over; moving time between your tasks would not raise the score.', href: null });
  }
  return lines;
}

/** Picks the tasks a reader should see first: the most exposed and the safest, up to three each, with their share of the week. */
export function tasksAtRiskAndSafe(tasks: readonly AdviceTask[], count = 3): { atRisk: TaskMention[]; safe: TaskMention[] } {
  const mention = (task: AdviceTask): TaskMention => {
    const kind = exposureKindOf(task.score);
    return { name: shortTaskName(task.name), share: `${Math.max(task.share > 0 ? 1 : 0, Math.round(task.share / 100))}%`, kind, kindLabel: EXPOSURE_KINDS[kind].term };
  };
  const active = tasks.filter((task) => task.share > 0);
  const atRisk = active
    .filter((task) => task.score >= 3)
    .sort((a, b) => b.score - a.score || b.share - a.share)
    .slice(0, count);
  const safe = active
    .filter((task) => task.score <= 2)
    .sort((a, b) => a.score - b.score || b.share - a.share)
    .slice(0, count);
  return { atRisk: atRisk.map(mention), safe: safe.map(mention) };
}

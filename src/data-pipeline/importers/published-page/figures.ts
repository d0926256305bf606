import type { Zone } from '../../../methodology/index.ts';
import type { Factors } from './factors.ts';
import { SIGNED_NUMBER, parsePageNumber } from './numbers.ts';
import { addProblem, findLine, quote, toMarkdown, type PageLine, type Report } from './page-lines.ts';
import { blameLine, type Section, type Sections } from './sections.ts';
import type { TaskTable } from './tasks.ts';
import type { PublishedFigures } from './types.ts';

type Figure = number | null;

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const ZONE_WORD = /^(green|yellow|red)$/i;
const SUB_LABEL_ROW = /^Sub-?label\s*:?\s*(?:(green|yellow|red)\s*\(\s*([A-Za-z][\w -]*?)\s*\)|(accelerated|transforming|stable|urgent|moderate|declining|imminent)\b)/i;

function numberAt(lines: readonly PageLine[], pattern: RegExp, group = 1): Figure {
  const text = findLine(lines, pattern)?.match[group];
  return text === undefined ? null : parsePageNumber(text);
}

const capitalise = (word: string) => word.trim().charAt(0).toUpperCase() + word.trim().slice(1).toLowerCase();

function zoneOfWord(word: string): Zone {
  const lower = word.toLowerCase();
  return lower === 'green' ? 'Green' : lower === 'yellow' ? 'Yellow' : 'Red';
}

/** Keeps the first of two statements of one figure, and warns when the page contradicts itself. */
function agreed(name: string, first: Figure, second: Figure, report: Report): Figure {
  if (first !== null && second !== null && first !== second) report.warnings.push(`the page states ${name} as ${first} and as ${second}; ${first} was used`);
  return first ?? second;
}

function readTaskResistance(sections: Sections, report: Report): { exposure: Figure; resistance: Figure } {
  const pattern = new RegExp(`^Task Resistance Score\\s*:?\\s*(?:${NUMBER}\\s*[-−–]\\s*(${NUMBER})\\s*=\\s*)?(${NUMBER})\\s*/\\s*5(?:\\.0+)?$`, 'i');
  const resistance = agreed('task resistance', numberAt(sections.tasks.lines, pattern, 2), numberAt(sections.composite.lines, pattern, 2), report);
  return { exposure: numberAt(sections.tasks.lines, pattern, 1), resistance };
}

function readSplit(section: Section): PublishedFigures['split'] {
  const split = findLine(section.lines, /^Displacement\s*\/\s*Augmentation split\s*:\s*(\d+)%\s*displacement,\s*(\d+)%\s*augmentation,?\s*(?:and\s+)?(\d+)%\s*not involved/i)?.match;
  if (!split?.[1] || !split[2] || !split[3]) return null;
  return { displacement: Number(split[1]), augmentation: Number(split[2]), notInvolved: Number(split[3]) };
}

function readModifier(section: Section, name: string): { modifier: Figure; total: Figure } {
  const found = findLine(section.lines, new RegExp(`^${name} Modifier\\s*:?\\s*(.*?)=\\s*(${NUMBER})\\s*$`, 'i'));
  const total = found?.match[1] ? new RegExp(`\\(\\s*(${SIGNED_NUMBER})\\s*[x×*]`).exec(found.match[1])?.[1] : undefined;
  return { modifier: found?.match[2] ? Number(found.match[2]) : null, total: total === undefined ? null : parsePageNumber(total) };
}

function readComposition(section: Section): PublishedFigures['composition'] {
  const filled = section.lines.filter((line) => line.text !== '');
  const pointsAfter = (label: string): Figure => {
    const index = filled.findIndex((line, position) => line.text.toLowerCase() === label.toLowerCase() && /pts$/i.test(filled[position + 1]?.text ?? ''));
    const value = new RegExp(`^(${SIGNED_NUMBER})\\s*pts$`, 'i').exec(filled[index + 1]?.text ?? '')?.[1];
    return index < 0 || value === undefined ? null : parsePageNumber(value);
  };
  const values = ['Task Resistance', 'Evidence', 'Barriers', 'Protective', 'AI Growth'].map(pointsAfter);
  const [taskResistance, evidence, barriers, protective, growth] = values;
  if (taskResistance == null || evidence == null || barriers == null || protective == null || growth == null) return null;
  return { taskResistance, evidence, barriers, protective, growth };
}

function readQuickScreen(section: Section): PublishedFigures['quickScreen'] {
  const pattern = new RegExp(`^Quick screen(?: result)?\\s*:\\s*Protective\\s*(${SIGNED_NUMBER})\\s*\\+\\s*(?:AI Growth\\s*)?Correlation\\s*(${SIGNED_NUMBER})\\s*=\\s*(.+)$`, 'i');
  const match = findLine(section.lines, pattern)?.match;
  const label = match?.[3]?.split(/\.(?:\s|$)/)[0]?.trim();
  if (!match?.[1] || !match[2] || !label) return null;
  return { sum: parsePageNumber(match[1]) + parsePageNumber(match[2]), label };
}

function readZone(sections: Sections, report: Report): { zone: Zone; subLabel: string | null } | null {
  const zoneLine = findLine(sections.composite.lines, /^Zone\s*:\s*(green|yellow|red)\b/i);
  const headline = findLine(sections.head.lines, /^(green|yellow|red)\s*\(([^)]+)\)$/i);
  const subLabelRow = findLine(sections.composite.lines, SUB_LABEL_ROW);
  const zoneWord = zoneLine?.match[1] ?? headline?.match[1];
  if (!zoneWord || !ZONE_WORD.test(zoneWord)) {
    addProblem(report, blameLine(sections.composite), 'zone', 'no zone found; expected a line "Zone: GREEN (…)", "Zone: YELLOW (…)" or "Zone: RED (…)" in the composite section');
    return null;
  }
  if (!zoneLine) report.warnings.push(`no "Zone:" line in the composite section; the zone was taken from the headline on line ${headline?.line.number}`);
  const rowLabel = subLabelRow && capitalise(subLabelRow.match[2] ?? subLabelRow.match[3] ?? '');
  const headlineLabel = headline?.match[2] ? capitalise(headline.match[2]) : null;
  if (rowLabel && headlineLabel && rowLabel !== headlineLabel)
    report.warnings.push(`line ${subLabelRow?.line.number}: the sub-label ${quote(rowLabel)} differs from the headline ${quote(headline?.line.text ?? '')}`);
  const subLabel = rowLabel || headlineLabel;
  return { zone: zoneOfWord(zoneWord), subLabel };
}

export interface OverrideReading {
  override: PublishedFigures['override'];
  peerText: string | undefined;
}

const OVERRIDE_SCORE = new RegExp(
  `^(?:(?:adjusted|overridden|raised|lowered|changed|set)\\s+)?(?:from\\s+${NUMBER}\\s+)?(?:to\\s+)?(${NUMBER})\\s*(?:/\\s*100)?\\s*(?:[—–:]+|-+|\\.)?\\s*([\\s\\S]*)$`,
  'i',
);

/** Reads "Assessor override: None — formula score accepted. …" or "Assessor override: Adjusted to 41.0 — why…". */
function readOverride(section: Section, report: Report): OverrideReading | null {
  const index = section.lines.findIndex((line) => /^Assessor override\s*:/i.test(line.text));
  const line = section.lines[index];
  if (!line) {
    report.warnings.push('no "Assessor override:" line in the composite section; no override assumed');
    return { override: null, peerText: undefined };
  }
  const text = toMarkdown([{ number: line.number, text: line.text.replace(/^Assessor override\s*:\s*/i, '') }, ...section.lines.slice(index + 1)]);
  if (/^None\b/i.test(text)) {
    const accepted = /formula score accepted\.?\s*/i.exec(text);
    const rest = accepted ? text.slice(accepted.index + accepted[0].length) : text.replace(/^None\s*[—–:-]*\s*/i, '');
    return { override: null, peerText: rest.trim() || undefined };
  }
  const match = OVERRIDE_SCORE.exec(text);
  const score = match?.[1] ? Number(match[1]) : NaN;
  const justification = match?.[2]?.trim() ?? '';
  if (!match || score > 100 || !justification) {
    addProblem(report, line, 'override', `found ${quote(line.text)}; expected "Assessor override: None — formula score accepted." or "Assessor override: Adjusted to <score 0-100> — <justification>"`);
    return null;
  }
  return { override: { score, justification }, peerText: justification };
}

function readFormulaScore(section: Section, report: Report): Figure {
  const pattern = new RegExp(`^JobZone Score\\s*:.*=\\s*(${SIGNED_NUMBER})\\s*(?:/\\s*100)?\\s*$`, 'i');
  const score = numberAt(section.lines, pattern);
  if (score === null) addProblem(report, blameLine(section), 'formulaScore', 'no formula score found; expected a line "JobZone Score: (<raw> - 0.54) / 7.93 x 100 = <score>/100" in the composite section');
  return score;
}

/** Reads the stated totals; each also appears as the multiplier of its modifier line, which must agree. */
function readTotals(sections: Sections, factors: Factors | null, inModifiers: Record<'evidence' | 'barriers' | 'growth', Figure>, report: Report): PublishedFigures['totals'] {
  const evidenceRow = numberAt(sections.evidence.lines, new RegExp(`^Total\\s*(${SIGNED_NUMBER})\\s*(?:/\\s*10)?$`, 'i'));
  const barrierRow = numberAt(sections.barriers.lines, /^Total\s*(\d+)\s*(?:\/\s*10)?$/i);
  return {
    protective: numberAt(sections.protective.lines, /^Protective Total\s*:?\s*(\d+)\s*(?:\/\s*9)?$/i),
    growth: agreed('the growth correlation', inModifiers.growth, factors?.growth.score ?? null, report),
    evidence: agreed('the evidence total', evidenceRow, inModifiers.evidence, report),
    barriers: agreed('the barrier total', barrierRow, inModifiers.barriers, report),
  };
}

function warnOnHeadline(sections: Sections, score: number, report: Report): void {
  const shown = findLine(sections.head.lines, new RegExp(`^Score Composition\\s*(${NUMBER})\\s*/\\s*100$`, 'i'));
  if (shown?.match[1] && Number(shown.match[1]) !== score)
    report.warnings.push(`line ${shown.line.number}: the headline shows ${shown.match[1]} but the composite section gives ${score}`);
}

/** Reads every figure the page states from its tables and composite section, even when the tables could not be read. */
export function readFigures(sections: Sections, table: TaskTable | null, factors: Factors | null, report: Report): { figures: PublishedFigures; peerText: string | undefined } | null {
  const composite = sections.composite;
  const formulaScore = readFormulaScore(composite, report);
  const zone = readZone(sections, report);
  const override = readOverride(composite, report);
  if (formulaScore === null || !zone || !override) return null;
  const { exposure, resistance } = readTaskResistance(sections, report);
  const evidence = readModifier(composite, 'Evidence');
  const barrier = readModifier(composite, 'Barrier');
  const growth = readModifier(composite, 'Growth');
  const score = override.override?.score ?? formulaScore;
  warnOnHeadline(sections, score, report);
  const figures: PublishedFigures = {
    score,
    formulaScore,
    ...zone,
    taskExposure: agreed('task exposure', table?.exposure ?? null, exposure, report),
    taskResistance: resistance,
    raw: numberAt(composite.lines, new RegExp(`^Raw\\s*:.*=\\s*(${NUMBER})\\s*$`, 'i')),
    modifiers: { evidence: evidence.modifier, barrier: barrier.modifier, growth: growth.modifier },
    totals: readTotals(sections, factors, { evidence: evidence.total, barriers: barrier.total, growth: growth.total }, report),
    split: readSplit(sections.tasks),
    shareAtLeast3: numberAt(composite.lines, new RegExp(`^% of task time scoring 3\\+\\s*:?\\s*(${NUMBER})\\s*%`, 'i')),
    shareAtLeast4: numberAt(composite.lines, new RegExp(`^% of task time scoring 4\\+\\s*:?\\s*(${NUMBER})\\s*%`, 'i')),
    quickScreen: readQuickScreen(sections.protective),
    composition: readComposition(composite),
    taskWeighted: table?.weighted ?? [],
    override: override.override,
  };
  return { figures, peerText: override.peerText };
}

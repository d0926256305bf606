import { EVIDENCE_KEYS, aijri1, type BarrierKey, type Dimension, type EvidenceKey, type ProtectiveKey, type Range } from '../../../methodology/index.ts';
import type { SourceInput } from './narrative.ts';
import { labelPattern, parsePageNumber } from './numbers.ts';
import { addProblem, quote, type PageLine, type Report } from './page-lines.ts';
import { blameLine, type Section, type Sections } from './sections.ts';

export interface Judged {
  score: number;
  rationale: string;
}

export interface EvidenceItem {
  score: number;
  text: string;
  sources: SourceInput[];
}

export interface Factors {
  protective: Record<ProtectiveKey, Judged>;
  growth: Judged;
  evidence: Record<EvidenceKey, EvidenceItem>;
  barriers: Record<BarrierKey, Judged>;
  lines: Map<string, PageLine>;
}

interface RowSpec {
  path: string;
  labels: readonly string[];
  range: Range;
  what: string;
}

const EXTRA_LABELS: Partial<Record<ProtectiveKey, string>> = { moralJudgment: 'Moral Judgment' };

/** Builds the pattern of a scored row: the label, then exactly one digit with an optional sign, then the rationale. */
function rowPattern(labels: readonly string[]): RegExp {
  return new RegExp(`^(?:${labels.map(labelPattern).join('|')})\\s*([+\\-−–]?\\d)(?!\\s*/\\s*\\d)(.*)$`, 'i');
}

function readRow(section: Section, spec: RowSpec, report: Report, lines: Map<string, PageLine>): Judged | null {
  const pattern = rowPattern(spec.labels);
  const line = section.lines.find((candidate) => pattern.test(candidate.text));
  const match = line && pattern.exec(line.text);
  const label = spec.labels[0] ?? '';
  if (!line || !match?.[1]) {
    addProblem(report, blameLine(section), spec.path, `no "${label}" row found; expected a row "${label}<${spec.what} ${spec.range.min} to ${spec.range.max}><rationale>"`);
    return null;
  }
  lines.set(spec.path, line);
  const score = parsePageNumber(match[1]);
  const rationale = match[2]?.trim() ?? '';
  if (score < spec.range.min || score > spec.range.max)
    addProblem(report, line, spec.path, `found ${spec.what} ${score} in ${quote(line.text)}; expected a whole number from ${spec.range.min} to ${spec.range.max}`);
  if (!rationale) addProblem(report, line, spec.path, `found no text after the score of "${label}"; expected the rationale or evidence behind it`);
  return { score, rationale };
}

function readGroup<K extends string>(
  section: Section,
  group: { path: string; dimensions: readonly Dimension<K>[]; range: Range; what: string; extra?: Partial<Record<K, string>> },
  report: Report,
  lines: Map<string, PageLine>,
): Record<K, Judged> | null {
  const entries = group.dimensions.map((dimension) => {
    const extra = group.extra?.[dimension.key];
    const spec = { path: `${group.path}.${dimension.key}`, labels: extra ? [dimension.label, extra] : [dimension.label], range: group.range, what: group.what };
    return [dimension.key, readRow(section, spec, report, lines)] as const;
  });
  if (entries.some(([, judged]) => judged === null)) return null;
  return Object.fromEntries(entries) as Record<K, Judged>;
}

/** Reads the protective principles, growth correlation, evidence and barrier tables. */
export function readFactors(sections: Sections, report: Report): Factors | null {
  const { ranges } = aijri1;
  const lines = new Map<string, PageLine>();
  const protective = readGroup(sections.protective, { path: 'protective', dimensions: aijri1.protective, range: ranges.protective, what: 'a score', extra: EXTRA_LABELS }, report, lines);
  const growth = readRow(sections.protective, { path: 'growth', labels: [aijri1.growthLabel], range: ranges.growth, what: 'a correlation' }, report, lines);
  const evidence = readGroup(sections.evidence, { path: 'evidence', dimensions: aijri1.evidence, range: ranges.evidence, what: 'a score' }, report, lines);
  const barriers = readGroup(sections.barriers, { path: 'barriers', dimensions: aijri1.barriers, range: ranges.barrier, what: 'a score' }, report, lines);
  if (!protective || !growth || !evidence || !barriers) return null;
  const evidenceItems = Object.fromEntries(
    EVIDENCE_KEYS.map((key): [EvidenceKey, EvidenceItem] => [key, { score: evidence[key].score, text: evidence[key].rationale, sources: [] }]),
  ) as Record<EvidenceKey, EvidenceItem>;
  return { protective, growth, evidence: evidenceItems, barriers, lines };
}

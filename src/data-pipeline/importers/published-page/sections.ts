import type { PageLine } from './page-lines.ts';

const HEADINGS = {
  roleDefinition: /^Role Definition$/i,
  protective: /^Protective Principles\b/i,
  tasks: /^Task Decomposition\b/i,
  evidence: /^Evidence Score$/i,
  barriers: /^Barrier Assessment$/i,
  growthCheck: /^AI Growth Correlation Check$/i,
  composite: /^JobZone Composite Score\b/i,
  commentary: /^Assessor Commentary$/i,
  scoreVsReality: /^Score vs\.? Reality( Check)?$/i,
  numbersMiss: /^What the Numbers Don['’]?t Capture$/i,
  whoShouldWorry: /^Who Should Worry\b/i,
  whatThisMeans: /^What This Means$/i,
  sources: /^Sources$/i,
  resources: /^Useful Resources$/i,
  footer: /^Get updates on\b/i,
} as const;

export type SectionKey = keyof typeof HEADINGS | 'head';

/** The lines under one heading of the page, up to the next known heading. */
export interface Section {
  heading: PageLine | null;
  lines: PageLine[];
}

export type Sections = Record<SectionKey, Section>;

/** Splits the page at its known headings; a heading the page lacks gives an empty section. */
export function splitSections(lines: readonly PageLine[]): Sections {
  const found: { key: SectionKey; heading: PageLine | null; index: number }[] = [{ key: 'head', heading: null, index: -1 }];
  for (const [key, pattern] of Object.entries(HEADINGS) as [keyof typeof HEADINGS, RegExp][]) {
    const index = lines.findIndex((line) => pattern.test(line.text));
    if (index >= 0) found.push({ key, heading: lines[index] ?? null, index });
  }
  found.sort((a, b) => a.index - b.index);
  const sections = Object.fromEntries(
    [...Object.keys(HEADINGS), 'head'].map((key) => [key, { heading: null, lines: [] }]),
  ) as unknown as Sections;
  found.forEach((entry, position) => {
    const end = found[position + 1]?.index ?? lines.length;
    sections[entry.key] = { heading: entry.heading, lines: lines.slice(entry.index + 1, end) };
  });
  return sections;
}

/** Returns the line to blame for something missing from a section: its heading, else none. */
export function blameLine(section: Section): number | null {
  return section.heading?.number ?? null;
}

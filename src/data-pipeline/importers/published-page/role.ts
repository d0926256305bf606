import { KNOWN_SENIORITY_LEVELS, seniorityLevelOf } from '../../../methodology/index.ts';
import { slugify } from '../../../shared/slug.ts';
import { escapeRegExp } from './numbers.ts';
import { addProblem, findLine, nonEmpty, quote, toMarkdown, type PageLine, type Report } from './page-lines.ts';
import { parseNotThisRole, type RelatedRole } from './related-roles.ts';
import { blameLine, type Sections } from './sections.ts';

export interface RoleInput {
  slug: string;
  title: string;
  seniority: string;
  category: string;
  aliases: string[];
  primaryFunction?: string;
  notThisRole: RelatedRole[];
  typicalExperience?: string;
  seniorityNote?: string;
}

type RowKey = 'title' | 'seniority' | 'primaryFunction' | 'notThisRole' | 'typicalExperience' | 'aliases';

const ROW_LABELS: Record<RowKey, string> = {
  title: 'Job Title',
  seniority: 'Seniority Level',
  primaryFunction: 'Primary Function',
  notThisRole: 'What This Role Is NOT',
  typicalExperience: 'Typical Experience',
  aliases: 'Also Known As',
};

const ROW = new RegExp(`^(${Object.values(ROW_LABELS).map(escapeRegExp).join('|')})\\s*:?\\s*(.*)$`, 'i');

interface Row {
  line: PageLine;
  value: string;
}

/** Reads the Role Definition table; a line right below a row continues that row. */
function readRows(lines: readonly PageLine[]): Partial<Record<RowKey, Row>> {
  const rows: Partial<Record<RowKey, Row>> = {};
  let current: Row | null = null;
  for (const line of lines) {
    const match = ROW.exec(line.text);
    const key = match && (Object.keys(ROW_LABELS) as RowKey[]).find((candidate) => ROW_LABELS[candidate].toLowerCase() === match[1]?.toLowerCase());
    if (key && !rows[key]) {
      current = { line, value: match[2]?.trim() ?? '' };
      rows[key] = current;
    } else if (line.text === '' || /^Seniority note\b/i.test(line.text)) current = null;
    else if (current) current.value = `${current.value}\n\n${line.text}`;
  }
  return rows;
}

const SENIORITY_EXPECTED = `one of ${KNOWN_SENIORITY_LEVELS.map((level) => `"${level.label}"`).join(', ')}, or two of them combined lower first like "Mid-Senior" or "Senior/Lead"`;

function readTitle(sections: Sections, rows: Partial<Record<RowKey, Row>>, report: Report): string | null {
  const fromRow = rows.title?.value.trim();
  if (fromRow) return fromRow;
  const heading = findLine(sections.head.lines, /^Will AI Replace (.+?) Jobs\?$/i);
  if (heading?.match[1]) return heading.match[1].trim();
  addProblem(report, blameLine(sections.roleDefinition), 'role.title', 'no job title found; expected a "Job Title<title>" row in the Role Definition table or a "Will AI Replace <title> Jobs?" heading');
  return null;
}

function readSeniority(sections: Sections, row: Row | undefined, report: Report): string | null {
  if (!row) {
    addProblem(report, blameLine(sections.roleDefinition), 'role.seniority', `no "Seniority Level" row found in the Role Definition table; expected ${SENIORITY_EXPECTED}`);
    return null;
  }
  const level = seniorityLevelOf(row.value);
  if (!level) addProblem(report, row.line, 'role.seniority', `found seniority ${quote(row.value)}; expected ${SENIORITY_EXPECTED}`);
  return level?.slug ?? null;
}

/** Reads the category from the header line "<Seniority> <Category> Live Tracked ...". */
function readCategory(sections: Sections, seniority: Row | undefined, report: Report): string | null {
  const labels = [seniority?.value ?? '', ...KNOWN_SENIORITY_LEVELS.map((level) => level.label)].filter(Boolean).map(escapeRegExp);
  const pattern = new RegExp(`^(?:${labels.join('|')})\\s+(.+?)(?:\\s+Live Tracked\\b.*)?$`, 'i');
  const isTracked = (line: PageLine) => /\bLive Tracked\b/i.test(line.text);
  const tracked = [...sections.head.lines.filter(isTracked), ...sections.head.lines.filter((line) => !isTracked(line) && pattern.test(line.text))];
  const category = tracked.map((line) => pattern.exec(line.text)?.[1]?.trim()).find(Boolean);
  if (category) return category;
  addProblem(report, tracked[0] ?? null, 'role.category', `no category found${tracked[0] ? ` in ${quote(tracked[0].text)}` : ''}; expected a header line "<Seniority> <Category> Live Tracked ..." such as "Mid-level AI/ML Engineering Live Tracked"`);
  return null;
}

/** Splits an "Also known as" list separated by commas, semicolons or middle dots. */
function splitAliases(text: string): string[] {
  const aliases = text
    .replace(/\.$/, '')
    .split(/\s*(?:[,;|·•]|\s\/\s)\s*/)
    .map((alias) => alias.trim())
    .filter(Boolean);
  return [...new Set(aliases)];
}

function readAliases(lines: readonly PageLine[], row: Row | undefined): string[] {
  const line = row ? null : findLine(lines, /^Also known as\s*:?\s*(.+)$/i);
  return splitAliases(row?.value ?? line?.match[1] ?? '');
}

function readNarrative(sections: Sections, rows: Partial<Record<RowKey, Row>>, report: Report) {
  const notThisText = rows.notThisRole?.value ?? '';
  const notThisRole = parseNotThisRole(notThisText);
  if (notThisText && notThisRole.length === 0)
    report.warnings.push(`line ${rows.notThisRole?.line.number}: "What This Role Is NOT" has no "NOT a <role> (<how it differs>)" sentences; notThisRole left empty`);
  const seniorityNote = findLine(sections.roleDefinition.lines, /^Seniority note\s*:\s*(.*)$/i)?.match[1];
  return {
    primaryFunction: nonEmpty(rows.primaryFunction?.value),
    notThisRole,
    typicalExperience: nonEmpty(rows.typicalExperience?.value),
    seniorityNote: nonEmpty(seniorityNote),
  };
}

/** Reads the role: title, slug, seniority, category, aliases and the Role Definition narrative. */
export function readRole(lines: readonly PageLine[], sections: Sections, report: Report): RoleInput | null {
  const rows = readRows(sections.roleDefinition.lines);
  const title = readTitle(sections, rows, report);
  const seniority = readSeniority(sections, rows.seniority, report);
  const category = readCategory(sections, rows.seniority, report);
  const slug = title ? slugify(title) : '';
  if (title && !slug) addProblem(report, rows.title?.line ?? null, 'role.slug', `the title ${quote(title)} gives no slug; expected a title with letters or digits`);
  if (!title || !slug || !seniority || !category) return null;
  return { slug, title, seniority, category, aliases: readAliases(lines, rows.aliases), ...readNarrative(sections, rows, report) };
}

/** Reads the verdict: the paragraph after the standard "This role is …" sentence. */
export function readVerdict(sections: Sections, report: Report): string | undefined {
  const head = sections.head.lines;
  const index = head.findIndex((line) => /^This role is\b/i.test(line.text));
  const verdict = index >= 0 ? nonEmpty(toMarkdown(head.slice(index + 1))) : undefined;
  if (!verdict) report.warnings.push('no verdict found: expected a paragraph after the "This role is …" sentence above Role Definition');
  return verdict;
}

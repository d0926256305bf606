import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeForbiddenCharacter, formatPath, LIST_LIMITS, printable, TEXT_LIMITS, validateAssessment, type AssessmentInput, type PathSegment } from '../../methodology/index.ts';

const EXAMPLE = new URL('../../../content/assessments/multimodal-ai-engineer/mid-level.yaml', import.meta.url);

/** The documented example with every optional text field filled in too. */
function fullExample(): Record<string, unknown> {
  const document = parse(readFileSync(EXAMPLE, 'utf8')) as AssessmentInput;
  const [firstTask] = document.tasks;
  const [firstPeer] = document.peerCheck?.peers ?? [];
  if (!firstTask || !firstPeer) throw new Error('the documented example lost its tasks or peers');
  firstTask.provenance = { basis: 'data', source: 'O*NET 27.0 task ratings', confidence: 'medium', detail: 'importance 78/100' };
  firstPeer.note = 'Closest peer.';
  document.override = { score: 60, justification: 'The formula misses how quickly this role is changing.' };
  document.evidence.jobPostings.sources = [{ title: 'An invented survey', url: 'https://example.org/survey' }];
  document.resources = [{ title: 'An invented course', url: 'https://example.org/course' }];
  return document as unknown as Record<string, unknown>;
}

function stringLeaves(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
}

function withValueAt(document: unknown, path: PathSegment[], change: (value: string) => unknown): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1] as PathSegment;
  parent[last] = change(parent[last] as string);
  return copy;
}

const problemsAt = (document: unknown, path: PathSegment[]) => {
  const result = validateAssessment(document);
  return result.ok ? [] : result.problems.filter((problem) => formatPath(problem.path) === formatPath(path)).map((problem) => problem.message);
};

// Fields whose values come from a fixed set or a format: they refuse a NUL with their own message.
const FORMATTED = /^(status|reviewed|role\.slug|role\.seniority|role\.onetCodes\[\d+\]|.*\.slug|tasks\[\d+\]\.impact|.*provenance\.(basis|confidence)|.*\.url)$/;

describe('text fields refuse control characters', () => {
  const document = fullExample();
  const leaves = stringLeaves(document);

  it('the example with every text field filled in is valid', () => {
    expect(validateAssessment(document)).toMatchObject({ ok: true });
    expect(leaves.length).toBeGreaterThan(60);
  });

  it('every text field refuses a NUL byte, naming the field, what was found and what is expected', () => {
    for (const path of leaves) {
      const messages = problemsAt(withValueAt(document, path, (value) => `${value.slice(0, 3)}\u0000${value.slice(3)}`), path);
      expect(messages, formatPath(path)).toHaveLength(1);
      if (!FORMATTED.test(formatPath(path))) expect(messages[0], formatPath(path)).toMatch(/^found a NUL byte \(U\+0000\) at character 4; expected (one line of )?text without control characters/);
      expect(messages[0]).not.toContain('\u0000');
    }
  });

  it('refuses DEL, escape, C1 controls and lone surrogates in narrative text', () => {
    const path = ['commentary', 'scoreVsReality'];
    const at = (inserted: string) => problemsAt(withValueAt(document, path, (value) => `ab${inserted}${value}`), path);
    expect(at('\u007f')).toEqual(['found a DEL character (U+007F) at character 3; expected text without control characters (tabs and line breaks are allowed)']);
    expect(at('\u001b')).toEqual(['found a control character (U+001B) at character 3; expected text without control characters (tabs and line breaks are allowed)']);
    expect(at('\u0085')).toEqual(['found a control character (U+0085) at character 3; expected text without control characters (tabs and line breaks are allowed)']);
    expect(at('\ud800')).toEqual(['found a lone surrogate (U+D800) at character 3; expected text without control characters (tabs and line breaks are allowed)']);
    expect(at('\t and\n')).toEqual([]);
    expect(at('😀')).toEqual([]);
  });

  it('allows line breaks and tabs only where text may span lines', () => {
    expect(problemsAt(withValueAt(document, ['role', 'title'], (value) => `${value}\nSecond line`), ['role', 'title'])).toEqual([
      'found a line break (U+000A) at character 23; expected one line of text without control characters',
    ]);
    expect(problemsAt(withValueAt(document, ['tasks', 0, 'name'], (value) => `${value}\tmore`), ['tasks', 0, 'name'])[0]).toMatch(/^found a tab \(U\+0009\)/);
    expect(problemsAt(withValueAt(document, ['tasks', 0, 'rationale'], (value) => `${value}\n\nMore.`), ['tasks', 0, 'rationale'])).toEqual([]);
  });

  it('prints unknown field names and found values without raw control characters', () => {
    const result = validateAssessment({ ...document, 'bad\u0000key': 1 });
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.message)).toEqual(['unknown field "bad\\u{0}key"; remove or rename it']);
    expect(printable('a\u0000b\u001bc\ud800')).toBe('a\\u{0}b\\u{1B}c\\u{D800}');
    expect(describeForbiddenCharacter('fine text', true)).toBeNull();
  });
});

describe('text fields and lists have length caps', () => {
  const document = fullExample();

  it('refuses text over its cap, saying how long it is and what is allowed', () => {
    const cases: [PathSegment[], number][] = [
      [['role', 'title'], TEXT_LIMITS.title],
      [['role', 'category'], TEXT_LIMITS.label],
      [['tasks', 0, 'name'], TEXT_LIMITS.taskName],
      [['tasks', 0, 'rationale'], TEXT_LIMITS.rationale],
      [['evidence', 'wages', 'text'], TEXT_LIMITS.rationale],
      [['verdict'], TEXT_LIMITS.narrative],
      [['commentary', 'whoShouldWorry'], TEXT_LIMITS.narrative],
      [['resources', 0, 'title'], TEXT_LIMITS.title],
    ];
    for (const [path, cap] of cases) {
      expect(problemsAt(withValueAt(document, path, () => 'x'.repeat(cap)), path), formatPath(path)).toEqual([]);
      expect(problemsAt(withValueAt(document, path, () => 'x'.repeat(cap + 1)), path), formatPath(path)).toEqual([
        `found ${(cap + 1).toLocaleString('en-US')} characters; expected at most ${cap.toLocaleString('en-US')} characters`,
      ]);
    }
    const longUrl = `https://example.org/${'a'.repeat(TEXT_LIMITS.url)}`;
    expect(problemsAt(withValueAt(document, ['resources', 0, 'url'], () => longUrl), ['resources', 0, 'url'])).toEqual([`found ${longUrl.length.toLocaleString('en-US')} characters; expected at most 2,000 characters`]);
  });

  it('refuses lists over their cap', () => {
    const aliases = Array.from({ length: LIST_LIMITS.aliases + 1 }, (_, index) => `Alias ${index}`);
    expect(problemsAt({ ...document, role: { ...(document.role as object), aliases } }, ['role', 'aliases'])).toEqual([`found a list of ${LIST_LIMITS.aliases + 1}; expected at most ${LIST_LIMITS.aliases} items`]);
    const tasks = Array.from({ length: LIST_LIMITS.tasks + 1 }, (_, index) => ({ name: `Task ${index}`, share: 1, score: 2, rationale: 'r' }));
    expect(problemsAt({ ...document, tasks }, ['tasks'])).toContain(`found a list of ${LIST_LIMITS.tasks + 1}; expected at most ${LIST_LIMITS.tasks} items`);
  });
});

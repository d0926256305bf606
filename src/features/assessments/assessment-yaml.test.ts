import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methodologyOf, scoreAssessment } from '../../methodology/index.ts';
import { workedExampleFigures } from '../../methodology/test-support/worked-example.ts';
import { formatFileProblem, parseAssessmentYaml, stringifyAssessmentYaml } from './assessment-yaml.ts';

const examplePath = new URL('../../../content/assessments/multimodal-ai-engineer/mid-level.yaml', import.meta.url);
const exampleText = await readFile(examplePath, 'utf8');

/** Replaces one exact piece of the example file, failing loudly if the piece is not there. */
function exampleWith(find: string, replace: string): string {
  if (!exampleText.includes(find)) throw new Error(`test setup: "${find}" is not in the example file`);
  return exampleText.replace(find, replace);
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('reading an assessment file', () => {
  it('loads the worked example and scores every figure of methodology §3', () => {
    const parsed = parseAssessmentYaml(exampleText, 'mid-level.yaml');
    if (!parsed.ok) throw new Error(parsed.problems.map(formatFileProblem).join('\n'));
    const result = scoreAssessment(parsed.assessment, methodologyOf(parsed.assessment.methodology));
    expect(result).toMatchObject(workedExampleFigures);
    expect(parsed.notices).toEqual([]);
  });

  it('says the shares sum to 95 when they must sum to 100, pointing at the tasks line', () => {
    const text = exampleWith('    share: 25\n', '    share: 20\n');
    const parsed = parseAssessmentYaml(text, 'bad.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map(formatFileProblem)).toEqual([`bad.yaml:${lineOf(text, 'tasks:')}: tasks: shares sum to 95; they must sum to 100`]);
  });

  it('reports every problem at once, each with its line, field, what was found and what is expected', () => {
    const text = exampleWith('    score: 3\n', '    score: 7\n')
      .replace('  physical:\n    score: 0\n', '  physical:\n    score: 0\n    weight: 2\n')
      .replace('status: expert', 'status: draft');
    const parsed = parseAssessmentYaml(text, 'bad.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const messages = parsed.problems.map(formatFileProblem);
    expect(messages).toContain(`bad.yaml:${lineOf(text, 'status: draft')}: status: found "draft"; expected one of "expert", "baseline"`);
    expect(messages).toContain(`bad.yaml:${lineOf(text, 'score: 7')}: tasks[2].score: found 7; expected a task score from 1 to 5, a whole number`);
    expect(messages).toContain(`bad.yaml:${lineOf(text, '    weight: 2') - 2}: barriers.physical: unknown field "weight"; remove or rename it`);
    expect(messages).toHaveLength(3);
  });

  it('names a missing field and where its parent is', () => {
    const text = exampleWith('  union:\n    score: 0\n    rationale: Technology sector, at-will employment.\n', '');
    const parsed = parseAssessmentYaml(text, 'bad.yaml');
    if (parsed.ok) throw new Error('expected a problem');
    expect(parsed.problems.map(formatFileProblem)).toEqual([`bad.yaml:${lineOf(text, 'barriers:')}: barriers.union: missing; expected a mapping`]);
  });

  it('refuses duplicate task names', () => {
    const text = exampleWith('  - name: Build multimodal data pipelines and dataset curation', '  - name: Design cross-modal fusion architectures for novel use cases');
    const parsed = parseAssessmentYaml(text, 'bad.yaml');
    if (parsed.ok) throw new Error('expected a problem');
    expect(parsed.problems[0]?.path).toBe('tasks[3].name');
    expect(parsed.problems[0]?.message).toContain('is already the name of tasks[0]');
  });

  it('allows an impact that differs from the score’s default but shows it as a notice', () => {
    const text = exampleWith('    share: 20\n    score: 2\n', '    share: 20\n    score: 2\n    impact: not_involved\n');
    const parsed = parseAssessmentYaml(text, 'ok.yaml');
    if (!parsed.ok) throw new Error(parsed.problems.map(formatFileProblem).join('\n'));
    expect(parsed.notices.map(formatFileProblem)).toEqual([
      `ok.yaml:${lineOf(text, 'impact: not_involved')}: notice: tasks[0].impact: impact not_involved differs from the default for score 2 (augmentation); allowed, and shown on the page`,
    ]);
  });

  it('requires a justification for an override', () => {
    const parsed = parseAssessmentYaml(exampleWith('override: null', 'override:\n  score: 58.0'), 'bad.yaml');
    if (parsed.ok) throw new Error('expected a problem');
    expect(parsed.problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual(['override.justification: missing; expected a string']);
  });

  it('checks that linked roles exist when a catalog is given', () => {
    const known = new Set(['ml-ai-engineer', 'computer-vision-engineer', 'nlp-engineer', 'ai-agent-builder', 'ai-agent-architect']);
    const parsed = parseAssessmentYaml(exampleText, 'mid-level.yaml', { knownRoleSlugs: known });
    if (parsed.ok) throw new Error('expected a problem');
    expect(parsed.problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'role.notThisRole[3].slug: found "deep-learning-engineer"; expected the slug of a role in the catalog',
    ]);
  });

  it('reports broken YAML with its line', () => {
    const parsed = parseAssessmentYaml('status: expert\nrole: [unclosed\n', 'broken.yaml');
    if (parsed.ok) throw new Error('expected a problem');
    expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(2);
    expect(parsed.problems[0]?.message).toMatch(/^not valid YAML: /);
  });

  it('reports duplicate keys instead of silently keeping one', () => {
    const parsed = parseAssessmentYaml(exampleWith('status: expert\n', 'status: expert\nstatus: baseline\n'), 'dup.yaml');
    if (parsed.ok) throw new Error('expected a problem');
    expect(parsed.problems[0]).toMatchObject({ line: lineOf(exampleText, 'status: expert') + 1 });
    expect(parsed.problems[0]?.message).toContain('unique');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), (text) => {
        expect(() => parseAssessmentYaml(text, 'random.yaml')).not.toThrow();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: exampleText.length }), fc.integer({ min: 1, max: 200 }), (start, length) => {
        const damaged = exampleText.slice(0, start) + exampleText.slice(start + length);
        expect(() => parseAssessmentYaml(damaged, 'damaged.yaml')).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('writing an assessment file', () => {
  it('load → save → load gives the same assessment, and saving again the same bytes', () => {
    const first = parseAssessmentYaml(exampleText, 'a.yaml');
    if (!first.ok) throw new Error('example must be valid');
    const saved = stringifyAssessmentYaml(first.assessment, { schemaPath: '../../../schema/assessment.schema.json' });
    const second = parseAssessmentYaml(saved, 'b.yaml');
    if (!second.ok) throw new Error(second.problems.map(formatFileProblem).join('\n'));
    expect(second.assessment).toEqual(first.assessment);
    expect(stringifyAssessmentYaml(second.assessment, { schemaPath: '../../../schema/assessment.schema.json' })).toBe(saved);
    expect(saved.startsWith('# yaml-language-server: $schema=../../../schema/assessment.schema.json\n')).toBe(true);
  });
});

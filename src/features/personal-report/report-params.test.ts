import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unchangedInputs, type PersonalInputs } from './personal-inputs.ts';
import { MAX_LIST_ITEMS, MAX_REPORTED_PROBLEMS, parseReportParams, serializeReportParams } from './report-params.ts';
import { CONTEXT_KEYS } from './report-source.ts';

const parse = (query: string) => parseReportParams(new URLSearchParams(query));

describe('the report URL', () => {
  it('reads the compact form', () => {
    const parsed = parse('role=multimodal-ai-engineer/mid-level&level=senior&drop=4,2&add=15-1221.00:3&t=1:30,2:15.5,a1:10&ctx=union,licensed&design=10');
    expect(parsed.problems).toEqual([]);
    expect(parsed.inputs).toEqual({
      role: { slug: 'multimodal-ai-engineer', seniority: 'mid-level' },
      level: 'senior',
      drop: [2, 4],
      add: [{ onetCode: '15-1221.00', task: 3 }],
      shares: { '1': 30, '2': 15.5, a1: 10 },
      context: ['licensed', 'union'],
      design: 10,
    } satisfies PersonalInputs);
  });

  it('reads what the plain HTML form submits, and a "+" that arrived as a space', () => {
    const parsed = parse('role=multimodal-ai-engineer%2Fmid-level&s1=30&s2=15&drop=4&drop=2&ctx=union&ctx=licensed&add=&add=15-1221.00:3&design=+10&level=');
    expect(parsed.problems).toEqual([]);
    expect(parsed.inputs).toMatchObject({ drop: [2, 4], shares: { '1': 30, '2': 15 }, context: ['licensed', 'union'], add: [{ onetCode: '15-1221.00', task: 3 }], design: 10, level: null });
  });

  it('with only the role gives the role unchanged, and notices a missing seniority', () => {
    expect(parse('role=registered-nurses/all-levels')).toEqual({ inputs: unchangedInputs('registered-nurses', 'all-levels'), problems: [], seniorityMissing: false });
    expect(parse('role=registered-nurses').seniorityMissing).toBe(true);
    expect(parse('q=nurse').inputs).toBeNull();
  });

  it('writes the inputs back in the compact form, which reads back the same', () => {
    const inputs: PersonalInputs = { ...unchangedInputs('multimodal-ai-engineer', 'mid-level'), drop: [2], add: [{ onetCode: '15-1221.00', task: 3 }], shares: { a1: 12, '10': 5, '1': 20.25 }, context: ['union'], design: -5 };
    const query = serializeReportParams(inputs);
    expect(query).toBe('role=multimodal-ai-engineer/mid-level&drop=2&add=15-1221.00:3&t=1:20.25,10:5,a1:12&ctx=union&design=-5');
    expect(parse(query).inputs).toEqual(inputs);
  });

  it('round-trips any inputs', () => {
    const inputs = fc.record({
      level: fc.option(fc.constantFrom('junior', 'senior', 'lead'), { nil: null }),
      drop: fc.uniqueArray(fc.integer({ min: 1, max: 40 })).map((numbers) => numbers.sort((a, b) => a - b)),
      add: fc.array(fc.record({ onetCode: fc.constantFrom('15-1221.00', '29-1141.00'), task: fc.integer({ min: 1, max: 30 }) }), { maxLength: 5 }),
      shares: fc.dictionary(fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), fc.integer({ min: 1, max: 5 }).map((n) => `a${n}`)), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100)),
      context: fc.subarray([...CONTEXT_KEYS]),
      design: fc.integer({ min: -50, max: 50 }),
    });
    fc.assert(
      fc.property(inputs, (changes) => {
        const original: PersonalInputs = { ...unchangedInputs('registered-nurses', 'all-levels'), ...changes };
        expect(parse(serializeReportParams(original))).toEqual({ inputs: original, problems: [], seniorityMissing: false });
      }),
    );
  });

  it('reads a bounded number of items and problems from a long address, and says what was cut', () => {
    const parsed = parse(`role=registered-nurses/all-levels&t=${Array.from({ length: 3_000 }, () => '0').join(',')}`);
    expect(parsed.problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(parsed.problems.at(-1)?.message).toBe(`${MAX_LIST_ITEMS + 1 - MAX_REPORTED_PROBLEMS} more problems in the address are not shown; fix the ones above first.`);
    const shares = parse(`role=registered-nurses/all-levels&${Array.from({ length: 100 }, (_, index) => `s${index + 1}=1`).join('&')}`);
    expect(Object.keys(shares.inputs?.shares ?? {})).toHaveLength(MAX_LIST_ITEMS);
    expect(shares.problems.map((problem) => problem.message)).toEqual([`Only the first ${MAX_LIST_ITEMS} task shares were read; no role has more tasks than that.`]);
  });

  it('gives a clear message for each bad value', () => {
    const { problems } = parse('role=multimodal-ai-engineer/mid-level&t=1:abc,x:5&drop=zero&add=nurse&ctx=remote&design=ten&s3=');
    expect(problems.map((problem) => problem.message)).toEqual([
      '"zero" is not a task number to remove; use the task\'s number, like drop=3.',
      '"nurse" is not a task to add; write it as the occupation\'s code and the task\'s number, like add=15-1221.00:3.',
      'The time on task 1 must be a number of percent, like 25; "abc" is not.',
      '"x:5" is not a task share; write each as task:percent, like t=1:25,2:15.',
      'Give a share of time for task 3 (0 if you do not do it).',
      '"remote" is not a workplace context; use licensed, union, physical, liability.',
      'The design shift is a whole number of points, like design=10 or design=-10; "ten" is not.',
    ]);
    expect(parse('role=Not A Role').problems[0]?.message).toMatch(/is not a role; write it as role=<role>\/<seniority>/);
  });
});

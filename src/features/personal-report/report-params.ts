import { unchangedInputs, type AddedTaskRef, type InputProblem, type PersonalInputs } from './personal-inputs.ts';
import { COARSE_CHOICES, isCoarseChoice } from './coarse-time.ts';
import { CONTEXT_KEYS, type ContextKey } from './report-source.ts';

/**
 * The report's URL: every input in the query string, compact and readable, e.g.
 * `role=multimodal-ai-engineer/mid-level&drop=4&add=15-1221.00:3&c=1:often,2:never&t=1:30,2:15&ctx=licensed,union&design=10`.
 * The parser also reads what the plain HTML form submits (`s1=30&s2=15`, `c1=often`, repeated `drop`, `ctx`
 * and `add` fields), so the form works without JavaScript; the page then redirects to the compact form.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TASK_ID = /^(?:[1-9]\d{0,2}|a[1-9]\d?)$/;
const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export interface ParsedParams {
  /** Null when the query names no role (the page then shows a role search). */
  inputs: PersonalInputs | null;
  problems: InputProblem[];
  /** The role parameter had no seniority ("role=registered-nurses"). */
  seniorityMissing: boolean;
}

/** At most this many items are read from one list parameter (drop, add, t, ctx) or as s<task> fields; no role has more tasks. */
export const MAX_LIST_ITEMS = 60;
/** At most this many problems are reported for one address; the rest are counted in one last line. */
export const MAX_REPORTED_PROBLEMS = 10;

function listOf(params: URLSearchParams, name: string, problems: InputProblem[]): string[] {
  const items = params
    .getAll(name)
    .slice(0, MAX_LIST_ITEMS)
    .flatMap((value) => value.split(',', MAX_LIST_ITEMS + 1))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (items.length > MAX_LIST_ITEMS) problems.push({ field: name, message: `Only the first ${MAX_LIST_ITEMS} items of ${name}= were read; no role has more tasks than that.` });
  return items.slice(0, MAX_LIST_ITEMS);
}

// Every problem is a line on the page: a long address of bad items must not make a long page.
function capProblems(problems: InputProblem[]): InputProblem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  const hidden = problems.length - MAX_REPORTED_PROBLEMS;
  return [...problems.slice(0, MAX_REPORTED_PROBLEMS), { field: 'query', message: `${hidden} more problem${hidden === 1 ? '' : 's'} in the address are not shown; fix the ones above first.` }];
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : null;
}

/** Parses the report's query string into the person's inputs, collecting a clear problem for each bad value. */
export function parseReportParams(params: URLSearchParams): ParsedParams {
  const problems: InputProblem[] = [];
  const roleParam = (params.get('role') ?? '').trim();
  if (roleParam === '') return { inputs: null, problems, seniorityMissing: false };
  const [slug = '', seniority = '', ...rest] = roleParam.split('/');
  if (!SLUG.test(slug) || (seniority !== '' && !SLUG.test(seniority)) || rest.length > 0) {
    return { inputs: null, problems: [{ field: 'role', message: `"${roleParam}" is not a role; write it as role=<role>/<seniority>, like role=registered-nurses/all-levels.` }], seniorityMissing: false };
  }
  const inputs = unchangedInputs(slug, seniority);

  const level = (params.get('level') ?? '').trim();
  if (level !== '') {
    if (SLUG.test(level)) inputs.level = level;
    else problems.push({ field: 'level', message: `"${level}" is not a seniority level.` });
  }

  for (const item of listOf(params, 'drop', problems)) {
    const number = /^\d+$/.test(item) ? Number(item) : NaN;
    if (Number.isInteger(number) && number >= 1) {
      if (!inputs.drop.includes(number)) inputs.drop.push(number);
    } else problems.push({ field: 'drop', message: `"${item}" is not a task number to remove; use the task's number, like drop=3.` });
  }
  inputs.drop.sort((a, b) => a - b);

  for (const item of listOf(params, 'add', problems)) {
    const [code = '', task = ''] = item.split(':');
    if (ONET_CODE.test(code) && /^[1-9]\d*$/.test(task)) inputs.add.push({ onetCode: code, task: Number(task) } satisfies AddedTaskRef);
    else problems.push({ field: 'add', message: `"${item}" is not a task to add; write it as the occupation's code and the task's number, like add=15-1221.00:3.` });
  }

  const setShare = (id: string, text: string, field: string) => {
    const share = parseNumber(text);
    if (share === null) problems.push({ field, message: `The time on task ${id} must be a number of percent, like 25; "${text}" is not.` });
    else inputs.shares[id] = share;
  };
  for (const item of listOf(params, 't', problems)) {
    const [id = '', share = '', ...extra] = item.split(':');
    if (!TASK_ID.test(id) || extra.length > 0) problems.push({ field: 'shares', message: `"${item}" is not a task share; write each as task:percent, like t=1:25,2:15.` });
    else setShare(id, share, `s${id}`);
  }
  let shareFields = 0;
  for (const [name, value] of params) {
    const id = /^s(.+)$/.exec(name)?.[1];
    if (id === undefined || !TASK_ID.test(id)) continue;
    if (++shareFields > MAX_LIST_ITEMS) {
      problems.push({ field: 'shares', message: `Only the first ${MAX_LIST_ITEMS} task shares were read; no role has more tasks than that.` });
      break;
    }
    if (value.trim() === '') problems.push({ field: name, message: `Give a share of time for task ${id} (0 if you do not do it).` });
    else setShare(id, value, name);
  }

  const coarse: NonNullable<PersonalInputs['coarse']> = {};
  const setCoarse = (id: string, text: string, field: string) => {
    const choice = text.trim().toLowerCase();
    if (isCoarseChoice(choice)) coarse[id] = choice;
    else problems.push({ field, message: `How often you do task ${id} must be one of ${COARSE_CHOICES.join(', ')}; "${text}" is not.` });
  };
  for (const item of listOf(params, 'c', problems)) {
    const [id = '', choice = '', ...extra] = item.split(':');
    if (!TASK_ID.test(id) || extra.length > 0) problems.push({ field: 'shares', message: `"${item}" is not a time choice; write each as task:choice, like c=1:often,2:never.` });
    else setCoarse(id, choice, `c${id}`);
  }
  let coarseFields = 0;
  for (const [name, value] of params) {
    const id = /^c(.+)$/.exec(name)?.[1];
    if (id === undefined || !TASK_ID.test(id) || value.trim() === '') continue;
    if (++coarseFields > MAX_LIST_ITEMS) {
      problems.push({ field: 'shares', message: `Only the first ${MAX_LIST_ITEMS} time choices were read; no role has more tasks than that.` });
      break;
    }
    setCoarse(id, value, name);
  }
  if (Object.keys(coarse).length > 0) inputs.coarse = coarse;

  for (const item of listOf(params, 'ctx', problems)) {
    if ((CONTEXT_KEYS as readonly string[]).includes(item)) {
      if (!inputs.context.includes(item as ContextKey)) inputs.context.push(item as ContextKey);
    } else problems.push({ field: 'ctx', message: `"${item}" is not a workplace context; use ${CONTEXT_KEYS.join(', ')}.` });
  }
  inputs.context.sort((a, b) => CONTEXT_KEYS.indexOf(a) - CONTEXT_KEYS.indexOf(b));

  const design = (params.get('design') ?? '').trim();
  if (design !== '') {
    const value = parseNumber(design);
    if (value === null || !Number.isInteger(value)) problems.push({ field: 'design', message: `The design shift is a whole number of points, like design=10 or design=-10; "${design}" is not.` });
    else inputs.design = value;
  }
  return { inputs, problems: capProblems(problems), seniorityMissing: seniority === '' };
}

const shareIdOrder = (id: string) => (id.startsWith('a') ? 1000 + Number(id.slice(1)) : Number(id));

/** Writes the inputs as the report's compact query string (without "?"); parsing it gives the same inputs back. */
export function serializeReportParams(inputs: PersonalInputs): string {
  const parts = [`role=${inputs.role.slug}/${inputs.role.seniority}`];
  if (inputs.level !== null) parts.push(`level=${inputs.level}`);
  if (inputs.drop.length > 0) parts.push(`drop=${inputs.drop.join(',')}`);
  if (inputs.add.length > 0) parts.push(`add=${inputs.add.map((ref) => `${ref.onetCode}:${ref.task}`).join(',')}`);
  const coarse = Object.entries(inputs.coarse ?? {}).sort(([a], [b]) => shareIdOrder(a) - shareIdOrder(b));
  if (coarse.length > 0) parts.push(`c=${coarse.map(([id, choice]) => `${id}:${choice}`).join(',')}`);
  const shares = Object.entries(inputs.shares).sort(([a], [b]) => shareIdOrder(a) - shareIdOrder(b));
  if (shares.length > 0) parts.push(`t=${shares.map(([id, share]) => `${id}:${share}`).join(',')}`);
  if (inputs.context.length > 0) parts.push(`ctx=${inputs.context.join(',')}`);
  if (inputs.design !== 0) parts.push(`design=${inputs.design}`);
  return parts.join('&');
}

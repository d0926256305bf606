/// <reference lib="dom" />
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { addRelatedTask, clearExactShares, setCoarseChoice, setTaskShare } from '../../features/personal-report/personal-edits.ts';
import { isCoarseChoice } from '../../features/personal-report/coarse-time.ts';
import type { InputProblem, PersonalInputs } from '../../features/personal-report/personal-inputs.ts';
import { parseReportParams, serializeReportParams } from '../../features/personal-report/report-params.ts';
import { CONTEXT_KEYS, type ContextKey, type RelatedOccupation, type ReportSource } from '../../features/personal-report/report-source.ts';
import { createAddOptionsCache } from '../../presentation/personal-report/add-options-cache.ts';
import { addOptionsHtml, serverRelatedOf, serverViewOf } from '../../presentation/personal-report/island-source.ts';
import { buildReportView } from '../../presentation/personal-report/report-view.ts';
import { PersonalReportForm, type FormHandlers } from './PersonalReportForm.tsx';
import { PersonalReportResult } from './PersonalReportResult.tsx';
import { PersonalReportScoreBar, PersonalReportSummary } from './PersonalReportScore.tsx';
import type { ReportNarrative } from '../../features/personal-report/report-source-builder.ts';
import { rendersWithPreact } from '../lib/preact-island.ts';

interface Props {
  /** The role's source; its related occupations only those the inputs add from (see islandSourceOf). */
  source: ReportSource;
  /** The role's shared file of every related occupation's tasks (ADR 0174). */
  relatedHref: string;
  initial: PersonalInputs;
  initialProblems: InputProblem[];
  narrative: ReportNarrative;
}

/** The personal report form and result; server-rendered as a plain GET form, recomputed live in the browser with the same engine. */
export default function PersonalReport({ source: given, relatedHref, initial, initialProblems, narrative }: Props) {
  const [inputs, setInputs] = useState(initial);
  const [parseProblems, setParseProblems] = useState(initialProblems);
  // On the server the whole list is at hand; in the browser it is fetched once the reader starts editing.
  const [related, setRelated] = useState<RelatedOccupation[] | null>(() => serverRelatedOf(given));
  const source = useMemo(() => (related ? { ...given, related } : given), [given, related]);
  const view = useMemo(() => {
    const initialView = serverViewOf(given);
    return initialView && related === serverRelatedOf(given) && inputs === initial && parseProblems === initialProblems ? initialView : buildReportView(source, inputs, parseProblems);
  }, [source, inputs, parseProblems]);
  const edited = useRef(false);
  const latest = useRef({ source, inputs });
  latest.current = { source, inputs };
  const loading = useRef<Promise<boolean> | null>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    if (edited.current && view.problems.length === 0) history.replaceState(null, '', view.reportHref);
  }, [view]);

  const loadRelated = (): Promise<boolean> => {
    loading.current ??= fetchRelated(relatedHref).then(
      (list) => {
        latest.current = { ...latest.current, source: { ...given, related: list } };
        setRelated(list);
        return true;
      },
      () => false,
    );
    return loading.current;
  };

  // Every edit waits for the related tasks, so the add-a-task list is recomputed with the inputs; without them it keeps the server's list.
  const edit = (change: (source: ReportSource, inputs: PersonalInputs) => PersonalInputs | null) => {
    const apply = () => {
      const next = change(latest.current.source, latest.current.inputs);
      if (next === null) return;
      edited.current = true;
      setParseProblems([]);
      setInputs(next);
    };
    if (related) apply();
    else void loadRelated().then(apply);
  };

  const handlers: FormHandlers = {
    share: (id, value) => {
      const percent = Number(value);
      if (value.trim() === '' || !Number.isFinite(percent)) return;
      edit((source, inputs) => {
        const next = setTaskShare(source, inputs, id, percent);
        return next === inputs ? { ...inputs, shares: { ...inputs.shares, [id]: percent } } : next;
      });
    },
    coarse: (id, value) => edit((source, inputs) => setCoarseChoice(source, inputs, id, isCoarseChoice(value) ? value : null)),
    exactOff: () => edit((source, inputs) => clearExactShares(source, inputs)),
    context: (key: ContextKey, checked: boolean) =>
      edit((_source, inputs) => ({ ...inputs, context: CONTEXT_KEYS.filter((other) => (other === key ? checked : inputs.context.includes(other))) })),
    design: (value) => edit((_source, inputs) => ({ ...inputs, design: Math.round(Number(value)) || 0 })),
    add: (value) => {
      const [onetCode = '', task = ''] = value.split(':');
      if (!onetCode || !task) return;
      const ref = { onetCode, task: Number(task) };
      void loadRelated().then((loaded) => {
        // Without the list the browser cannot place the task: the server does it, as without JavaScript.
        if (!loaded) location.assign(`/report?${serializeReportParams({ ...latest.current.inputs, add: [...latest.current.inputs.add, ref] })}`);
        else edit((source, inputs) => addRelatedTask(source, inputs, ref));
      });
    },
    follow: (href) => {
      const parsed = parseReportParams(new URL(href, location.href).searchParams);
      if (!parsed.inputs) return false;
      const next = parsed.inputs;
      edit(() => next);
      return true;
    },
  };

  return (
    <div class="personal-report" data-hydrated={hydrated ? 'true' : undefined} onFocusIn={() => void loadRelated()} onPointerDown={() => void loadRelated()}>
      <div class="pr-side">
        <PersonalReportScoreBar view={view} />
        <PersonalReportSummary view={view} />
      </div>
      <PersonalReportForm view={view} handlers={handlers} addOptions={related ? addOptionsOf(relatedHref, view.addGroups, inputs.add.length === 0) : ''} />
      <PersonalReportResult view={view} narrative={narrative} onFollow={handlers.follow} />
    </div>
  );
}

// With no task added the options are every task of the role's related-tasks file, so they are the same for every such report (ADR 0179).
const addOptionsCache = createAddOptionsCache();
const addOptionsOf = (relatedHref: string, groups: Parameters<typeof addOptionsHtml>[0], addsNone: boolean) =>
  addsNone ? addOptionsCache.htmlFor(relatedHref, () => addOptionsHtml(groups)) : addOptionsHtml(groups);

async function fetchRelated(href: string): Promise<RelatedOccupation[]> {
  const response = await fetch(href, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${href} answered ${response.status}`);
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new Error(`${href} is not a list of occupations`);
  return body as RelatedOccupation[];
}

rendersWithPreact(PersonalReport);

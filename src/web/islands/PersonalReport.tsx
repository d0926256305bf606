/// <reference lib="dom" />
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { addRelatedTask, clearExactShares, setCoarseChoice, setTaskShare } from '../../features/personal-report/personal-edits.ts';
import { isCoarseChoice } from '../../features/personal-report/coarse-time.ts';
import type { InputProblem, PersonalInputs } from '../../features/personal-report/personal-inputs.ts';
import { parseReportParams } from '../../features/personal-report/report-params.ts';
import { CONTEXT_KEYS, type ContextKey, type ReportSource } from '../../features/personal-report/report-source.ts';
import { buildReportView } from '../../presentation/personal-report/report-view.ts';
import { PersonalReportForm, type FormHandlers } from './PersonalReportForm.tsx';
import { PersonalReportResult } from './PersonalReportResult.tsx';
import { PersonalReportScoreBar, PersonalReportSummary } from './PersonalReportScore.tsx';
import type { ReportNarrative } from '../../features/personal-report/report-source-builder.ts';
import { rendersWithPreact } from '../lib/preact-island.ts';

interface Props {
  source: ReportSource;
  initial: PersonalInputs;
  initialProblems: InputProblem[];
  narrative: ReportNarrative;
}

/** The personal report form and result; server-rendered as a plain GET form, recomputed live in the browser with the same engine. */
export default function PersonalReport({ source, initial, initialProblems, narrative }: Props) {
  const [inputs, setInputs] = useState(initial);
  const [parseProblems, setParseProblems] = useState(initialProblems);
  const view = useMemo(() => buildReportView(source, inputs, parseProblems), [source, inputs, parseProblems]);
  const edited = useRef(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    if (edited.current && view.problems.length === 0) history.replaceState(null, '', view.reportHref);
  }, [view]);

  const update = (next: PersonalInputs) => {
    edited.current = true;
    setParseProblems([]);
    setInputs(next);
  };

  const handlers: FormHandlers = {
    share: (id, value) => {
      const percent = Number(value);
      if (value.trim() === '' || !Number.isFinite(percent)) return;
      const next = setTaskShare(source, inputs, id, percent);
      update(next === inputs ? { ...inputs, shares: { ...inputs.shares, [id]: percent } } : next);
    },
    coarse: (id, value) => update(setCoarseChoice(source, inputs, id, isCoarseChoice(value) ? value : null)),
    exactOff: () => update(clearExactShares(source, inputs)),
    context: (key: ContextKey, checked: boolean) => {
      const context = CONTEXT_KEYS.filter((other) => (other === key ? checked : inputs.context.includes(other)));
      update({ ...inputs, context });
    },
    design: (value) => update({ ...inputs, design: Math.round(Number(value)) || 0 }),
    add: (value) => {
      const [onetCode = '', task = ''] = value.split(':');
      if (onetCode && task) update(addRelatedTask(source, inputs, { onetCode, task: Number(task) }));
    },
    follow: (href) => {
      const parsed = parseReportParams(new URL(href, location.href).searchParams);
      if (!parsed.inputs) return false;
      update(parsed.inputs);
      return true;
    },
  };

  return (
    <div class="personal-report" data-hydrated={hydrated ? 'true' : undefined}>
      <div class="pr-side">
        <PersonalReportScoreBar view={view} />
        <PersonalReportSummary view={view} />
      </div>
      <PersonalReportForm view={view} handlers={handlers} />
      <PersonalReportResult view={view} narrative={narrative} onFollow={handlers.follow} />
    </div>
  );
}

rendersWithPreact(PersonalReport);

/// <reference lib="dom" />
import { useEffect, useRef, useState } from 'preact/hooks';
import { applyDraftForm, scoreDraft, type LiveScore } from '../../features/studio/draft-form.ts';
import { rendersWithPreact } from '../lib/preact-island.ts';

interface Props {
  draftId: number;
  version: number;
  document: Record<string, unknown>;
  initial: LiveScore;
  formId: string;
  /** The session's CSRF token; the studio refuses the autosave POST without it. */
  csrfToken: string;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string; version: number } | { kind: 'conflict'; message: string } | { kind: 'failed'; message: string };

const AUTOSAVE_DELAY_MS = 1_500;

function formEntries(form: HTMLFormElement): [string, string][] {
  return [...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

function showProblems(form: HTMLFormElement, live: LiveScore): void {
  const byField = new Map<string, string>();
  for (const problem of live.problems) if (!byField.has(problem.field)) byField.set(problem.field, problem.message);
  for (const span of form.querySelectorAll<HTMLElement>('[data-problem-for]')) {
    const message = byField.get(span.dataset.problemFor ?? '') ?? '';
    if (span.textContent !== message) span.textContent = message;
    const control = form.querySelector<HTMLElement>(`[aria-describedby="${span.id}"]`);
    if (message) control?.setAttribute('aria-invalid', 'true');
    else control?.removeAttribute('aria-invalid');
  }
}

const signed = (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(1)}`);

/** The draft's score, zone, band and what moves it, recomputed on every keystroke with the methodology engine; saves the draft a moment after typing stops. */
export default function DraftLive({ draftId, version, document, initial, formId, csrfToken }: Props) {
  const [live, setLive] = useState(initial);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const versionRef = useRef(version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false);
  const [fieldNames, setFieldNames] = useState<ReadonlySet<string>>(new Set(initial.problems.map((problem) => problem.field)));

  useEffect(() => {
    const form = globalThis.document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return undefined;
    setFieldNames(new Set([...form.querySelectorAll<HTMLElement>('[data-problem-for]')].map((span) => span.dataset.problemFor ?? '')));
    const current = () => {
      const entries = formEntries(form);
      return { entries, next: applyDraftForm(document, entries) };
    };
    const autosave = async () => {
      if (blocked.current) return;
      const { entries, next } = current();
      setSave({ kind: 'saving' });
      try {
        const response = await fetch(`/studio/drafts/${draftId}/save`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ version: versionRef.current, document: next, note: entries.find(([name]) => name === 'note')?.[1] ?? '', isCorrection: entries.some(([name]) => name === 'isCorrection') }),
        });
        const answer = (await response.json().catch(() => ({}))) as { version?: number; error?: { message?: string } };
        if (response.ok && typeof answer.version === 'number') {
          versionRef.current = answer.version;
          const hidden = form.querySelector<HTMLInputElement>('input[name="version"]');
          if (hidden) hidden.value = String(answer.version);
          setSave({ kind: 'saved', at: new Date().toLocaleTimeString(), version: answer.version });
        } else if (response.status === 409) {
          blocked.current = true;
          setSave({ kind: 'conflict', message: answer.error?.message ?? 'Someone else saved this draft; reload it to see their changes.' });
        } else {
          setSave({ kind: 'failed', message: answer.error?.message ?? `Saving failed (${response.status}); your changes are still in the form.` });
        }
      } catch {
        setSave({ kind: 'failed', message: 'Saving failed: the server could not be reached; your changes are still in the form.' });
      }
    };
    const onInput = () => {
      const scored = scoreDraft(current().next);
      setLive(scored);
      showProblems(form, scored);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void autosave(), AUTOSAVE_DELAY_MS);
    };
    form.addEventListener('input', onInput);
    form.addEventListener('change', onInput);
    return () => {
      form.removeEventListener('input', onInput);
      form.removeEventListener('change', onInput);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [draftId, document, formId, csrfToken]);

  return (
    <div>
      <h2>Live score</h2>
      {live.score === null ? (
        <p data-testid="live-score">No score yet: fix the fields marked in the form ({live.problems.length} to fix).</p>
      ) : (
        <>
          <p class="figure" data-testid="live-score">{live.score.toFixed(1)}</p>
          <p data-testid="live-label">{live.label}</p>
          <p class="small">Zone {live.zone} · {live.subLabel}</p>
          {live.band && <p class="small">Band {live.band.low.toFixed(1)}–{live.band.high.toFixed(1)}{live.band.zoneStable ? ', zone stable' : ', zone could change'}</p>}
        </>
      )}
      <p class="small">Task shares add up to {live.shareTotal}%{live.shareTotal === 100 ? '' : ' (they must make 100)'}.</p>
      {live.problems.length > 0 && <p class="small">{live.problems.length} field(s) to fix before the draft can be submitted.</p>}
      {live.problems.filter((problem) => !fieldNames.has(problem.field)).slice(0, 5).map((problem) => (
        <p class="small studio-problem-general" data-testid="general-problem">{problem.path}: {problem.message}</p>
      ))}
      {live.movers.length > 0 && (
        <>
          <h3>What moves this score</h3>
          <ul class="small">
            {live.movers.map((mover) => (
              <li>{mover.label}: one step up {signed(mover.up)}, down {signed(mover.down)}</li>
            ))}
          </ul>
        </>
      )}
      <p class="small" role="status" data-testid="save-state">
        {save.kind === 'saving' && 'Saving…'}
        {save.kind === 'saved' && `Saved at ${save.at} (version ${save.version}).`}
        {save.kind === 'failed' && save.message}
      </p>
      {save.kind === 'conflict' && <p role="alert" class="studio-notice studio-notice--error">{save.message} Autosave is paused so nothing is overwritten.</p>}
    </div>
  );
}

rendersWithPreact(DraftLive);

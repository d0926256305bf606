/// <reference lib="dom" />
import { useState } from 'preact/hooks';
import type { ContextKey } from '../../features/personal-report/report-source.ts';
import type { ReportView, TaskRowView } from '../../presentation/personal-report/report-view.ts';

export interface FormHandlers {
  share: (id: string, value: string) => void;
  coarse: (id: string, value: string) => void;
  /** Leaves exact percentages and goes back to the coarse choices. */
  exactOff: () => void;
  context: (key: ContextKey, checked: boolean) => void;
  design: (value: string) => void;
  add: (value: string) => void;
  /** Applies a report link in place; false when the link is not a report. */
  follow: (href: string) => boolean;
}

const ANCHORS: Record<string, string> = { shares: 'pr-tasks', drop: 'pr-tasks', add: 'pr-add-select', ctx: 'pr-context', design: 'design', level: 'pr-level', role: 'pr-form' };

/** Returns the id of the form control a problem belongs to, so the message can link to it. */
export function anchorOf(field: string): string {
  return ANCHORS[field] ?? field;
}

function followLink(handlers: FormHandlers) {
  return (event: MouseEvent) => {
    const href = (event.currentTarget as HTMLAnchorElement).getAttribute('href');
    if (href && handlers.follow(href)) event.preventDefault();
  };
}

function hiddenPairs(query: string): [string, string][] {
  return [...new URLSearchParams(query)].filter(([name]) => name !== 'add');
}

const coarseValue = (view: ReportView) =>
  view.rows
    .filter((row) => row.coarse !== '')
    .map((row) => `${row.id}:${row.coarse}`)
    .join(',');

const KIND_WORDS: Record<string, string> = { safe: 'AI is unlikely to take this over', shared: 'AI does a large part of this', atRisk: 'AI can already do much of this' };
const kindOf = (score: number) => (score <= 2 ? 'safe' : score >= 4 ? 'atRisk' : 'shared');

interface TaskRowProps {
  row: TaskRowView;
  view: ReportView;
  handlers: FormHandlers;
  onFollow: (event: MouseEvent) => void;
}

/** One task: how often the person does it (or its exact percentage), with remove and restore links. */
function TaskRow({ row, view, handlers, onFollow }: TaskRowProps) {
  const nameId = `${row.field}-name`;
  return (
    <li class={`pr-task${row.dropped ? ' pr-dropped' : ''}`}>
      <div class="pr-task__text">
        <span class="pr-task__name" id={nameId}>
          {row.dropped ? <s>{row.name}</s> : row.name}
        </span>
        <span class="pr-task__meta small muted">
          {row.label} · {KIND_WORDS[kindOf(row.score)]} (AI score {row.score} of 5){row.origin && ` · from ${row.origin}`}
          {!row.dropped && ` · now ${row.shareRounded} of your week`}
        </span>
        {row.removeHref && (
          <a class="small pr-task__action" href={row.removeHref} onClick={onFollow} aria-label={`Remove ${row.label}: ${row.name}`}>
            Remove
          </a>
        )}
        {row.restoreHref && (
          <a class="small pr-task__action" href={row.restoreHref} onClick={onFollow} aria-label={`Restore ${row.label}: ${row.name}`}>
            Restore
          </a>
        )}
        {row.problem && (
          <span class="pr-field-problem" id={`${row.field}-problem`}>
            {row.problem}
          </span>
        )}
      </div>
      {row.dropped ? (
        <span class="small muted">removed</span>
      ) : (
        <div class="pr-task__inputs">
          <select
            id={`c${row.id}`}
            name={`c${row.id}`}
            class="pr-coarse"
            value={row.coarse}
            disabled={view.exactMode}
            aria-labelledby={`${row.field}-how ${nameId}`}
            onChange={(event) => handlers.coarse(row.id, (event.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">Typical ({row.typicalShare})</option>
            {view.coarseOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <span id={`${row.field}-how`} hidden>
            How often:
          </span>
          <span class="pr-share pr-exact-only">
            <input
              id={row.field}
              name={row.field}
              form={view.exactMode ? undefined : 'pr-exact-form'}
              type="number"
              inputMode="decimal"
              min="0"
              max="100"
              step="any"
              value={row.share}
              aria-label={`Your time on ${row.label}, in percent`}
              aria-invalid={row.problem ? 'true' : undefined}
              aria-describedby={row.problem ? `${row.field}-problem` : undefined}
              onInput={(event) => handlers.share(row.id, (event.currentTarget as HTMLInputElement).value)}
            />
            <span aria-hidden="true">%</span>
          </span>
        </div>
      )}
    </li>
  );
}

/** The inputs: a plain GET form that works without JavaScript; with it, every change recomputes at once. */
/**
 * `addOptions` is the add-a-task list's markup, or '' while the browser has not fetched the related
 * tasks: an unchanged inner HTML is left as it is, so the server's options stay (ADR 0174).
 */
export function PersonalReportForm({ view, handlers, addOptions }: { view: ReportView; handlers: FormHandlers; addOptions: string }) {
  const onFollow = followLink(handlers);
  const [exactWanted, setExactWanted] = useState(view.exactMode);
  const designText =
    view.design.value === 0
      ? 'No change: your time as split above.'
      : `${Math.abs(view.design.value)} points of time moved toward ${view.design.value > 0 ? 'designing new solutions' : 'applying existing tools'}.`;
  const onExactToggle = (checked: boolean) => {
    setExactWanted(checked);
    if (!checked && view.exactMode) handlers.exactOff();
  };
  const exactOpen = exactWanted || view.exactMode;
  return (
    <div class="pr-inputs">
      <form id="pr-form" class="pr-form" method="get" action="/report" onSubmit={(event) => event.preventDefault()} aria-labelledby="pr-form-title">
        <h2 id="pr-form-title">Describe your work</h2>
        {view.problems.length > 0 && (
          <div class="pr-problems" role="alert" aria-labelledby="pr-problems-title">
            <h3 id="pr-problems-title">Check {view.problems.length === 1 ? 'this input' : 'these inputs'}</h3>
            <ul>
              {view.problems.map((problem) => (
                <li key={problem.field + problem.message}>
                  <a href={`#${anchorOf(problem.field)}`}>{problem.message}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <input type="hidden" name="role" value={view.hidden.role} />
        {view.hidden.level && <input type="hidden" name="level" value={view.hidden.level} />}
        {view.hidden.drop.map((number) => (
          <input key={`drop-${number}`} type="hidden" name="drop" value={number} />
        ))}
        {view.hidden.add.map((ref) => (
          <input key={`add-${ref}`} type="hidden" name="add" value={ref} />
        ))}

        <fieldset id="pr-level" class="pr-fieldset">
          <legend>Seniority</legend>
          {view.levels.length > 1 ? (
            <ul class="pr-levels">
              {view.levels.map((level) => (
                <li key={level.seniority}>
                  {level.current ? (
                    <strong aria-current="true">{level.label}</strong>
                  ) : (
                    <a href={level.href} onClick={onFollow}>
                      {level.label}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="small muted">
              {view.title} is assessed at {view.seniorityLabel} only{view.status === 'baseline' ? ' (a baseline covers all levels)' : ''}.
            </p>
          )}
        </fieldset>

        <fieldset id="pr-tasks" class="pr-fieldset pr-tasks">
          <legend>How often do you do each task?</legend>
          <p class="small muted">
            Pick how often each task fills your week; “Typical” keeps the role’s usual share. The choices become shares of your week that add up to 100%: Never counts as 0, Sometimes as 5,
            Often as 15 and Most of my day as 40, and then all tasks are scaled to fit.
          </p>
          {view.exactMode && <input type="hidden" name="c" value={coarseValue(view)} />}
          <p class="pr-exact-toggle">
            <input type="checkbox" id="pr-exact" checked={exactOpen} onChange={(event) => onExactToggle((event.currentTarget as HTMLInputElement).checked)} />
            <label for="pr-exact">Set exact percentages</label>
          </p>
          <ul class="pr-task-list">
            {view.rows.slice(0, view.visibleRows).map((row) => (
              <TaskRow key={row.id} row={row} view={view} handlers={handlers} onFollow={onFollow} />
            ))}
          </ul>
          {view.rows.length > view.visibleRows && (
            <details class="pr-more" open={view.moreOpen || undefined}>
              <summary>More tasks ({view.rows.length - view.visibleRows})</summary>
              <ul class="pr-task-list">
                {view.rows.slice(view.visibleRows).map((row) => (
                  <TaskRow key={row.id} row={row} view={view} handlers={handlers} onFollow={onFollow} />
                ))}
              </ul>
            </details>
          )}
          <p class="pr-exact-only pr-total">
            Total: <span class={`figure ${view.totalOk ? '' : 'pr-total-off'}`}>{view.totalShare}%{view.totalOk ? '' : ' (must be 100%)'}</span>
            {view.exactMode ? (
              <a href={view.clearExactHref} onClick={onFollow}>
                Back to the simple choices
              </a>
            ) : (
              <button type="submit" form="pr-exact-form">
                Use these percentages
              </button>
            )}
          </p>
        </fieldset>

        <fieldset class="pr-fieldset">
          <legend>Designing new solutions or applying existing tools?</legend>
          <p class="small muted">
            The assessments name this the deciding factor. Tasks AI at most assists with count as designing; tasks AI does a large part of count as applying. Slide to move time between them.
          </p>
          {view.design.enabled ? (
            <div class="pr-design">
              <label for="design">Move time between the two kinds of work</label>
              <input
                id="design"
                name="design"
                type="range"
                min={-view.design.limit}
                max={view.design.limit}
                step="1"
                value={view.design.value}
                aria-valuetext={designText}
                aria-describedby="design-text"
                onInput={(event) => handlers.design((event.currentTarget as HTMLInputElement).value)}
              />
              <div class="pr-design__ends" aria-hidden="true">
                <span>More applying existing tools</span>
                <span class="pr-design__centre">no change</span>
                <span>More designing new solutions</span>
              </div>
              <output id="design-text" for="design" class="small">
                {designText}
              </output>
            </div>
          ) : (
            <p class="small">Your tasks are all of one kind, so there is no time to shift.</p>
          )}
        </fieldset>

        <fieldset id="pr-context" class="pr-fieldset">
          <legend>Your workplace</legend>
          {view.context.map((factor) => (
            <div class="pr-check" key={factor.key}>
              <input
                type="checkbox"
                id={`ctx-${factor.key}`}
                name="ctx"
                value={factor.key}
                checked={factor.checked}
                aria-describedby={`ctx-${factor.key}-detail`}
                onChange={(event) => handlers.context(factor.key, (event.currentTarget as HTMLInputElement).checked)}
              />
              <label for={`ctx-${factor.key}`}>{factor.label}</label>
              <span class="small muted" id={`ctx-${factor.key}-detail`}>
                {factor.detail}
              </span>
            </div>
          ))}
        </fieldset>
        <p class="pr-actions">
          <button type="submit">Update my score</button> <a href={view.resetHref} onClick={onFollow}>Start again from the role’s score</a>
        </p>
      </form>

      {!view.exactMode && (
        <form id="pr-exact-form" method="get" action="/report" onSubmit={(event) => event.preventDefault()} aria-label="Exact percentages">
          {hiddenPairs(view.query)
            .filter(([name]) => name !== 't')
            .map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
          {view.hidden.add.map((ref) => (
            <input key={`add-${ref}`} type="hidden" name="add" value={ref} />
          ))}
        </form>
      )}

      <form class="pr-add" method="get" action="/report" onSubmit={(event) => event.preventDefault()} aria-labelledby="pr-add-title">
        <h3 id="pr-add-title">Add a task from a related occupation</h3>
        {hiddenPairs(view.query).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {view.hidden.add.map((ref) => (
          <input key={`add-${ref}`} type="hidden" name="add" value={ref} />
        ))}
        {view.canAdd ? (
          <>
            <label for="pr-add-select" class="small">
              Tasks listed by O*NET for occupations related to {view.title}, with their AI score. An added task starts at 10% of your time.
            </label>
            <div class="pr-add-row">
              <select
                id="pr-add-select"
                name="add"
                onChange={(event) => handlers.add((event.currentTarget as HTMLSelectElement).value)}
                dangerouslySetInnerHTML={{ __html: addOptions }}
              />
              <button type="submit">Add task</button>
            </div>
          </>
        ) : (
          <p class="small">You have added the most tasks the report takes (5). Remove one to add another.</p>
        )}
      </form>
    </div>
  );
}

/// <reference lib="dom" />
import type { ContextKey } from '../../features/personal-report/report-source.ts';
import type { ReportView } from '../../presentation/personal-report/report-view.ts';

export interface FormHandlers {
  share: (id: string, value: string) => void;
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

/** The inputs: a plain GET form that works without JavaScript; with it, every change recomputes at once. */
export function PersonalReportForm({ view, handlers }: { view: ReportView; handlers: FormHandlers }) {
  const onFollow = followLink(handlers);
  const designText =
    view.design.value === 0
      ? 'No shift: the time split as above.'
      : `${Math.abs(view.design.value)} points of time moved toward ${view.design.value > 0 ? 'designing new solutions' : 'applying existing tools'}.`;
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

        <fieldset id="pr-tasks" class="pr-fieldset">
          <legend>Your time across tasks</legend>
          <p class="small muted">
            Give each task the share of your working time it takes; the shares add up to 100%. With JavaScript on, the other tasks adjust in proportion as you change one.
            The AI score runs from 1 (AI not involved) to 5 (fully automatable).
          </p>
          <div class="table-wrap">
            <table class="pr-task-table">
              <caption class="visually-hidden">Your share of time on each task</caption>
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col" class="num">AI score</th>
                  <th scope="col" class="num">Your time</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row) => (
                  <tr key={row.id} class={row.dropped ? 'pr-dropped' : undefined}>
                    <th scope="row" class="pr-task-name">
                      <span class="pr-task-label">{row.label}</span> {row.dropped ? <s>{row.name}</s> : row.name}
                      {row.origin && <span class="small muted"> — from {row.origin}</span>}
                      {(row.removeHref || row.restoreHref) && (
                        <span class="pr-task-action">
                          {row.removeHref && (
                            <a class="small" href={row.removeHref} onClick={onFollow} aria-label={`Remove ${row.label}: ${row.name}`}>
                              Remove
                            </a>
                          )}
                          {row.restoreHref && (
                            <a class="small" href={row.restoreHref} onClick={onFollow} aria-label={`Restore ${row.label}: ${row.name}`}>
                              Restore
                            </a>
                          )}
                        </span>
                      )}
                      {row.problem && (
                        <span class="pr-field-problem" id={`${row.field}-problem`}>
                          {row.problem}
                        </span>
                      )}
                    </th>
                    <td class="num figure">{row.score}</td>
                    <td class="num">
                      {row.dropped ? (
                        <span class="small muted">removed</span>
                      ) : (
                        <span class="pr-share">
                          <input
                            id={row.field}
                            name={row.field}
                            type="number"
                            inputMode="decimal"
                            min="0"
                            max="100"
                            step="any"
                            value={row.share}
                            aria-label={`Your time on ${row.label}, in percent`}
                            aria-invalid={row.problem ? 'true' : undefined}
                            aria-describedby={row.problem ? `${row.field}-problem` : undefined}
                            onChange={(event) => handlers.share(row.id, (event.currentTarget as HTMLInputElement).value)}
                          />
                          <span aria-hidden="true">%</span>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td />
                  <td class={`num figure ${view.totalOk ? '' : 'pr-total-off'}`}>
                    {view.totalShare}%{view.totalOk ? '' : ' (must be 100%)'}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </fieldset>

        <fieldset class="pr-fieldset">
          <legend>Designing new solutions or applying existing tools?</legend>
          <p class="small muted">
            The assessments name this the deciding factor. Tasks AI at most assists with (score 1–2) count as designing; tasks AI does a large part of (3–5) as applying. Move time between
            them; each side changes in proportion.
          </p>
          {view.design.enabled ? (
            <div class="pr-design">
              <label for="design">Shift (points)</label>
              <span class="small muted" aria-hidden="true">
                applying
              </span>
              <input
                id="design"
                name="design"
                type="range"
                min={view.design.min}
                max={view.design.max}
                step="1"
                value={view.design.value}
                aria-valuetext={designText}
                aria-describedby="design-text"
                onInput={(event) => handlers.design((event.currentTarget as HTMLInputElement).value)}
              />
              <span class="small muted" aria-hidden="true">
                designing
              </span>
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
              <select id="pr-add-select" name="add" onChange={(event) => handlers.add((event.currentTarget as HTMLSelectElement).value)}>
                <option value="">Choose a task…</option>
                {view.addGroups.map((group) => (
                  <optgroup key={group.occupation} label={group.occupation}>
                    {group.options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
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

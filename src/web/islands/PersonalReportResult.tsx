/// <reference lib="dom" />
import type { ReportNarrative } from '../../features/personal-report/report-source-builder.ts';
import type { ReportView } from '../../presentation/personal-report/report-view.ts';

interface Props {
  view: ReportView;
  narrative: ReportNarrative;
  onFollow: (href: string) => boolean;
}

/** The full explanation: what moved the score, the best changes, the band, the role's strategy and the caveats. */
export function PersonalReportResult({ view, narrative, onFollow }: Props) {
  const result = view.result;
  const follow = (event: MouseEvent) => {
    const href = (event.currentTarget as HTMLAnchorElement).getAttribute('href');
    if (href && onFollow(href)) event.preventDefault();
  };
  return (
    <div class="pr-details">
      {result && (
        <>
          <section aria-labelledby="pr-moved-title">
            <h2 id="pr-moved-title">What moved your score</h2>
            {result.attribution.length === 0 ? (
              <p>You have made no changes yet, so this is the role’s own score. Change your time split, tasks, seniority or workplace above.</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <caption>
                    From the role’s {result.roleScore} to your {result.score}, one change at a time
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Your change</th>
                      <th scope="col" class="num">Effect</th>
                      <th scope="col" class="num">Score after</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.attribution.map((step) => (
                      <tr key={step.label}>
                        <th scope="row">
                          {step.label}
                          <span class="small muted pr-detail">{step.detail}</span>
                        </th>
                        <td class="num figure">{step.delta}</td>
                        <td class="num figure">{step.scoreAfter}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p class="small muted">
              Method: your changes are applied one at a time in a fixed order — seniority, removed tasks, added tasks, time split, design shift, then each workplace fact — and each line is the
              change in score at that step, so the lines add up to the whole difference.
            </p>
          </section>

          <section aria-labelledby="pr-moves-title">
            <h2 id="pr-moves-title">What you could do</h2>
            <ul class="pr-advice">
              {result.advice.map((line) => (
                <li key={line.text}>
                  {line.text}
                  {line.href && (
                    <>
                      {' '}
                      <a class="no-print" href={line.href} onClick={follow}>
                        Try this
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <p class="small muted">Found by trying every move of half a day a week (or all of a smaller task) from one of your tasks to another.</p>
          </section>

          <section aria-labelledby="pr-band-title">
            <h2 id="pr-band-title">How sure is this?</h2>
            <p>{result.band.sentence}</p>
          </section>

          <section aria-labelledby="pr-tasks-title">
            <h2 id="pr-tasks-title">Your tasks as scored</h2>
            <div class="table-wrap">
              <table>
                <caption>Your time on each task after all changes, largest first, with its AI score (1 = AI not involved, 5 = fully automatable)</caption>
                <thead>
                  <tr>
                    <th scope="col">Task</th>
                    <th scope="col" class="num">Your time</th>
                    <th scope="col" class="num">AI score</th>
                  </tr>
                </thead>
                <tbody>
                  {result.tasks.map((task) => (
                    <tr key={task.name}>
                      <th scope="row">{task.name}</th>
                      <td class="num figure">{task.share}</td>
                      <td class="num figure">{task.score}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}

      <section aria-labelledby="pr-strategy-title">
        <h2 id="pr-strategy-title">Survival strategy</h2>
        {narrative.survivalStrategy.length > 0 ? (
          <ul>
            {narrative.survivalStrategy.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : (
          <p>The role’s assessment has no written survival strategy yet (it is a data-derived baseline). The changes above are the method’s own suggestions for your task mix.</p>
        )}
        {narrative.timeline && (
          <>
            <h3>Timeline</h3>
            <p>{narrative.timeline}</p>
          </>
        )}
      </section>

      <section aria-labelledby="pr-caveats-title">
        <h2 id="pr-caveats-title">Caveats</h2>
        <ul>
          {view.caveats.map((caveat) => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

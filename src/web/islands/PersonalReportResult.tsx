/// <reference lib="dom" />
import type { ReportNarrative } from '../../features/personal-report/report-source-builder.ts';
import type { ReportView } from '../../presentation/personal-report/report-view.ts';

interface Props {
  view: ReportView;
  narrative: ReportNarrative;
  onFollow: (href: string) => boolean;
}

const zoneClass = (zone: string) => `zone zone--${zone.toLowerCase()}`;

/** The personal score at a glance: figure, zone word, change from the role and the PDF link. */
export function PersonalReportSummary({ view }: { view: ReportView }) {
  const result = view.result;
  return (
    <section class="pr-summary" aria-labelledby="pr-summary-title">
      <h2 id="pr-summary-title">Your score</h2>
      <div aria-live="polite" aria-atomic="true">
        {result ? (
          <>
            <p class="pr-score">
              <span class="pr-score__figure figure" data-personal-score={result.score}>
                {result.score}
              </span>
              <span class={zoneClass(result.zone)}>
                {result.headline} · {result.label}
              </span>
            </p>
            <p class="pr-delta">
              <strong class="figure">{result.delta}</strong> {result.deltaSentence}
            </p>
            <p class="small">
              Band <span class="figure">{result.band.low}–{result.band.high}</span>
              {result.band.zoneStable ? ', zone holds.' : ', crosses a zone boundary.'}
            </p>
          </>
        ) : (
          <p>Your score appears here once the inputs are fixed.</p>
        )}
      </div>
      {result && (
        <p class="pr-links no-print">
          <a class="button" href={view.pdfHref} download>
            Download PDF
          </a>
          <a href={view.reportHref}>Link to this report</a>
        </p>
      )}
      <p class="small muted">Nothing you enter is stored or sent anywhere; the report lives in its web address.</p>
    </section>
  );
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
            <h2 id="pr-moves-title">Three changes that would raise your score most</h2>
            {result.suggestions.length === 0 ? (
              <p>No single move of time between your tasks raises the score: your tasks all carry the same AI score.</p>
            ) : (
              <ol class="pr-moves">
                {result.suggestions.map((move) => (
                  <li key={move.href}>
                    {move.text}: score <span class="figure">{move.score}</span> (<span class="figure">{move.gain}</span>).{' '}
                    <a class="no-print" href={move.href} onClick={follow}>
                      Try this
                    </a>
                  </li>
                ))}
              </ol>
            )}
            <p class="small muted">Found by trying every move of 10 points of time (or all of a smaller task) from one of your tasks to another, and keeping the three best from different tasks.</p>
          </section>

          <section aria-labelledby="pr-band-title">
            <h2 id="pr-band-title">How sure is this?</h2>
            <p>{result.band.sentence}</p>
          </section>

          <section aria-labelledby="pr-tasks-title">
            <h2 id="pr-tasks-title">Your tasks as scored</h2>
            <div class="table-wrap">
              <table>
                <caption>Your time on each task after all changes, with its AI score (1 = AI not involved, 5 = fully automatable)</caption>
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
                      <td class="num figure">{task.share}%</td>
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

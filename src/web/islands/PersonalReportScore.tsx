/// <reference lib="dom" />
import type { ScoreScaleGeometry } from '../../presentation/chart-geometry.ts';
import type { ReportView } from '../../presentation/personal-report/report-view.ts';

const pct = (value: number) => `${value}%`;
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

/** The 0–100 scale with the zones, the range around the score and the score's marker. */
function ScoreRange({ scale }: { scale: ScoreScaleGeometry }) {
  return (
    <svg class="pr-range" width="100%" height="26" role="img" aria-label={scale.ariaLabel}>
      {scale.zones.map((zone) => (
        <rect key={zone.zone} class={`pr-range__zone pr-range__zone--${zone.zone.toLowerCase()}`} x={pct(zone.from)} y="6" width={pct(zone.to - zone.from)} height="14" />
      ))}
      {scale.band && <rect class="pr-range__band" x={pct(scale.band.from)} y="3" width={pct(Math.max(0.6, scale.band.to - scale.band.from))} height="20" />}
      <line class="pr-range__marker" x1={pct(scale.marker.x)} x2={pct(scale.marker.x)} y1="0" y2="26" />
    </svg>
  );
}

/** The score that stays in view while the person edits: figure, zone, range and change from the role. */
export function PersonalReportScoreBar({ view }: { view: ReportView }) {
  const result = view.result;
  return (
    <section class="pr-scorebar" aria-labelledby="pr-score-title">
      <h2 id="pr-score-title" class="visually-hidden">
        Your score
      </h2>
      <div aria-live="polite" aria-atomic="true">
        {result ? (
          <>
            <p class="pr-scorebar__line">
              <span class="pr-scorebar__label" aria-hidden="true">
                Your score
              </span>
              <span class="pr-score__figure figure" data-personal-score={result.score}>
                {result.score}
              </span>
              <span class={result.band.zoneStable ? `zone zone--${result.zone.toLowerCase()}` : 'zone pr-borderline'}>{result.verdict}</span>
              <span class="pr-scorebar__delta small">
                <strong class="figure">{result.delta}</strong> vs the role’s <span class="figure">{result.roleScore}</span>
              </span>
            </p>
            <ScoreRange scale={result.scale} />
            <p class="pr-scorebar__range small">
              Likely range <span class="figure">{result.band.low}–{result.band.high}</span> of 0–100{result.band.zoneStable ? '' : ', crossing a zone boundary'}
            </p>
            <p class="pr-scorebar__plain small">{result.plainLine}</p>
          </>
        ) : (
          <p class="pr-scorebar__line">Your score appears here once the inputs are fixed.</p>
        )}
      </div>
    </section>
  );
}

/** What the score means, what to do about it and where to take it: below the bar on a phone, beside the form on a wide screen. */
export function PersonalReportSummary({ view }: { view: ReportView }) {
  const result = view.result;
  return (
    <section class="pr-summary" aria-labelledby="pr-summary-title">
      <h2 id="pr-summary-title">What it means</h2>
      {result && (
        <>
          <p>
            {!result.band.zoneStable && 'Your likely range crosses a zone boundary, so take the zone loosely. '}
            <strong>{result.zone}</strong> means {lowerFirst(result.zoneMeaning)}
          </p>
          <p class="small">{result.deltaSentence}</p>
          <p class="pr-links no-print">
            <a class="button" href={view.pdfHref} download>
              Download PDF
            </a>
            <a href={view.reportHref}>Link to this report</a>
          </p>
        </>
      )}
      <p class="small muted">Nothing you enter is stored or sent anywhere; the report lives in its web address.</p>
    </section>
  );
}

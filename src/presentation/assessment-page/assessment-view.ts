import { zoneOf } from '../../methodology/index.ts';
import type { AssessmentPageInput } from '../../features/assessment-page/assessment-page-input.ts';
import type { AssessmentPageView } from './assessment-view.types.ts';
import { buildComposite, buildPeers, buildProvenance, buildSubLabel } from './calculation-view.ts';
import { buildCommentary } from './commentary-view.ts';
import { buildComposition, buildGlance } from './composition-view.ts';
import { buildDefinition } from './definition-view.ts';
import { buildEvidence, buildSources } from './evidence-view.ts';
import { buildHeaderViews, buildHeadline } from './header-view.ts';
import { buildJudgements, buildQuickScreen } from './judgement-view.ts';
import { buildKeyFacts, buildOccupationViews } from './occupation-view.ts';
import { sensitivityRows } from './sensitivity-view.ts';
import { buildSummary } from './summary-view.ts';
import { buildTaskViews } from './task-view.ts';

export type * from './assessment-view.types.ts';
export { assessmentPath, roleLinkOf } from './role-link.ts';

const SENSITIVITY_SHOWN = 8;

/** Assembles the assessment page from data gathered beforehand; no section builder queries anything. */
export function buildAssessmentPageView(input: AssessmentPageInput): AssessmentPageView {
  const { entry, methodology } = input;
  const { explanation, rows: sensitivity, protective } = sensitivityRows(entry.assessment, zoneOf(entry.figures.formulaScore, methodology), methodology);
  const band = explanation.band;
  const headline = buildHeadline(input, band);
  const occupation = buildOccupationViews(input);
  const provenance = buildProvenance(input);
  return {
    ...buildHeaderViews(input, band, headline),
    headline,
    summary: buildSummary(input, headline, provenance.reportHref),
    keyFacts: buildKeyFacts(occupation, band),
    glance: buildGlance(input),
    composition: buildComposition(input),
    definition: buildDefinition(input),
    ...buildJudgements(input),
    quickScreen: buildQuickScreen(input),
    ...buildTaskViews(input),
    evidence: buildEvidence(input),
    composite: buildComposite(input),
    subLabel: buildSubLabel(input),
    override: buildPeers(input),
    sensitivity: {
      top: sensitivity.slice(0, SENSITIVITY_SHOWN),
      rest: sensitivity.slice(SENSITIVITY_SHOWN),
      protective,
      intro: 'Each judgement moved one step up and one step down, all else unchanged; the largest effects first.',
    },
    ...occupation,
    commentary: buildCommentary(entry.assessment),
    ...buildSources(entry.assessment),
    ...provenance,
  };
}

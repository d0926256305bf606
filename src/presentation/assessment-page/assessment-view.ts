import { buildExpertBaselineView } from './expert-baseline-view.ts';
import {
  methodologyOf,
  type Assessment,
  type Provenance,
  type Zone,
  zoneOf,
} from '../../methodology/index.ts';
import { seniorityLabel as seniorityLabelOf } from '../seniority-labels.ts';
import { categorySlug, type AssessmentEntry, type ReadModel } from '../../features/read-model/read-model.ts';
import { findAssessment, peersOf } from '../../features/read-model/read-model.queries.ts';
import { buildRangeBar, buildScoreScale, buildSplitBar, buildPercentileStrip } from '../chart-geometry.ts';
import { formatDate, formatScore, formatSigned, isoDate } from '../format.ts';
import { buildTaskTableRows } from '../task-table.ts';
import { markdownToPlainText, renderInlineMarkdown, renderMarkdown } from '../markdown.ts';
import type { AssessmentPageView, JudgementRow, NotThisRoleView, ProvenanceTag, QuotedPeerView, RoleLink, TaskRow, ZoneClass, EvidenceRow } from './assessment-view.types.ts';
import { factRows, indexRows } from './occupation-view.ts';
import { sensitivityRows } from './sensitivity-view.ts';

export type * from './assessment-view.types.ts';


const ZONE_WORD_SUMMARY: Record<Zone, string> = {
  Green: 'This role is protected from AI displacement. The assessment below explains why — and what is still changing.',
  Yellow: 'This role is exposed: AI is reshaping a large part of the work. The assessment below shows which parts, and how much.',
  Red: 'This role is at risk: much of the work can be done by AI. The assessment below shows where, and what is left.',
};

const GROWTH_MEANING: Record<number, string> = {
  [-2]: 'AI adoption strongly shrinks demand',
  [-1]: 'AI adoption shrinks demand',
  0: 'AI adoption is neutral for demand',
  1: 'AI adoption adds some demand',
  2: 'AI adoption strongly boosts demand',
};

const PROVENANCE_BASIS: Record<Provenance['basis'], string> = { data: 'from data', default: 'neutral default', assessor: 'assessor' };

const GLANCE_DESCRIPTIONS = {
  taskResistance: 'How resistant the daily tasks are to AI: 5.0 fully human, 1.0 fully automatable.',
  evidence: 'Market signals: job postings, company actions, wages, tool maturity, expert consensus.',
  barriers: 'Structural barriers: licensing, physical presence, unions, liability, culture.',
  protective: 'Human-only factors: physical presence, deep interpersonal connection, moral judgement.',
  growth: 'Does AI adoption create more demand for this role? +2 strong boost, 0 neutral, negative shrinking.',
};

const BASELINE_PREFIX = /^Data-derived baseline, not reviewed\.\s*/;
const zoneClassOf = (zone: Zone): ZoneClass => zone.toLowerCase() as ZoneClass;
const symbols = (rule: string) => rule.replace(/>=/g, '≥').replace(/<=/g, '≤');
const fixed = (value: number, places: number) => value.toFixed(places);
const minusSign = (text: string) => text.replace(/^-/, '−');

/** Returns the path of an assessment page. */
export function assessmentPath(roleSlug: string, seniority: string): string {
  return `/roles/${roleSlug}/${seniority}`;
}

/** Describes an assessment as a link with its current score and zone. */
export function roleLinkOf(entry: AssessmentEntry): RoleLink {
  return {
    title: entry.title,
    seniorityLabel: seniorityLabelOf(entry.seniority),
    href: assessmentPath(entry.roleSlug, entry.seniority),
    scoreText: formatScore(entry.figures.score),
    zone: entry.figures.zone,
    zoneClass: zoneClassOf(entry.figures.zone),
    label: entry.figures.label,
    word: entry.figures.headline,
    isBaseline: entry.status === 'baseline',
  };
}

function provenanceTag(provenance: Provenance | undefined): ProvenanceTag | null {
  if (!provenance) return null;
  return {
    basis: provenance.basis,
    short: `${PROVENANCE_BASIS[provenance.basis]} · ${provenance.confidence}`,
    source: provenance.source,
    detail: provenance.detail ?? null,
    confidence: provenance.confidence,
  };
}

function judgementRows<K extends string>(
  dimensions: readonly { key: K; label: string; description: string }[],
  values: Record<K, { score: number; rationale: string; provenance?: Provenance | undefined }>,
  max: number,
): JudgementRow[] {
  return dimensions.map(({ key, label, description }) => ({
    key,
    label,
    description,
    score: values[key].score,
    scoreText: String(values[key].score),
    max,
    rationaleHtml: renderInlineMarkdown(values[key].rationale),
    provenance: provenanceTag(values[key].provenance),
  }));
}

function sourcesOf(assessment: Assessment): { sources: AssessmentPageView['sources']; sourcesFromEvidence: boolean } {
  const own = assessment.sources.map((source) => ({ title: source.title, url: source.url ?? null }));
  if (own.length > 0) return { sources: own, sourcesFromEvidence: false };
  const seen = new Set<string>();
  const named = Object.values(assessment.evidence)
    .flatMap((item) => item.sources)
    .filter((source) => !seen.has(source.title) && seen.add(source.title))
    .map((source) => ({ title: source.title, url: source.url ?? null }));
  return { sources: named, sourcesFromEvidence: named.length > 0 };
}

function keyFactsOf(onet: AssessmentPageView['onet'], labour: AssessmentPageView['labour'], band: { low: number; high: number; zoneStable: boolean }): AssessmentPageView['keyFacts'] {
  const facts: AssessmentPageView['keyFacts'] = [
    { label: 'Uncertainty band', value: `${formatScore(band.low)}–${formatScore(band.high)}`, note: band.zoneStable ? 'zone holds' : 'zone can change' },
  ];
  const pick = (label: string, shown: string) => {
    const row = labour?.rows.find((item) => item.label === label);
    if (row) facts.push({ label: shown, value: row.value, note: row.source });
  };
  pick('Median annual wage, May 2024', 'Median wage (US)');
  pick('Employment, 2024', 'Employed (US, 2024)');
  pick('Projected change, 2024–34', 'Projected change to 2034');
  if (onet) facts.push({ label: 'O*NET occupation', value: onet.code, note: onet.title });
  return facts;
}

function countProvenance(assessment: Assessment) {
  const counts = { data: 0, default: 0, assessor: 0 };
  const inputs = [
    ...assessment.tasks,
    ...Object.values(assessment.protective),
    assessment.growth,
    ...Object.values(assessment.evidence),
    ...Object.values(assessment.barriers),
  ];
  for (const input of inputs) if (input.provenance) counts[input.provenance.basis] += 1;
  return { provenanceCounts: counts, inputs: inputs.length };
}

function buildCommentary(assessment: Assessment): AssessmentPageView['commentary'] {
  const { commentary } = assessment;
  const view = {
    scoreVsRealityHtml: renderMarkdown(commentary.scoreVsReality),
    whatTheNumbersMiss: commentary.whatTheNumbersMiss.map((item) => ({ title: item.title, html: renderInlineMarkdown(item.text) })),
    whoShouldWorryHtml: renderMarkdown(commentary.whoShouldWorry),
    roleInFuture: commentary.roleInFuture ? { year: commentary.roleInFuture.year ?? null, html: renderMarkdown(commentary.roleInFuture.text) } : null,
    survivalStrategy: commentary.survivalStrategy.map((item) => renderInlineMarkdown(item)),
    timelineHtml: renderMarkdown(commentary.timeline),
  };
  const empty = !view.scoreVsRealityHtml && view.whatTheNumbersMiss.length === 0 && !view.whoShouldWorryHtml && !view.roleInFuture && view.survivalStrategy.length === 0 && !view.timelineHtml;
  return empty ? null : view;
}

function buildDescription(headlineText: string, title: string, seniorityLabel: string, verdict: string | undefined): string {
  const plain = markdownToPlainText(verdict).replace(BASELINE_PREFIX, '');
  const text = `${title} (${seniorityLabel}): ${headlineText}. ${plain}`.trim();
  if (text.length <= 300) return text;
  const cut = text.slice(0, 297);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** Builds everything the assessment page of one role at one seniority shows, from the read model. */
export function buildAssessmentPageView(model: ReadModel, entry: AssessmentEntry): AssessmentPageView {
  const { assessment, figures } = entry;
  const { role } = assessment;
  const methodology = methodologyOf(figures.methodologyVersion);
  const isBaseline = entry.status === 'baseline';
  const seniorityLabel = seniorityLabelOf(entry.seniority);
  const zoneClass = zoneClassOf(figures.zone);
  const scoreText = formatScore(figures.score);
  const headlineText = `${figures.zone.toUpperCase()} (${figures.subLabel}) · ${figures.headline} · ${scoreText}/100`;
  const path = assessmentPath(entry.roleSlug, entry.seniority);
  const roleEntry = model.roles.get(entry.roleSlug);
  const { totals, modifiers, composition } = figures;

  const seniorities = (roleEntry?.seniorities ?? [entry.seniority]).flatMap((slug) => {
    const other = model.assessments.get(`${entry.roleSlug}/${slug}`);
    if (!other) return [];
    return [{ slug, label: seniorityLabelOf(slug), href: assessmentPath(entry.roleSlug, slug), current: slug === entry.seniority, scoreText: formatScore(other.figures.score), zone: other.figures.zone, zoneClass: zoneClassOf(other.figures.zone) }];
  });

  const { explanation, rows: sensitivity, protective: protectiveSensitivity } = sensitivityRows(assessment, zoneOf(figures.formulaScore, methodology), methodology);
  const band = explanation.band;
  const bandSentence = band.zoneStable
    ? `If any one judgement were one step different, the score would lie between ${formatScore(band.low)} and ${formatScore(band.high)}. The zone holds: every single-step change stays ${figures.zone}.`
    : `If any one judgement were one step different, the score would lie between ${formatScore(band.low)} and ${formatScore(band.high)}. The zone does not hold: at least one single-step change moves the role out of ${figures.zone}.`;

  const glanceRanges = {
    taskResistance: { min: 1, max: 5 },
    evidence: { min: methodology.ranges.evidence.min * 5, max: methodology.ranges.evidence.max * 5 },
    barriers: { min: methodology.ranges.barrier.min * 5, max: methodology.ranges.barrier.max * 5 },
    protective: { min: methodology.ranges.protective.min * 3, max: methodology.ranges.protective.max * 3 },
    growth: methodology.ranges.growth,
  };
  const glance = [
    { key: 'taskResistance', label: 'Task resistance', value: figures.taskResistance, valueText: fixed(figures.taskResistance, 2), range: glanceRanges.taskResistance },
    { key: 'evidence', label: 'Evidence', value: totals.evidence, valueText: formatSigned(totals.evidence), range: glanceRanges.evidence },
    { key: 'barriers', label: 'Barriers to AI', value: totals.barriers, valueText: String(totals.barriers), range: glanceRanges.barriers },
    { key: 'protective', label: 'Protective principles', value: totals.protective, valueText: String(totals.protective), range: glanceRanges.protective },
    { key: 'growth', label: 'AI growth correlation', value: totals.growth, valueText: formatSigned(totals.growth), range: glanceRanges.growth },
  ].map((item) => ({
    key: item.key,
    label: item.label,
    description: GLANCE_DESCRIPTIONS[item.key as keyof typeof GLANCE_DESCRIPTIONS],
    valueText: item.valueText,
    rangeText: `${minusSign(String(item.range.min))} to ${item.range.min < 0 ? '+' : ''}${item.range.max}`,
    bar: buildRangeBar(item.value, item.range.min, item.range.max),
  }));

  const weights = methodology.composition;
  const compositionRows = [
    { key: 'taskResistance', label: 'Task resistance', weight: weights.taskResistance.weight, value: composition.taskResistance, min: 0 },
    { key: 'evidence', label: 'Evidence', weight: weights.evidence.weight, value: composition.evidence, min: -weights.evidence.weight },
    { key: 'barriers', label: 'Barriers', weight: weights.barriers.weight, value: composition.barriers, min: 0 },
    { key: 'protective', label: 'Protective', weight: weights.protective.weight, value: composition.protective, min: 0 },
    { key: 'growth', label: 'AI growth', weight: weights.growth.weight, value: composition.growth, min: -weights.growth.weight },
  ].map((row) => ({ key: row.key, label: row.label, weightText: `${row.weight}%`, valueText: minusSign(fixed(row.value, 1)), bar: buildRangeBar(row.value, row.min, row.weight) }));
  const compositionSum = Math.round((composition.taskResistance + composition.evidence + composition.barriers + composition.protective + composition.growth) * 10) / 10;

  const notThisRole: NotThisRoleView[] = role.notThisRole.map((related) => {
    const found = related.slug ? findAssessment(model, related.slug) : null;
    return {
      title: related.title,
      reasonHtml: renderInlineMarkdown(related.reason),
      current: found ? roleLinkOf(found.entry) : null,
      quotedScoreText: related.publishedScore === undefined ? null : formatScore(related.publishedScore),
      searchHref: `/search?q=${encodeURIComponent(related.title)}`,
    };
  });

  const definitionRows = [
    { label: 'Job title', html: renderInlineMarkdown(role.title) },
    { label: 'Seniority level', html: renderInlineMarkdown(seniorityLabel) },
    ...(role.aliases.length > 0 ? [{ label: 'Also known as', html: renderInlineMarkdown(role.aliases.join(', ')) }] : []),
    ...(role.primaryFunction ? [{ label: 'Primary function', html: renderMarkdown(role.primaryFunction) }] : []),
    ...(role.typicalExperience ? [{ label: 'Typical experience', html: renderMarkdown(role.typicalExperience) }] : []),
  ];

  const protectiveRows = judgementRows(methodology.protective, assessment.protective, methodology.ranges.protective.max);
  const growthRow: JudgementRow & { meaning: string } = {
    key: 'growth',
    label: methodology.growthLabel,
    description: GLANCE_DESCRIPTIONS.growth,
    score: totals.growth,
    scoreText: formatSigned(totals.growth),
    max: methodology.ranges.growth.max,
    rationaleHtml: renderInlineMarkdown(assessment.growth.rationale),
    provenance: provenanceTag(assessment.growth.provenance),
    meaning: GROWTH_MEANING[totals.growth] ?? '',
  };

  const quick = figures.quickScreen;
  const quickSentence = quick.agrees
    ? `The full score agrees: ${figures.label}.`
    : `The full score puts the role in ${figures.label}, so the quick screen disagrees; the assessment is flagged for a second look.`;

  const taskRows: TaskRow[] = buildTaskTableRows(figures.tasks, methodology).map((row, index) => {
    const source = assessment.tasks[index];
    return {
      ...row,
      scoreMeaning: methodology.taskScoreMeaning[row.score] ?? '',
      rationaleHtml: renderInlineMarkdown(source?.rationale),
      provenance: provenanceTag(source?.provenance),
    };
  });
  const shareTotal = assessment.tasks.reduce((sum, task) => sum + Math.round(task.share * 100), 0) / 100;

  const split = buildSplitBar(figures.split);
  const evidenceRange = { min: methodology.ranges.evidence.min * methodology.evidence.length, max: methodology.ranges.evidence.max * methodology.evidence.length };
  const evidenceRows: EvidenceRow[] = methodology.evidence.map(({ key, label, description }) => {
    const item = assessment.evidence[key];
    return {
      key,
      label,
      description,
      score: item.score,
      scoreText: formatSigned(item.score),
      bar: buildRangeBar(item.score, methodology.ranges.evidence.min, methodology.ranges.evidence.max),
      textHtml: renderMarkdown(item.text),
      sources: item.sources.map((source) => ({ title: source.title, url: source.url ?? null })),
      provenance: provenanceTag(item.provenance),
    };
  });

  const zones = methodology.zones;
  const composite = {
    inputs: [
      { label: 'Task Resistance Score', value: `${fixed(figures.taskResistance, 2)}/5.0` },
      { label: 'Evidence Modifier', value: `1.0 + (${formatSigned(totals.evidence).replace('+', '')} × ${methodology.evidenceStep}) = ${fixed(modifiers.evidence, 2)}` },
      { label: 'Barrier Modifier', value: `1.0 + (${totals.barriers} × ${methodology.barrierStep}) = ${fixed(modifiers.barrier, 2)}` },
      { label: 'Growth Modifier', value: `1.0 + (${formatSigned(totals.growth).replace('+', '')} × ${methodology.growthStep}) = ${fixed(modifiers.growth, 2)}` },
    ],
    rawLine: `Raw: ${fixed(figures.taskResistance, 2)} × ${fixed(modifiers.evidence, 2)} × ${fixed(modifiers.barrier, 2)} × ${fixed(modifiers.growth, 2)} = ${fixed(figures.raw, 4)}`,
    scoreLine: `JobZone Score: (${fixed(figures.raw, 4)} − ${methodology.rawFloor}) / ${methodology.rawDivisor} × 100 = ${formatScore(figures.formulaScore)}/100`,
    zoneLine: `Zone: ${figures.zone.toUpperCase()} (Green ≥ ${zones.greenFrom}, Yellow ${zones.yellowFrom}–${Number(zones.greenFrom) - 1}, Red < ${zones.yellowFrom})`,
    clampNote: null as string | null,
  };
  const unclamped = ((figures.raw - Number(methodology.rawFloor)) / Number(methodology.rawDivisor)) * 100;
  if (unclamped > 100.05 || unclamped < -0.05) composite.clampNote = `The formula gives ${formatScore(unclamped)}; scores are clamped to 0–100.`;

  const occupation = entry.onetCode ? (model.occupations.get(entry.onetCode) ?? null) : null;
  let peerGroup = entry.category;
  let livePeers = peersOf(model, entry, 3).map(roleLinkOf);
  if (livePeers.length === 0 && occupation && occupation.category !== entry.category) {
    // A new specialism has no assessed neighbours yet: compare within the O*NET group it maps to.
    peerGroup = occupation.category;
    livePeers = peersOf(model, { ...entry, category: occupation.category }, 3).map(roleLinkOf);
  }
  const quotedPeers: QuotedPeerView[] = (assessment.peerCheck?.peers ?? []).map((peer) => {
    const found = peer.slug ? findAssessment(model, peer.slug) : null;
    return { title: peer.title, quotedScoreText: peer.score === undefined ? null : formatScore(peer.score), current: found ? roleLinkOf(found.entry) : null };
  });
  const override = figures.override
    ? {
        accepted: false,
        line: `Assessor override: ${formatScore(figures.override.score)} replaces the formula score ${formatScore(figures.formulaScore)}.`,
        justificationHtml: renderMarkdown(figures.override.justification),
      }
    : { accepted: true, line: 'Assessor override: none — formula score accepted.', justificationHtml: '' };

  let indices: AssessmentPageView['indices'] = null;
  let labour: AssessmentPageView['labour'] = null;
  let onet: AssessmentPageView['onet'] = null;
  if (occupation) {
    const rows = indexRows(occupation);
    if (rows.length > 0) {
      const strip = buildPercentileStrip(rows.map((row) => ({ key: row.key, label: row.name, percentile: row.percentile, percentileText: row.percentileText })));
      indices = {
        rows,
        dots: strip.dots,
        ariaLabel: strip.ariaLabel,
        occupationTitle: occupation.title,
        note: 'A higher percentile means more exposed to AI by that index’s own measure. These indices are shown for comparison only; they are never blended into the AIJRI score.',
        crosswalkNote: rows.some((row) => row.crosswalked)
          ? 'Marked values were published for older occupation codes (SOC 2010) and carried across the BLS crosswalk to this occupation’s SOC 2018 code.'
          : null,
      };
    }
    const facts = factRows(occupation);
    if (facts.length > 0) {
      labour = {
        rows: facts,
        note: isBaseline ? null : `Figures for the O*NET occupation this role maps to, ${occupation.title}; they cover more than this role alone.`,
      };
    }
    const baselineEntry = model.roles.get(occupation.slug)?.kind === 'baseline' ? findAssessment(model, occupation.slug)?.entry : undefined;
    onet = {
      code: occupation.onetCode,
      title: occupation.title,
      descriptionHtml: renderInlineMarkdown(occupation.description),
      onetUrl: `https://www.onetonline.org/link/summary/${occupation.onetCode}`,
      baseline: baselineEntry && baselineEntry.key !== entry.key ? roleLinkOf(baselineEntry) : null,
      comparison:
        baselineEntry && baselineEntry.key !== entry.key && !isBaseline
          ? buildExpertBaselineView(assessment, baselineEntry.assessment, occupation.onetCode, roleLinkOf(baselineEntry))
          : null,
      expertRoles: occupation.expertRoleSlugs
        .filter((slug) => slug !== entry.roleSlug)
        .flatMap((slug) => {
          const found = findAssessment(model, slug);
          return found ? [roleLinkOf(found.entry)] : [];
        }),
      jobZone: occupation.jobZone,
    };
  }

  const reviewed = assessment.reviewed ?? null;
  const published = entry.revision.publishedAt;

  return {
    meta: {
      title: `Will AI replace ${entry.title}? ${seniorityLabel} — AIJRI ${scoreText} (${figures.zone}, ${figures.subLabel})`,
      description: buildDescription(headlineText, entry.title, seniorityLabel, assessment.verdict),
      canonicalPath: path,
      ogType: 'article',
    },
    key: entry.key,
    role: {
      slug: entry.roleSlug,
      title: entry.title,
      seniority: entry.seniority,
      seniorityLabel,
      category: entry.category,
      categoryHref: `/browse/${categorySlug(entry.category)}`,
      aliases: role.aliases,
      isBaseline,
      statusLabel: isBaseline ? 'Data-derived baseline' : 'Expert assessment',
      baselineMethod: isBaseline && assessment.baselineMethod ? { version: assessment.baselineMethod.version, aiScope: assessment.baselineMethod.aiScope } : null,
    },
    headline: {
      zone: figures.zone,
      zoneClass,
      word: figures.headline,
      subLabel: figures.subLabel,
      label: figures.label,
      scoreText,
      text: headlineText,
      formulaScoreText: formatScore(figures.formulaScore),
      overridden: figures.override !== null,
      summary: ZONE_WORD_SUMMARY[figures.zone],
    },
    keyFacts: keyFactsOf(onet, labour, band),
    seniorities: seniorities.length > 1 ? seniorities : [],
    verdictHtml: renderMarkdown(isBaseline ? assessment.verdict?.replace(BASELINE_PREFIX, '') : assessment.verdict),
    glance,
    composition: {
      rows: compositionRows,
      sumText: formatScore(compositionSum),
      scoreText,
      note: `A profile, not the score: each dimension is scaled to its weight, and the five figures add up to ${formatScore(compositionSum)}, not ${scoreText}. The score comes from the formula below, which multiplies task resistance by the modifiers and has no protective term.`,
    },
    scale: buildScoreScale({ score: figures.score, name: `${entry.title} (${seniorityLabel})` }, methodology),
    band: {
      lowText: formatScore(band.low),
      highText: formatScore(band.high),
      zoneStable: band.zoneStable,
      sentence: bandSentence,
      scale: buildScoreScale({ score: figures.formulaScore, band, name: `${entry.title} (${seniorityLabel})` }, methodology),
    },
    definition: { rows: definitionRows, notThisRole, seniorityNoteHtml: renderMarkdown(role.seniorityNote) },
    protective: { rows: protectiveRows, total: totals.protective, totalText: `${totals.protective}/${methodology.ranges.protective.max * methodology.protective.length}` },
    growth: growthRow,
    quickScreen: {
      protective: totals.protective,
      growth: totals.growth,
      sum: quick.sum,
      line: `Protective ${totals.protective} + Correlation ${minusSign(String(totals.growth))} = ${minusSign(String(quick.sum))}`,
      label: quick.label, agrees: quick.agrees, fullLabel: figures.label, sentence: quickSentence },
    tasks: {
      rows: taskRows,
      shareTotalText: `${shareTotal}%`,
      exposureText: fixed(figures.taskExposure, 2),
      resistanceText: fixed(figures.taskResistance, 2),
      resistanceLine: `Task Resistance Score: ${fixed(Number(methodology.taskResistanceBase), 2)} − ${fixed(figures.taskExposure, 2)} = ${fixed(figures.taskResistance, 2)}/5.0`,
    },
    split: {
      ...figures.split,
      shareAtLeast3: figures.shareAtLeast3,
      shareAtLeast4: figures.shareAtLeast4,
      segments: split.segments,
      ariaLabel: split.ariaLabel,
      sentence: `Displacement/Augmentation split: ${figures.split.displacement}% displacement, ${figures.split.augmentation}% augmentation, ${figures.split.notInvolved}% not involved.`,
    },
    reinstatementHtml: renderMarkdown(assessment.reinstatement),
    evidence: {
      rows: evidenceRows,
      total: totals.evidence,
      totalText: formatSigned(totals.evidence),
      bar: buildRangeBar(totals.evidence, evidenceRange.min, evidenceRange.max),
      ariaLabel: `Market-signal balance ${formatSigned(totals.evidence)} on a scale from −10 (all negative) to +10 (all positive).`,
    },
    barriers: {
      rows: judgementRows(methodology.barriers, assessment.barriers, methodology.ranges.barrier.max),
      total: totals.barriers,
      totalText: `${totals.barriers}/${methodology.ranges.barrier.max * methodology.barriers.length}`,
    },
    growthCheckHtml: renderMarkdown(assessment.growthCheck),
    composite,
    subLabel: {
      rows: [
        { metric: 'Share of task time scoring 3+', value: `${figures.shareAtLeast3}%` },
        { metric: 'Share of task time scoring 4+', value: `${figures.shareAtLeast4}%` },
        { metric: 'AI growth correlation', value: formatSigned(totals.growth) },
        { metric: 'Score', value: scoreText },
      ],
      label: figures.label,
      rule: symbols(figures.subLabelRule),
    },
    override: {
      ...override,
      peerCheckHtml: renderMarkdown(assessment.peerCheck?.text),
      livePeers,
      quotedPeers,
      categoryName: entry.category,
      peerGroup,
    },
    sensitivity: {
      top: sensitivity.slice(0, 8),
      rest: sensitivity.slice(8),
      protective: protectiveSensitivity,
      intro: 'Each judgement moved one step up and one step down, all else unchanged; the largest effects first.',
    },
    indices,
    labour,
    onet,
    commentary: buildCommentary(assessment),
    ...sourcesOf(assessment),
    resources: assessment.resources.map((source) => ({ title: source.title, url: source.url ?? null })),
    baseline: isBaseline ? countProvenance(assessment) : null,
    methodology: {
      version: figures.methodologyVersion,
      name: methodology.name,
      href: '/methodology',
      reviewedText: reviewed ? `Last reviewed ${formatDate(reviewed)}` : isBaseline ? `Computed ${formatDate(published)}; not reviewed` : `Published ${formatDate(published)}`,
      reviewedIso: reviewed ?? isoDate(published),
      revisionNumber: entry.revision.number,
      publishedText: formatDate(published),
    },
    reportHref: `/report?role=${encodeURIComponent(entry.roleSlug)}/${encodeURIComponent(entry.seniority)}`,
  };
}

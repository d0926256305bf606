import { sql } from 'drizzle-orm';
import { AssessmentSchema, type Assessment } from '../../methodology/index.ts';
import type { Database } from '../../store/database.ts';
import { queryRows } from '../../store/sql-rows.ts';
import { requirePermission, type Actor } from '../accounts/roles.ts';
import { buildCalibration, type Calibration, type CalibrationPair } from './calibration.ts';

interface CurrentRow {
  assessmentId: number;
  onetCode: string;
  kind: string;
  document: Assessment;
}

/**
 * Compares every current expert assessment with a baseline (reviewer and up): the current baseline
 * of the occupation it maps to, or else the last baseline revision of its own history (a promoted
 * baseline), with the published indices of that occupation.
 */
export async function getCalibration(db: Database, actor: Actor | null): Promise<Calibration> {
  requirePermission(actor, 'calibration.view');
  const current = await queryRows<CurrentRow>(
    db,
    sql`select a.id as "assessmentId", ro.primary_onet_code as "onetCode", r.document->>'status' as kind, r.document
      from assessments a join revisions r on r.id = a.current_revision_id join roles ro on ro.slug = a.role_slug
      where ro.primary_onet_code is not null`,
  );
  const baselineOf = new Map<string, Assessment>();
  for (const row of current) if (row.kind === 'baseline' && !baselineOf.has(row.onetCode)) baselineOf.set(row.onetCode, row.document);
  const experts = current.filter((row) => row.kind === 'expert');
  const promoted = await queryRows<{ assessmentId: number; document: Assessment }>(
    db,
    sql`select distinct on (r.assessment_id) r.assessment_id as "assessmentId", r.document from revisions r
      where r.document->>'status' = 'baseline' order by r.assessment_id, r.revision_number desc`,
  );
  const ownBaseline = new Map(promoted.map((row) => [row.assessmentId, row.document]));
  const indexRows = await queryRows<{ onetCode: string; indexKey: string; value: number; percentile: number }>(
    db,
    sql`select onet_code as "onetCode", index_key as "indexKey", value, percentile from index_values order by index_key`,
  );
  const indices = new Map<string, CalibrationPair['indices']>();
  for (const row of indexRows) indices.set(row.onetCode, [...(indices.get(row.onetCode) ?? []), { indexKey: row.indexKey, value: Number(row.value), percentile: Number(row.percentile) }]);
  const pairs: CalibrationPair[] = [];
  for (const expert of experts) {
    const baseline = baselineOf.get(expert.onetCode) ?? ownBaseline.get(expert.assessmentId);
    if (!baseline) continue;
    pairs.push({ expert: AssessmentSchema.parse(expert.document), baseline: AssessmentSchema.parse(baseline), onetCode: expert.onetCode, indices: indices.get(expert.onetCode) ?? [] });
  }
  return buildCalibration(pairs);
}

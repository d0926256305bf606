import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import { queryRows } from '../../store/sql-rows.ts';
import { appendAudit } from '../accounts/audit-log.ts';
import { requirePermission, type Actor } from '../accounts/roles.ts';
import { clientNetworkOf } from '../rate-limits/client-network.ts';
import type { RateLimit, RateLimiter } from '../rate-limits/rate-limits.usecases.ts';
import { StudioError } from './studio.errors.ts';
import { readText, STUDIO_LIMITS } from './studio.limits.ts';
import { readerReportsTable } from './studio.table.ts';

/** What "Report a problem with this score" needs: the store and the store-backed rate limiter. */
export interface ReaderReportDependencies {
  db: Database;
  limiter: RateLimiter;
  limit?: RateLimit;
}

/** Five reports from one network at once, then one every ten minutes. */
export const DEFAULT_REPORT_LIMIT: RateLimit = { capacity: 5, refillSeconds: 10 * 60 };

/** A reader's report as the queue shows it. */
export type ReaderReport = typeof readerReportsTable.$inferSelect;

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** Records a reader's report about an assessment's score; no account, rate-limited per network, every field bounded. */
export async function submitReaderReport(
  deps: ReaderReportDependencies,
  report: { roleSlug: string; seniority: string; problem: unknown; source?: unknown; email?: unknown; clientAddress: string },
): Promise<void> {
  const problem = readText('what is wrong', report.problem, STUDIO_LIMITS.reportChars, { required: true });
  const source = readText('source', report.source, STUDIO_LIMITS.reportSourceChars, { required: false, multiline: false });
  const email = readText('email', report.email, STUDIO_LIMITS.emailChars, { required: false, multiline: false });
  if (email !== null && !EMAIL.test(email)) throw new StudioError('studio.invalid', `email: found "${email.slice(0, 60)}"; expected an address like name@example.org, or leave it empty`);
  const wait = await deps.limiter.take('report.client', clientNetworkOf(report.clientAddress), deps.limit ?? DEFAULT_REPORT_LIMIT);
  if (wait > 0) throw new StudioError('studio.rate_limited', `Too many reports from your network. Please try again in ${Math.ceil(wait / 60)} minute(s).`, wait);
  const [known] = await queryRows(deps.db, sql`select 1 from assessments where role_slug = ${report.roleSlug} and seniority = ${report.seniority} and current_revision_id is not null`);
  if (!known) throw new StudioError('studio.not_found', `there is no published assessment ${report.roleSlug.slice(0, 80)}/${report.seniority.slice(0, 40)} to report on`);
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(readerReportsTable)
      .values({ roleSlug: report.roleSlug, seniority: report.seniority, problem, source, email: email?.toLowerCase() ?? null })
      .returning({ id: readerReportsTable.id });
    await appendAudit(tx, { actor: null, actorLabel: 'reader', action: 'report.received', subject: `assessment:${report.roleSlug}/${report.seniority}`, details: { report: row?.id } });
  });
}

/** Lists the open reports, newest first, optionally of one assessment (assessor and up). */
export async function listOpenReports(db: Database, actor: Actor | null, of?: { roleSlug: string; seniority: string }): Promise<ReaderReport[]> {
  requirePermission(actor, 'feedback.view');
  const open = isNull(readerReportsTable.resolvedAt);
  const where = of ? and(open, eq(readerReportsTable.roleSlug, of.roleSlug), eq(readerReportsTable.seniority, of.seniority)) : open;
  return db.select().from(readerReportsTable).where(where).orderBy(desc(readerReportsTable.receivedAt)).limit(STUDIO_LIMITS.pageRows);
}

/** Marks a report dealt with (reviewer and up). */
export async function resolveReaderReport(db: Database, actor: Actor | null, id: unknown): Promise<void> {
  const member = requirePermission(actor, 'feedback.resolve');
  const reportId = Number(id);
  if (!Number.isInteger(reportId) || reportId < 1 || reportId > 2_147_483_647) throw new StudioError('studio.not_found', `report: found "${String(id).slice(0, 20)}"; expected a report number`);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(readerReportsTable)
      .set({ resolvedAt: new Date(), resolvedByUserId: member.userId })
      .where(and(eq(readerReportsTable.id, reportId), isNull(readerReportsTable.resolvedAt)))
      .returning({ id: readerReportsTable.id, roleSlug: readerReportsTable.roleSlug, seniority: readerReportsTable.seniority });
    if (!row) throw new StudioError('studio.not_found', `there is no open report ${reportId}`);
    await appendAudit(tx, { actor: member, action: 'report.resolved', subject: `assessment:${row.roleSlug}/${row.seniority}`, details: { report: row.id } });
  });
}

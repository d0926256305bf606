import type { APIRoute } from 'astro';
import { submitReaderReport } from '../../../../../features/studio/reader-reports.usecases.ts';
import { readerReportPage } from '../../../../lib/reader-report-page.ts';
import { fieldOf, readFormEntries, studioFailureOf, studioStoreOf } from '../../../../lib/studio-http.ts';

/** POST /roles/:slug/:seniority/report-problem: a reader's "Report a problem with this score" form. */
export const POST: APIRoute = async ({ request, params, locals }) => {
  const roleSlug = (params.slug ?? '').slice(0, 120);
  const seniority = (params.seniority ?? '').slice(0, 120);
  const back = `/roles/${encodeURIComponent(roleSlug)}/${encodeURIComponent(seniority)}`;
  const entries = await readFormEntries(request);
  if (!entries) return readerReportPage(400, 'We could not read the report', 'Send the form on the assessment page.', back);
  try {
    await submitReaderReport(studioStoreOf(locals), {
      roleSlug,
      seniority,
      problem: fieldOf(entries, 'problem'),
      source: fieldOf(entries, 'source'),
      email: fieldOf(entries, 'email'),
      clientAddress: locals.clientAddress,
    });
    return readerReportPage(202, 'Thank you', 'Your report reached the editorial team. They check every report against the sources.', back);
  } catch (error) {
    const failure = studioFailureOf(error);
    const title = failure.status === 429 ? 'Please wait a moment' : 'We could not take the report';
    return readerReportPage(failure.status, title, failure.message, back, failure.status === 429 ? { 'retry-after': String(60 * 10) } : {});
  }
};

import type { APIRoute } from 'astro';
import { resolveReportPdf } from '../../presentation/personal-report/report-page.ts';
import { gatherReportPdfInput } from '../../features/personal-report/report-page-input.ts';
import { buildReportPdf } from '../../presentation/personal-report/report-pdf.ts';

/** Serves the personal report as a PDF built on the server; bad inputs go back to the form, which says what to fix. */
export const GET: APIRoute = async ({ locals, url, redirect }) => {
  const request = resolveReportPdf(gatherReportPdfInput(locals.readModel, url.searchParams), url);
  if (request.kind === 'redirect') return redirect(request.location, 303);
  if (request.kind === 'not-found') return new Response(`${request.message} Search for your role at /report.\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const pdf = await buildReportPdf(request.view, request.narrative, { url: new URL(request.path, locals.publicUrl).href, generatedAt: new Date() });
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${request.filename}"`, 'cache-control': 'private, max-age=0' },
  });
};

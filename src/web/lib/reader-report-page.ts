import { escapeHtml } from '../../presentation/escape.ts';

/** The small page that answers a reader's report: what happened and the way back to the assessment. */
export function readerReportPage(status: number, title: string, message: string, back: string, headers: Record<string, string> = {}): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · jobzone</title></head><body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 2rem auto; padding: 0 1rem; line-height: 1.5"><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">Back to the assessment</a></p></main></body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

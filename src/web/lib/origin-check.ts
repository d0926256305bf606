const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths whose POSTs carry their own secret and come from other sites by design (RFC 8058 one-click unsubscribe from mail providers). */
export const CROSS_SITE_POST_PATHS: readonly string[] = ['/subscriptions/unsubscribe'];

/**
 * Tells whether a request is a form submission from another site, which pages refuse (CSRF). It
 * replaces Astro's checkOrigin, which cannot exempt the one-click unsubscribe address and does not
 * know the public address when the site runs behind a proxy.
 */
export function isCrossSiteFormSubmission(request: Request, url: URL, publicUrl: string): boolean {
  if (SAFE_METHODS.has(request.method) || CROSS_SITE_POST_PATHS.includes(url.pathname)) return false;
  const origin = request.headers.get('origin');
  const sameSite = origin !== null && (origin === url.origin || origin === new URL(publicUrl).origin);
  const type = request.headers.get('content-type');
  if (type === null) return !sameSite;
  return FORM_TYPES.some((form) => type.toLowerCase().includes(form)) && !sameSite;
}

/** The cookie that carries a studio session's secret. */
export const SESSION_COOKIE = 'jz_session';
/** The cookie that names the stored challenge of a passkey sign-in under way. */
export const PASSKEY_CHALLENGE_COOKIE = 'jz_passkey';
/** The form field and header that carry the per-session CSRF token. */
export const CSRF_FIELD = 'csrf';
export const CSRF_HEADER = 'x-csrf-token';

const MAX_NEXT_LENGTH = 500;

/** Paths only signed-in members may open; anonymous visitors are sent to sign in. */
export function isStudioPath(pathname: string): boolean {
  return pathname === '/studio' || pathname.startsWith('/studio/');
}

/** Paths whose POSTs act for the signed-in member and so must carry the session's CSRF token. */
export function needsCsrfToken(pathname: string): boolean {
  return isStudioPath(pathname) || pathname === '/sign-out';
}

/** Keeps a `next` address only when it is a path on this site (no scheme, no host, no "//" or "/\\" tricks); otherwise the studio. */
export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_NEXT_LENGTH) return '/studio';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f\\]/.test(next)) return '/studio';
  try {
    const resolved = new URL(next, 'http://jobzone.invalid');
    if (resolved.origin !== 'http://jobzone.invalid') return '/studio';
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return '/studio';
  }
}

/** The sign-in address that brings a visitor back to `pathAndQuery` afterwards. */
export function signInPathFor(pathAndQuery: string): string {
  return `/sign-in?next=${encodeURIComponent(safeNextPath(pathAndQuery))}`;
}

/** Cookie attributes of the session: HttpOnly, SameSite=Lax, Secure when the site is served over https. */
export function sessionCookieOptions(publicUrl: string, maxAgeSeconds: number): { httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/'; maxAge: number } {
  return { httpOnly: true, sameSite: 'lax', secure: publicUrl.startsWith('https:'), path: '/', maxAge: maxAgeSeconds };
}

/** Reads one cookie from a Cookie header without decoding surprises; null when absent or oversized. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header || header.length > 8_192) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      return value.length > 0 && value.length <= 200 ? value : null;
    }
  }
  return null;
}

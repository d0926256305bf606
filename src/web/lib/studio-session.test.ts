import { describe, expect, it } from 'vitest';
import { isStudioPath, needsCsrfToken, readCookie, safeNextPath, sessionCookieOptions, signInPathFor } from './studio-session.ts';

describe('the studio session helpers', () => {
  it('keep a next address only when it is a path on this site', () => {
    expect(safeNextPath('/studio/queue?category=Health#top')).toBe('/studio/queue?category=Health#top');
    for (const hostile of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/studio\n/x', 'studio', '', null, `/${'a'.repeat(600)}`]) {
      expect(safeNextPath(hostile)).toBe('/studio');
    }
    expect(signInPathFor('/studio/drafts/4?tab=review')).toBe('/sign-in?next=%2Fstudio%2Fdrafts%2F4%3Ftab%3Dreview');
  });

  it('mark the session cookie Secure only when the public address is https', () => {
    expect(sessionCookieOptions('https://jobzone.example', 60)).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 60 });
    expect(sessionCookieOptions('http://localhost:4321', 60).secure).toBe(false);
  });

  it('guard /studio and its sub-paths, and sign-out, but not look-alikes', () => {
    expect([isStudioPath('/studio'), isStudioPath('/studio/account'), isStudioPath('/studios'), isStudioPath('/sign-in')]).toEqual([true, true, false, false]);
    expect([needsCsrfToken('/sign-out'), needsCsrfToken('/sign-in'), needsCsrfToken('/studio/x')]).toEqual([true, false, true]);
  });

  it('read one cookie and ignore oversized values', () => {
    expect(readCookie('a=1; jz_session=abc; b=2', 'jz_session')).toBe('abc');
    expect(readCookie(`jz_session=${'x'.repeat(300)}`, 'jz_session')).toBeNull();
    expect(readCookie(undefined, 'jz_session')).toBeNull();
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo, Command } from '../cli/cli-io.ts';
import { createExportCommand } from '../cli/commands/export.ts';
import { createPublishCommand, type PublishingSettings } from '../cli/commands/publish.ts';
import { createRevisionsCommand } from '../cli/commands/revisions.ts';
import { createApiToken } from '../features/accounts/api-tokens.usecases.ts';
import { MACHINE_OWNER } from '../features/accounts/caller.ts';
import { auditActions, inviteTestMember, pendingSignInToken } from '../features/accounts/test-support/account-fixtures.ts';
import { loadSampleAssessments, sampleAssessment } from '../features/mail/test-support/mail-fixtures.ts';
import { queryRows } from '../store/sql-rows.ts';
import { send, startSiteInProcess, type SiteUnderTest } from './test-support/site-under-test.ts';
import { inviteMember } from '../features/accounts/users.usecases.ts';

let site: SiteUnderTest;
let origin = '';
let workDir = '';
let key = '';
const tokens: Record<'assessor' | 'editor', string> = { assessor: '', editor: '' };

// One site for the file: starting it (built Astro, committed read model) is the slow part.
beforeAll(async () => {
  site = await startSiteInProcess({}, { accounts: { runInBackground: (work) => void work.catch(() => undefined) } });
  origin = site.url;
  await inviteMember(site.db, MACHINE_OWNER, { email: 'ada@example.org', role: 'admin' });
  workDir = await mkdtemp(join(tmpdir(), 'jobzone-remote-cli-'));
  const nurse = sampleAssessment(await loadSampleAssessments(site.db), 'Registered Nurse');
  key = `${nurse.roleSlug}/${nurse.seniority}`;
  for (const role of ['assessor', 'editor'] as const) {
    await inviteTestMember(site.db, `${role}@example.org`, role);
    tokens[role] = (await createApiToken(site.db, MACHINE_OWNER, { email: `${role}@example.org`, name: 'remote' })).token;
  }
}, 240_000);

afterAll(async () => {
  await site?.close();
  await rm(workDir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>, cookie?: string) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, ...(cookie ? { cookie } : {}) },
  body: new URLSearchParams(fields).toString(),
});

function sessionCookieOf(setCookie: string[] | undefined): string {
  const line = (setCookie ?? []).find((each) => each.startsWith('jz_session='));
  if (!line) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return line;
}

async function signIn(email: string, cookie?: string): Promise<{ cookie: string; setCookie: string }> {
  const token = await pendingSignInToken(site.db, email);
  const answer = await send(site.url, 'POST', '/sign-in/link', form({ token, next: '/studio/account' }, cookie));
  expect(answer.status).toBe(303);
  const setCookie = sessionCookieOf(answer.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0] ?? '', setCookie };
}

async function newLink(email: string): Promise<void> {
  await send(site.url, 'POST', '/sign-in', form({ email }));
  await expect.poll(async () => (await queryRows(site.db, sql`select 1 from mail_outbox o join users u on u.id = o.user_id where u.email = ${email} and o.confirm_token is not null`)).length, { timeout: 5_000 }).toBeGreaterThan(0);
}

describe('the studio over HTTP', () => {
  it('refuses a passkey sign-in without a challenge or with a forged answer, and records the failure', async () => {
    const before = (await auditActions(site.db)).length;
    const headers = { 'content-type': 'application/json', origin };
    const noChallenge = await send(site.url, 'POST', '/sign-in/passkey', { headers, body: JSON.stringify({ credential: { id: 'x', rawId: 'x', type: 'public-key', response: {} } }) });
    expect(noChallenge.status).toBe(400);
    expect(JSON.parse(noChallenge.body.toString())).toEqual({ error: { code: 'account.passkey_failed', message: 'Signing in with this passkey did not work. Try again, or ask for a sign-in link by email.' } });
    const options = await send(site.url, 'POST', '/sign-in/passkey-options', { headers: { origin } });
    const challenge = (options.headers['set-cookie'] ?? []).find((line) => line.startsWith('jz_passkey='))?.split(';')[0] ?? '';
    expect(challenge).not.toBe('');
    const malformed = await send(site.url, 'POST', '/sign-in/passkey', { headers: { ...headers, cookie: challenge }, body: '{"credential": 42}' });
    expect(JSON.parse(malformed.body.toString()).error.message).toBe('credential: found number; expected the answer of navigator.credentials as JSON');
    const unknown = await send(site.url, 'POST', '/sign-in/passkey', { headers: { ...headers, cookie: challenge }, body: JSON.stringify({ credential: { id: 'bm9wZQ', rawId: 'bm9wZQ', type: 'public-key', response: {} } }) });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['set-cookie']?.some((line) => line.startsWith('jz_session='))).not.toBe(true);
    expect((await auditActions(site.db)).slice(before).map((entry) => `${entry.action} ${String(entry.details.reason)}`)).toEqual(['session.sign-in-failed no challenge, or it expired', 'session.sign-in-failed unknown passkey']);
  });

  it('sends anonymous visitors of any /studio address to sign in, with a same-site next address, and tells a signed-out autosave so in JSON', async () => {
    for (const path of ['/studio', '/studio/queue?category=x', '/studio/account']) {
      const answer = await send(site.url, 'GET', path);
      expect(answer.status).toBe(303);
      expect(answer.headers.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    expect((await send(site.url, 'POST', '/studio/account', form({ action: 'create-token' }))).status).toBe(303);
    const autosave = await send(site.url, 'POST', '/studio/drafts/1/save', { headers: { 'content-type': 'application/json', accept: 'application/json', origin }, body: '{"version":1,"document":{}}' });
    expect(autosave.status).toBe(401);
    expect(autosave.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(autosave.body.toString())).toMatchObject({ error: { code: 'studio.signed_out', message: expect.stringMatching(/^You are signed out; sign in again in another tab/) } });
    const page = await send(site.url, 'GET', `/sign-in?next=${encodeURIComponent('//evil.example/x')}`);
    expect(page.body.toString()).toContain('name="next" value="/studio"');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('answers a sign-in request for a stranger exactly as for a member', async () => {
    const member = await send(site.url, 'POST', '/sign-in', form({ email: 'ada@example.org', next: '/studio' }));
    const stranger = await send(site.url, 'POST', '/sign-in', form({ email: 'mallory@example.org', next: '/studio' }));
    expect(stranger.status).toBe(303);
    expect({ status: stranger.status, location: stranger.headers.location, body: stranger.body.toString() }).toEqual({ status: member.status, location: member.headers.location, body: member.body.toString() });
    const invalid = await send(site.url, 'POST', '/sign-in', form({ email: 'not-an-address' }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.toString()).toContain('email: found &quot;not-an-address&quot;; expected an email address');
  });

  it('opens the landing page of a link without using it up; its button signs in once, with a new HttpOnly SameSite=Lax cookie', async () => {
    const token = await pendingSignInToken(site.db, 'ada@example.org');
    for (let i = 0; i < 2; i++) {
      const page = await send(site.url, 'GET', `/sign-in/link?token=${token}`);
      expect(page.status).toBe(200);
      expect(page.body.toString()).toMatch(/<form method="post" action="\/sign-in\/link">/);
    }
    const fixed = 'jz_session=chosen-by-an-attacker';
    const first = await signIn('ada@example.org', fixed);
    expect(first.setCookie).toMatch(/HttpOnly/i);
    expect(first.setCookie).toMatch(/SameSite=Lax/i);
    expect(first.setCookie).not.toMatch(/Secure/i);
    expect(first.cookie).not.toBe(fixed);
    const again = await send(site.url, 'POST', '/sign-in/link', form({ token, next: '/studio/account' }));
    expect(again.status).toBe(400);
    expect(again.body.toString()).toContain('expired or was already used');
    const account = await send(site.url, 'GET', '/studio/account', { headers: { cookie: first.cookie } });
    expect(account.status).toBe(200);
    expect(account.body.toString()).toContain('ada@example.org');
    // A second sign-in in the same browser replaces the session: the old cookie stops working.
    await newLink('ada@example.org');
    const second = await signIn('ada@example.org', first.cookie);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await send(site.url, 'GET', '/studio/account', { headers: { cookie: first.cookie } })).status).toBe(303);
    expect((await send(site.url, 'GET', '/studio/account', { headers: { cookie: second.cookie } })).status).toBe(200);
  });

  it('refuses state-changing posts without the session\'s CSRF token, or from another site, and changes nothing', async () => {
    await newLink('ada@example.org');
    const { cookie } = await signIn('ada@example.org');
    const page = (await send(site.url, 'GET', '/studio/account', { headers: { cookie } })).body.toString();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(csrf).not.toBe('');
    const before = (await auditActions(site.db)).length;
    const missing = await send(site.url, 'POST', '/studio/account', form({ action: 'create-token', name: 'x' }, cookie));
    const wrong = await send(site.url, 'POST', '/studio/account', form({ action: 'create-token', name: 'x', csrf: `${csrf.slice(0, -2)}xx` }, cookie));
    const crossSite = await send(site.url, 'POST', '/studio/account', { ...form({ action: 'create-token', name: 'x', csrf }, cookie), headers: { ...form({}, cookie).headers, origin: 'https://evil.example' } });
    const signOut = await send(site.url, 'POST', '/sign-out', form({}, cookie));
    const json = await send(site.url, 'POST', '/studio/account/passkey-options', { headers: { 'content-type': 'application/json', origin, cookie }, body: '{}' });
    for (const refused of [missing, wrong, crossSite, signOut, json]) expect(refused.status).toBe(403);
    expect(missing.body.toString()).toContain('missing or wrong CSRF token');
    expect(await queryRows(site.db, sql`select t.id from api_tokens t join users u on u.id = t.user_id where u.email = 'ada@example.org'`)).toEqual([]);
    expect((await auditActions(site.db)).length).toBe(before);
    const created = await send(site.url, 'POST', '/studio/account', form({ action: 'create-token', name: 'laptop', csrf }, cookie));
    expect(created.status).toBe(200);
    const token = /<code id="new-token">(jzt_[A-Za-z0-9_-]+)<\/code>/.exec(created.body.toString())?.[1] ?? '';
    expect(token).not.toBe('');
    expect(JSON.stringify(await queryRows(site.db, sql`select * from api_tokens`))).not.toContain(token.slice(4));
    const everywhere = await send(site.url, 'POST', '/studio/account', form({ action: 'sign-out-everywhere', csrf }, cookie));
    expect(everywhere.status).toBe(303);
    expect((await send(site.url, 'GET', '/studio/account', { headers: { cookie } })).status).toBe(303);
    expect((await auditActions(site.db)).slice(-2).map((entry) => entry.action)).toEqual(['token.created', 'session.signed-out-everywhere']);
  });
});

async function run(command: (settings: PublishingSettings) => Command, args: string[], remote: PublishingSettings['remote']) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: workDir, stderrIsTerminal: false };
  // No data directory or database: a command that fell back to a local store would fail loudly.
  const settings: PublishingSettings = { dataDir: join(workDir, 'no-store-here'), databaseUrl: 'postgres://nobody@127.0.0.1:1/none', author: 'Remote Tester', remote };
  return { code: await command(settings).run(args, io), stdout, stderr };
}

const revisionCount = async () => (await queryRows<{ count: number }>(site.db, sql`select count(*)::int as count from revisions`))[0]?.count ?? 0;

describe('the CLI against a remote server with JOBZONE_URL and JOBZONE_TOKEN', () => {
  it('lists and exports as any member, but publishes only with the editor role, as that member and audited', async () => {
    const asAssessor = { url: site.url, token: tokens.assessor };
    const listed = await run(createRevisionsCommand, [key], asAssessor);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('1');
    expect((await run(createExportCommand, [key, '-o', 'nurse.yaml'], asAssessor)).code).toBe(0);
    const before = await revisionCount();
    const refused = await run(createPublishCommand, ['nurse.yaml', '--note', 'Remote edit'], asAssessor);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('assessor@example.org (assessor) may not revision publish; it needs the editor role or higher; nothing was changed');
    expect(await revisionCount()).toBe(before);
    const published = await run(createPublishCommand, ['nurse.yaml', '--note', 'Remote edit', '--expect-revision', '1'], { url: site.url, token: tokens.editor });
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(published.stdout).toMatch(/^Published .* revision 2/);
    expect(await revisionCount()).toBe(before + 1);
    expect((await auditActions(site.db)).at(-1)).toMatchObject({ action: 'revision.published', actorLabel: 'editor@example.org', subject: `assessment:${key}` });
  });

  it('exits 1 with a clear message and changes nothing when the token is missing, wrong or revoked', async () => {
    const before = await revisionCount();
    const wrong = await run(createPublishCommand, ['nurse.yaml', '--note', 'Remote edit'], { url: site.url, token: `${tokens.editor.slice(0, -3)}abc` });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`${site.url} refused JOBZONE_TOKEN: missing, revoked or wrong API token`);
    const missing = await run(createRevisionsCommand, [key], { url: site.url, token: undefined });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('JOBZONE_TOKEN is missing');
    const bare = await fetch(`${site.url}/cli/v1/call/publish`, { method: 'POST', body: '[]' });
    expect(bare.status).toBe(401);
    expect(await revisionCount()).toBe(before);
  });
});

import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import type { Role } from '../../src/features/accounts/roles.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIL_WAIT_MS = 20_000;

/** Runs `jobzone <args>` as the machine owner against the e2e site's data directory (so through the running server). */
export function runJobzone(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, JOBZONE_DATA_DIR: inject('siteDataDir'), DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Waits for a sign-in email to `email` written after `since` (the e2e site has no SMTP: mail lands as .eml files in its data directory) and returns its link. */
export async function waitForSignInLink(email: string, since: number): Promise<string> {
  const folder = join(inject('siteDataDir'), 'outbox');
  const deadline = Date.now() + MAIL_WAIT_MS;
  while (Date.now() < deadline) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((each) => each.startsWith('sign-in-') && each.endsWith('.eml'))) {
      const path = join(folder, name);
      if ((await stat(path)).mtimeMs < since) continue;
      const mail = await simpleParser(await readFile(path));
      const to = Array.isArray(mail.to) ? mail.to.flatMap((each) => each.value) : (mail.to?.value ?? []);
      const link = /https?:\/\/\S+\/sign-in\/link\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
      if (link && to.some((address) => address.address === email)) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no sign-in email reached ${email} within ${MAIL_WAIT_MS / 1000} s`);
}

/**
 * Signs `page` in to the studio as `email` with `role`: invites them by CLI when new (or sets the
 * role of an existing member), asks for a link otherwise, opens the emailed link and presses its
 * button. Resolves on the page the sign-in lands on (`next`, by default the account page).
 */
export async function signInAs(page: Page, email: string, role: Role, next = '/studio/account'): Promise<void> {
  const siteUrl = inject('siteUrl');
  const since = Date.now() - 1_000;
  const invited = await runJobzone(['users', 'add', email, '--role', role]);
  if (invited.code !== 0) {
    if (!/already a member/.test(invited.stderr)) throw new Error(`jobzone users add ${email} failed: ${invited.stderr}`);
    const changed = await runJobzone(['users', 'set-role', email, role]);
    if (changed.code !== 0) throw new Error(`jobzone users set-role ${email} ${role} failed: ${changed.stderr}`);
    await page.goto(`${siteUrl}/sign-in`);
    await page.fill('#sign-in-email', email);
    await Promise.all([page.waitForURL(/\/sign-in\?sent=1/), page.click('text=Email me a sign-in link')]);
  }
  const link = await waitForSignInLink(email, since);
  const landing = new URL(link);
  landing.searchParams.set('next', next);
  await page.goto(`${siteUrl}${landing.pathname}${landing.search}`);
  await Promise.all([page.waitForURL((url) => url.pathname === next.split('?')[0]), page.click('button:has-text("Sign in")')]);
}

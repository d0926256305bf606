import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../store/sql-rows.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { AccountError } from './accounts.errors.ts';
import { MACHINE_OWNER, memberCaller } from './caller.ts';
import { PermissionDenied } from './roles.ts';
import { auditActions, inviteTestMember } from './test-support/account-fixtures.ts';
import { changeMemberRole, inviteMember, listTeam, removeMember } from './users.usecases.ts';
import { createApiToken } from './api-tokens.usecases.ts';
import { openSession } from './sessions.usecases.ts';

describeEachDriver('managing the team', (store) => {
  it('inviting someone creates them with the role, queues a sign-in email and records who invited whom', async () => {
    let nudged = 0;
    const member = await inviteMember(store.db, MACHINE_OWNER, { email: ' Ada@Example.org ', role: 'admin' }, () => nudged++);
    expect(member).toMatchObject({ email: 'ada@example.org', role: 'admin', removedAt: null });
    expect(nudged).toBe(1);
    const outbox = await queryRows<{ kind: string; user_id: number; token: string }>(store.db, sql`select kind, user_id, confirm_token as token from mail_outbox`);
    expect(outbox).toEqual([{ kind: 'sign-in', user_id: member.id, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) }]);
    const [link] = await queryRows<{ token_hash: string }>(store.db, sql`select token_hash from sign_in_links`);
    expect(link?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(link?.token_hash).not.toContain(outbox[0]?.token ?? '-');
    expect(await auditActions(store.db)).toEqual([{ action: 'user.invited', actorLabel: 'cli (machine owner)', subject: `user:${member.id}`, details: { email: 'ada@example.org', role: 'admin', rejoined: false } }]);
  });

  it('refuses a second invitation of a member, a wrong role and a wrong address, naming the field', async () => {
    await inviteTestMember(store.db, 'ada@example.org', 'admin');
    await expect(inviteMember(store.db, MACHINE_OWNER, { email: 'ada@example.org', role: 'editor' })).rejects.toThrow(/already a member \(admin\)/);
    await expect(inviteMember(store.db, MACHINE_OWNER, { email: 'bob@example.org', role: 'boss' })).rejects.toThrow('role: found "boss"; expected one of assessor, reviewer, editor, admin');
    await expect(inviteMember(store.db, MACHINE_OWNER, { email: 'not an address', role: 'editor' })).rejects.toThrow(/^email: found "not an address"; expected an email address/);
    expect(await listTeam(store.db, MACHINE_OWNER)).toHaveLength(1);
  });

  it('only admins manage people: an editor may not invite, list, change roles or remove', async () => {
    const editor = await inviteTestMember(store.db, 'ed@example.org', 'editor');
    const admin = await inviteTestMember(store.db, 'ada@example.org', 'admin');
    for (const attempt of [
      inviteMember(store.db, memberCaller(editor), { email: 'x@example.org', role: 'admin' }),
      listTeam(store.db, memberCaller(editor)),
      changeMemberRole(store.db, memberCaller(editor), { email: 'ed@example.org', role: 'admin' }),
      removeMember(store.db, memberCaller(editor), { email: 'ada@example.org' }),
    ]) {
      await expect(attempt).rejects.toBeInstanceOf(PermissionDenied);
    }
    await inviteMember(store.db, memberCaller(admin), { email: 'x@example.org', role: 'assessor' });
    expect((await listTeam(store.db, memberCaller(admin))).map((member) => member.email)).toEqual(['ada@example.org', 'ed@example.org', 'x@example.org']);
  });

  it('changes roles and removes people with an audit entry each, ending their sessions and tokens, but never the last admin', async () => {
    const admin = await inviteTestMember(store.db, 'ada@example.org', 'admin');
    const editor = await inviteTestMember(store.db, 'ed@example.org', 'editor');
    await openSession(store.db, editor.userId);
    await createApiToken(store.db, MACHINE_OWNER, { email: 'ed@example.org', name: 'laptop' });
    await expect(changeMemberRole(store.db, MACHINE_OWNER, { email: 'ada@example.org', role: 'editor' })).rejects.toMatchObject({ code: 'account.last_admin' });
    await expect(removeMember(store.db, MACHINE_OWNER, { email: 'ada@example.org' })).rejects.toBeInstanceOf(AccountError);
    expect(await changeMemberRole(store.db, memberCaller(admin), { email: 'ed@example.org', role: 'reviewer' })).toMatchObject({ role: 'reviewer' });
    expect((await removeMember(store.db, memberCaller(admin), { email: 'ed@example.org' })).removedAt).toBeInstanceOf(Date);
    expect(await queryRows(store.db, sql`select id from sessions`)).toEqual([]);
    expect(await queryRows(store.db, sql`select id from api_tokens where revoked_at is null`)).toEqual([]);
    await expect(removeMember(store.db, MACHINE_OWNER, { email: 'ed@example.org' })).rejects.toMatchObject({ code: 'account.not_found' });
    const actions = (await auditActions(store.db)).map((entry) => `${entry.action} by ${entry.actorLabel}`);
    expect(actions).toEqual([
      'user.invited by cli (machine owner)',
      'user.invited by cli (machine owner)',
      'token.created by cli (machine owner)',
      'user.role-changed by ada@example.org',
      'user.removed by ada@example.org',
    ]);
    const reinvited = await inviteMember(store.db, MACHINE_OWNER, { email: 'ed@example.org', role: 'assessor' });
    expect(reinvited).toMatchObject({ id: editor.userId, role: 'assessor', removedAt: null });
  });
});


import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../store/sql-rows.ts';
import { describeEachDriver } from '../../store/test-support/test-database.ts';
import { hashSecret } from './account-secrets.ts';
import { actorOfApiToken, createApiToken, listApiTokens, revokeApiToken } from './api-tokens.usecases.ts';
import { MACHINE_OWNER, memberCaller } from './caller.ts';
import { PermissionDenied } from './roles.ts';
import { auditActions, inviteTestMember } from './test-support/account-fixtures.ts';

describeEachDriver('API tokens', (store) => {
  it('are shown once, stored only as a SHA-256, act as their member until revoked, and are audited', async () => {
    const ed = await inviteTestMember(store.db, 'ed@example.org', 'editor');
    const { token, summary } = await createApiToken(store.db, MACHINE_OWNER, { email: 'ed@example.org', name: 'laptop' });
    expect(token).toMatch(/^jzt_[A-Za-z0-9_-]{43}$/);
    const stored = await queryRows<Record<string, unknown>>(store.db, sql`select * from api_tokens`);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    expect(stored[0]?.token_hash).toBe(hashSecret(token));
    expect(await actorOfApiToken(store.db, token)).toEqual(ed);
    expect(await actorOfApiToken(store.db, `${token.slice(0, -1)}x`)).toBeNull();
    await revokeApiToken(store.db, memberCaller(ed), { id: summary.id });
    expect(await actorOfApiToken(store.db, token)).toBeNull();
    expect((await auditActions(store.db)).map((entry) => `${entry.action} ${entry.subject} by ${entry.actorLabel}`)).toEqual([
      `user.invited user:${ed.userId} by cli (machine owner)`,
      `token.created token:${summary.id} by cli (machine owner)`,
      `token.revoked token:${summary.id} by ed@example.org`,
    ]);
  });

  it('a member manages only their own tokens; an admin manages anyone\'s', async () => {
    const ed = await inviteTestMember(store.db, 'ed@example.org', 'editor');
    const ada = await inviteTestMember(store.db, 'ada@example.org', 'admin');
    const own = await createApiToken(store.db, memberCaller(ed), { name: 'mine' });
    await expect(createApiToken(store.db, memberCaller(ed), { email: 'ada@example.org', name: 'hers' })).rejects.toBeInstanceOf(PermissionDenied);
    await expect(listApiTokens(store.db, memberCaller(ed), { email: 'ada@example.org' })).rejects.toBeInstanceOf(PermissionDenied);
    const hers = await createApiToken(store.db, memberCaller(ada), { name: 'hers' });
    await expect(revokeApiToken(store.db, memberCaller(ed), { id: hers.summary.id })).rejects.toMatchObject({ code: 'account.not_found' });
    expect((await listApiTokens(store.db, memberCaller(ed))).map((token) => token.name)).toEqual(['mine']);
    expect((await listApiTokens(store.db, memberCaller(ada), { email: 'ed@example.org' })).map((token) => token.name)).toEqual(['mine']);
    expect((await revokeApiToken(store.db, memberCaller(ada), { id: own.summary.id })).revokedAt).toBeInstanceOf(Date);
    await expect(createApiToken(store.db, MACHINE_OWNER, { email: 'ed@example.org', name: 'a\nb' })).rejects.toThrow(/^name: found 3 characters; expected 1 to 80 printable characters on one line/);
  });
});

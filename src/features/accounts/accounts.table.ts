import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Role } from './roles.ts';

/** One person of the editorial team; addresses are stored lower-cased. A removed person keeps their row (the audit log names them). */
export const usersTable = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull().unique(),
    displayName: text('display_name'),
    role: text('role').$type<Role>().notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (table) => [check('users_role_check', sql`${table.role} in ('assessor', 'reviewer', 'editor', 'admin')`)],
);

/** Append-only record of every write in the studio and of every sign-in; the store refuses updates and deletes. */
export const auditLogTable = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for events without a signed-in person (a failed sign-in, a CLI run on the server's machine). */
    actorUserId: integer('actor_user_id').references(() => usersTable.id),
    /** Who acted as shown to an admin: an address, or "cli (machine owner)". */
    actorLabel: text('actor_label').notNull(),
    /** Dotted event name, such as `user.invited`, `session.signed-in`, `draft.saved`, `revision.published`. */
    action: text('action').notNull(),
    /** What it acted on, such as `user:12`, `draft:40`, `assessment:registered-nurses`. */
    subject: text('subject').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('audit_log_at_idx').on(table.at), index('audit_log_subject_idx').on(table.subject)],
);

/** A signed-in browser. The cookie carries a random id; the store keeps only its SHA-256, so a copy of the table opens no session. */
export const sessionsTable = pgTable(
  'sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    idHash: text('id_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => usersTable.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The WebAuthn challenge of a passkey registration under way in this session. */
    passkeyChallenge: text('passkey_challenge'),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** An emailed sign-in link: its token's SHA-256, single use, valid for minutes. */
export const signInLinksTable = pgTable(
  'sign_in_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => usersTable.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('sign_in_links_user_idx').on(table.userId)],
);

/** A WebAuthn credential a person registered after signing in once by link. */
export const passkeysTable = pgTable(
  'passkeys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => usersTable.id, { onDelete: 'cascade' }),
    /** The credential id, base64url. */
    credentialId: text('credential_id').notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    signCount: integer('sign_count').notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [index('passkeys_user_idx').on(table.userId)],
);

/** The challenge of a passkey sign-in under way, before anyone is signed in; single use, short-lived. */
export const passkeyChallengesTable = pgTable('passkey_challenges', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  idHash: text('id_hash').notNull().unique(),
  challenge: text('challenge').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** A bearer token for the CLI against a remote server, acting as its person; only its SHA-256 is stored. */
export const apiTokensTable = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => usersTable.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the token, shown in lists so a person can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('api_tokens_user_idx').on(table.userId)],
);

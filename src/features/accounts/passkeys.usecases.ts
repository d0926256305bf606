import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../store/database.ts';
import { hashSecret, newSecret } from './account-secrets.ts';
import { findActiveActor } from './accounts.repository.ts';
import { AccountError } from './accounts.errors.ts';
import { passkeyChallengesTable, passkeysTable, sessionsTable } from './accounts.table.ts';
import { appendAudit } from './audit-log.ts';
import type { Actor } from './roles.ts';
import { limitSignInAttempts, type SignedIn, type SignInDependencies } from './sign-in.usecases.ts';
import { openSession, replaceSession } from './sessions.usecases.ts';

/** The relying party of passkeys: the site's host and origin, from PUBLIC_URL. */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

/** Derives the relying party from the public address (its host is the RP ID: localhost in tests). */
export function relyingPartyOf(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, origin: url.origin, name: 'jobzone studio' };
}

/** A registered passkey as the account page lists it. */
export interface PasskeySummary {
  id: number;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const CHALLENGE_MINUTES = 5;
const MAX_PASSKEYS = 20;
const MAX_NAME_LENGTH = 60;

// The browser's answer is checked for shape here; its signatures are checked by @simplewebauthn/server.
const CredentialResponseSchema = z
  .object({ id: z.string().min(1).max(1_400), rawId: z.string().min(1).max(1_400), type: z.literal('public-key'), response: z.record(z.string(), z.unknown()) })
  .passthrough();

function parseCredential<T>(value: unknown): T {
  const parsed = CredentialResponseSchema.safeParse(value);
  if (!parsed.success) throw new AccountError('account.passkey_failed', `credential: found ${typeof value === 'object' ? 'an object of the wrong shape' : typeof value}; expected the answer of navigator.credentials as JSON`);
  return parsed.data as T;
}

/** Lists a member's passkeys. */
export async function listPasskeys(db: Database, actor: Actor): Promise<PasskeySummary[]> {
  return db
    .select({ id: passkeysTable.id, name: passkeysTable.name, createdAt: passkeysTable.createdAt, lastUsedAt: passkeysTable.lastUsedAt })
    .from(passkeysTable)
    .where(eq(passkeysTable.userId, actor.userId))
    .orderBy(passkeysTable.id);
}

/** Starts registering a passkey for the signed-in member; the challenge is kept on their session. */
export async function startPasskeyRegistration(db: Database, actor: Actor, sessionId: number, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.select({ credentialId: passkeysTable.credentialId, transports: passkeysTable.transports }).from(passkeysTable).where(eq(passkeysTable.userId, actor.userId));
  if (existing.length >= MAX_PASSKEYS) throw new AccountError('account.invalid', `passkeys: found ${existing.length}; expected at most ${MAX_PASSKEYS} per person`);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: actor.email,
    userID: new TextEncoder().encode(`jobzone-user-${actor.userId}`),
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: row.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await db.update(sessionsTable).set({ passkeyChallenge: options.challenge }).where(eq(sessionsTable.id, sessionId));
  return options;
}

/** Finishes a registration: checks the authenticator's answer against the session's challenge and stores the credential. */
export async function finishPasskeyRegistration(db: Database, actor: Actor, sessionId: number, rp: RelyingParty, input: { credential: unknown; name?: unknown }): Promise<PasskeySummary> {
  const response = parseCredential<RegistrationResponseJSON>(input.credential);
  const name = typeof input.name === 'string' && input.name.trim() !== '' ? input.name.trim().slice(0, MAX_NAME_LENGTH) : 'Passkey';
  return db.transaction(async (tx) => {
    const [session] = await tx.select({ challenge: sessionsTable.passkeyChallenge }).from(sessionsTable).where(eq(sessionsTable.id, sessionId)).for('update');
    const challenge = session?.challenge ?? null;
    await tx.update(sessionsTable).set({ passkeyChallenge: null }).where(eq(sessionsTable.id, sessionId));
    if (!challenge) throw new AccountError('account.passkey_failed', 'No passkey registration is under way in this session; start again from your account page.');
    const verification = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: false }).catch((error: unknown) => {
      throw new AccountError('account.passkey_failed', `The passkey could not be registered: ${(error as Error).message}`);
    });
    if (!verification.verified) throw new AccountError('account.passkey_failed', 'The passkey could not be verified; try again.');
    const { credential } = verification.registrationInfo;
    const [row] = await tx
      .insert(passkeysTable)
      .values({ userId: actor.userId, credentialId: credential.id, publicKey: Buffer.from(credential.publicKey).toString('base64url'), signCount: credential.counter, transports: credential.transports ?? [], name })
      .returning();
    if (!row) throw new Error('the passkey registration wrote no row');
    await appendAudit(tx, { actor, action: 'passkey.registered', subject: `user:${actor.userId}`, details: { passkey: row.id, name } });
    return { id: row.id, name: row.name, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt };
  });
}

/** Starts a passkey sign-in: returns the options for the browser and the secret naming the stored challenge (for a cookie). */
export async function startPasskeySignIn(db: Database, rp: RelyingParty, now = new Date()): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; challengeSecret: string }> {
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'preferred' });
  const challengeSecret = newSecret();
  await db.delete(passkeyChallengesTable).where(sql`${passkeyChallengesTable.expiresAt} < ${now}`);
  await db.insert(passkeyChallengesTable).values({ idHash: hashSecret(challengeSecret), challenge: options.challenge, expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000) });
  return { options, challengeSecret };
}

async function failPasskeySignIn(db: Database, reason: string, userId: number | null): Promise<never> {
  await appendAudit(db, { actor: null, actorLabel: 'anonymous', action: 'session.sign-in-failed', subject: userId === null ? 'sign-in' : `user:${userId}`, details: { method: 'passkey', reason } });
  throw new AccountError('account.passkey_failed', 'Signing in with this passkey did not work. Try again, or ask for a sign-in link by email.');
}

/** Signs in with a passkey: uses up the challenge, verifies the signature and counter, and opens a new session. */
export async function signInWithPasskey(deps: SignInDependencies, input: { challengeSecret: string | null; credential: unknown; previousSessionSecret: string | null }, clientAddress: string, now = new Date()): Promise<SignedIn> {
  await limitSignInAttempts(deps, clientAddress);
  const rp = relyingPartyOf(deps.publicUrl);
  const response = parseCredential<AuthenticationResponseJSON>(input.credential);
  const secret = input.challengeSecret && input.challengeSecret.length <= 100 ? input.challengeSecret : null;
  const [stored] = secret
    ? await deps.db
        .delete(passkeyChallengesTable)
        .where(and(eq(passkeyChallengesTable.idHash, hashSecret(secret)), gt(passkeyChallengesTable.expiresAt, now)))
        .returning({ challenge: passkeyChallengesTable.challenge })
    : [];
  if (!stored) return failPasskeySignIn(deps.db, 'no challenge, or it expired', null);
  const [passkey] = await deps.db.select().from(passkeysTable).where(eq(passkeysTable.credentialId, response.id)).limit(1);
  if (!passkey) return failPasskeySignIn(deps.db, 'unknown passkey', null);
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: stored.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.signCount, transports: passkey.transports },
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!verification.verified) return failPasskeySignIn(deps.db, 'signature not verified', passkey.userId);
  const signedIn = await deps.db.transaction(async (tx) => {
    const actor = await findActiveActor(tx, passkey.userId);
    if (!actor) return null;
    await tx.update(passkeysTable).set({ signCount: verification.authenticationInfo.newCounter, lastUsedAt: now }).where(eq(passkeysTable.id, passkey.id));
    const sessionSecret = await openSession(tx, actor.userId, now);
    await replaceSession(tx, input.previousSessionSecret, sessionSecret);
    await appendAudit(tx, { actor, action: 'session.signed-in', subject: `user:${actor.userId}`, details: { method: 'passkey', passkey: passkey.id } });
    return { actor, sessionSecret };
  });
  return signedIn ?? failPasskeySignIn(deps.db, 'member removed', passkey.userId);
}

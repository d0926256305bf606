/**
 * What a publication tells the processes that listen for it (NOTIFY on PUBLICATION_CHANNEL): how many
 * revisions, and which roles, so a process can update only those roles of its read model (ADR 0177).
 * No roles means "rebuild everything": a publication that follows a catalog load (which adds
 * occupations, titles and roles of its own), or one naming more roles than a NOTIFY payload holds.
 */
export interface PublicationSignal {
  revisions: number;
  roles?: string[];
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7000;
const MAX_SIGNALLED_ROLES = 500;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The NOTIFY payload of a publication of these roles; without them when the publication changed more than they say. */
export function publicationPayload(revisions: number, roles: readonly string[] | null): string {
  const everything = JSON.stringify({ revisions } satisfies PublicationSignal);
  if (roles === null) return everything;
  const named = JSON.stringify({ revisions, roles: [...new Set(roles)].sort() } satisfies PublicationSignal);
  return Buffer.byteLength(named) < MAX_PAYLOAD_BYTES ? named : everything;
}

/** The roles a publication payload names, or undefined when it names none (or is not one we wrote): rebuild everything then. */
export function signalledRoles(payload: string): string[] | undefined {
  let signal: unknown;
  try {
    signal = JSON.parse(payload.slice(0, MAX_PAYLOAD_BYTES + 1000));
  } catch {
    return undefined;
  }
  const roles = (signal as { roles?: unknown } | null)?.roles;
  if (!Array.isArray(roles) || roles.length === 0 || roles.length > MAX_SIGNALLED_ROLES) return undefined;
  return roles.every((role): role is string => typeof role === 'string' && SLUG.test(role)) ? roles : undefined;
}

import type { AuditEntry } from './audit-log.ts';
import { requirePermission, type Actor, type StudioAction } from './roles.ts';

/**
 * Who calls an account use case: a signed-in member (or an API token acting for one), whose role
 * decides, or the owner of the server's machine running the CLI there, who may do everything
 * (that is how the first admin is created).
 */
export type Caller = { kind: 'member'; actor: Actor } | { kind: 'machine-owner' };

export const MACHINE_OWNER: Caller = { kind: 'machine-owner' };
export const MACHINE_OWNER_LABEL = 'cli (machine owner)';

/** Wraps a signed-in member as a caller. */
export function memberCaller(actor: Actor): Caller {
  return { kind: 'member', actor };
}

/** Checks the caller may do `action`; the machine owner always may. */
export function authorize(caller: Caller, action: StudioAction): void {
  if (caller.kind === 'member') requirePermission(caller.actor, action);
}

/** The actor fields of an audit entry for this caller. */
export function auditedAs(caller: Caller): Pick<AuditEntry, 'actor' | 'actorLabel'> {
  return caller.kind === 'member' ? { actor: caller.actor } : { actor: null, actorLabel: MACHINE_OWNER_LABEL };
}

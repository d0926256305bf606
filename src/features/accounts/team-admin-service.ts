import type { Database } from '../../store/database.ts';
import type { Member } from './accounts.repository.ts';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenSummary } from './api-tokens.usecases.ts';
import { MACHINE_OWNER } from './caller.ts';
import { changeMemberRole, inviteMember, listTeam, removeMember } from './users.usecases.ts';

/** The people and token operations of the CLI, run as the machine owner: on the store, or through the running server that holds it. */
export interface TeamAdminService {
  addUser: (email: string, role: string) => Promise<Member>;
  listUsers: () => Promise<Member[]>;
  setRole: (email: string, role: string) => Promise<Member>;
  removeUser: (email: string) => Promise<Member>;
  createToken: (email: string, name: string | undefined) => Promise<{ token: string; summary: ApiTokenSummary }>;
  listTokens: (email: string | undefined) => Promise<ApiTokenSummary[]>;
  revokeToken: (id: string) => Promise<ApiTokenSummary>;
}

/** The names of the service's operations, as the internal API accepts them. */
export const TEAM_ADMIN_OPERATIONS = ['addUser', 'listUsers', 'setRole', 'removeUser', 'createToken', 'listTokens', 'revokeToken'] as const satisfies readonly (keyof TeamAdminService)[];

/** Builds the machine owner's operations over an open store; `onMailQueued` nudges a mail worker in the same process. */
export function createTeamAdminService(db: Database, onMailQueued?: () => void): TeamAdminService {
  return {
    addUser: (email, role) => inviteMember(db, MACHINE_OWNER, { email, role }, onMailQueued),
    listUsers: () => listTeam(db, MACHINE_OWNER),
    setRole: (email, role) => changeMemberRole(db, MACHINE_OWNER, { email, role }),
    removeUser: (email) => removeMember(db, MACHINE_OWNER, { email }),
    createToken: (email, name) => createApiToken(db, MACHINE_OWNER, { email, name }),
    listTokens: (email) => listApiTokens(db, MACHINE_OWNER, email === undefined ? {} : { email }),
    revokeToken: (id) => revokeApiToken(db, MACHINE_OWNER, { id }),
  };
}

import type { Database } from '../../../store/database.ts';
import { usersTable } from '../../accounts/accounts.table.ts';
import type { Actor, Role } from '../../accounts/roles.ts';

/** One member of each role, plus a second reviewer and a second assessor, as the studio's tests act. */
export interface StudioTeam {
  assessor: Actor;
  otherAssessor: Actor;
  reviewer: Actor;
  otherReviewer: Actor;
  editor: Actor;
  admin: Actor;
}

/** Inserts the team into the users table and returns them as actors. */
export async function createStudioTeam(db: Database): Promise<StudioTeam> {
  const wanted: [keyof StudioTeam, Role, string][] = [
    ['assessor', 'assessor', 'Ada Assessor'],
    ['otherAssessor', 'assessor', 'Otto Assessor'],
    ['reviewer', 'reviewer', 'Rita Reviewer'],
    ['otherReviewer', 'reviewer', 'Rolf Reviewer'],
    ['editor', 'editor', 'Edna Editor'],
    ['admin', 'admin', 'Adam Admin'],
  ];
  const team: Partial<StudioTeam> = {};
  for (const [key, role, displayName] of wanted) {
    const email = `${key.toLowerCase()}@studio.test`;
    const [row] = await db.insert(usersTable).values({ email, role, displayName }).returning({ id: usersTable.id });
    if (!row) throw new Error('inserting a user returned no row');
    team[key] = { userId: row.id, email, role };
  }
  return team as StudioTeam;
}

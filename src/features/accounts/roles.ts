/**
 * Who may do what in the editorial studio. Roles are cumulative (a reviewer may do what an
 * assessor may, an editor what a reviewer may, an admin everything); rules that depend on the
 * object — "never approve your own draft" — live in the use cases, which call `can` first.
 */
export const ROLES = ['assessor', 'reviewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in person (or an API token acting for one), as every studio use case receives it. */
export interface Actor {
  userId: number;
  email: string;
  role: Role;
}

export const STUDIO_ACTIONS = {
  'queue.view': 'assessor',
  'queue.assign': 'assessor',
  'draft.create': 'assessor',
  'draft.edit': 'assessor',
  'draft.submit': 'assessor',
  'feedback.view': 'assessor',
  'review.comment': 'reviewer',
  'review.request-changes': 'reviewer',
  'review.approve': 'reviewer',
  'feedback.resolve': 'reviewer',
  'calibration.view': 'reviewer',
  'revision.publish': 'editor',
  'evidence.bulk-set': 'editor',
  'methodology.rescore': 'editor',
  'users.manage': 'admin',
  'tokens.manage-any': 'admin',
  'audit.view': 'admin',
} as const satisfies Record<string, Role>;
export type StudioAction = keyof typeof STUDIO_ACTIONS;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `actor`'s role reaches the least role the action needs. */
export function can(actor: Actor | null | undefined, action: StudioAction): boolean {
  if (!actor) return false;
  return ROLES.indexOf(actor.role) >= ROLES.indexOf(STUDIO_ACTIONS[action]);
}

/** Raised by a use case when the actor may not do what it asked; pages answer 403, the CLI exits 1. */
export class PermissionDenied extends Error {
  readonly action: StudioAction;
  readonly actor: Actor | null;
  constructor(action: StudioAction, actor: Actor | null) {
    super(actor ? `${actor.email} (${actor.role}) may not ${action.replace('.', ' ')}; it needs the ${STUDIO_ACTIONS[action]} role or higher` : `sign in to ${action.replace('.', ' ')}`);
    this.action = action;
    this.actor = actor;
  }
}

export function requirePermission(actor: Actor | null | undefined, action: StudioAction): Actor {
  if (!actor || !can(actor, action)) throw new PermissionDenied(action, actor ?? null);
  return actor;
}

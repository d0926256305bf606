/** A store that cannot be opened, migrated or used; its message names the location and what to check. */
export class StoreError extends Error {}

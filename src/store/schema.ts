/** Every table of the store; drizzle-kit generates the migrations from this barrel. */
export * from '../features/catalog/catalog.table.ts';
export * from '../features/subscriptions/subscriptions.table.ts';
export * from '../features/mail/mail.table.ts';
export * from '../features/rate-limits/rate-limits.table.ts';
export * from '../features/open-data/open-data.table.ts';
export * from '../features/accounts/accounts.table.ts';
export * from '../features/studio/studio.table.ts';

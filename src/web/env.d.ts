/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The in-memory read model of the published catalog, refreshed when something is published. */
    readModel: import('../features/read-model/read-model.ts').ReadModel;
    /** Base of absolute links (canonical URLs, feeds, emails), from PUBLIC_URL. */
    publicUrl: string;
    /** The store, rate limiter and worker nudge the subscribe, confirm and unsubscribe endpoints use. */
    subscriptions: import('../features/subscriptions/subscriptions.usecases.ts').SubscriptionDependencies;
    /** Rendered pages by read-model version and URL; the server answers hits from it before Astro runs. */
    /** The client's IP address: the socket's peer, or the client a trusted proxy (TRUST_PROXY) forwarded for. */
    clientAddress: string;
    /** The signed-in member of the editorial team, from the session cookie (null for readers); the studio's use cases take it as their actor. */
    actor: import('../features/accounts/roles.ts').Actor | null;
    /** The signed-in browser's session (row, cookie secret and CSRF token), or null for readers. */
    session: import('../features/accounts/sessions.usecases.ts').BrowserSession | null;
    /** The token every state-changing studio form carries in a hidden "csrf" field (or fetch in an x-csrf-token header); null for readers. */
    csrfToken: string | null;
    /** What sign-in, sessions and passkeys need (null on servers started without accounts, such as some tests). */
    accounts: import('../features/accounts/sign-in.usecases.ts').SignInDependencies | null;
    renderCache: import('../features/render-cache/render-cache.ts').RenderCache;
    /** The store-backed rate limiter and the per-client limits of /api/v1 (null: no limits). */
    api: { limiter: import('../features/rate-limits/synced-rate-limiter.ts').SyncedRateLimiter; limits: import('../features/open-data/api-http.ts').ApiRateLimits | null };
    /** The bulk files of the current read model and the monthly snapshots (/data). */
    openData: import('../features/open-data/open-data.usecases.ts').OpenData;
  }
}

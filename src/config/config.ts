import { isIP } from 'node:net';
import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const postgresUrl = optionalText.refine(
  (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
  'a PostgreSQL connection URL such as postgres://user@host:5432/database',
);

const MAX_RENDER_THREADS = 8;

function positiveInteger(description: string, max: number, fallback: number) {
  return optionalText
    .refine((value) => value === undefined || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= max), description)
    .transform((value) => (value === undefined ? fallback : Number(value)));
}

function isProxyAddress(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const proxyList = optionalText
  .transform((value) => (value === undefined ? [] : value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')))
  .refine((entries) => entries.length <= 100 && entries.every(isProxyAddress), 'a comma-separated list of proxy IP addresses or CIDR ranges, such as 127.0.0.1,10.0.0.0/8');

/** Every setting jobzone reads from the environment, with its meaning and default. */
const EnvironmentSchema = z.object({
  /** Folder for local state; the embedded PGlite database lives in its pglite/ subfolder. */
  JOBZONE_DATA_DIR: optionalText.transform((value) => value ?? './data'),
  /** The user's cache folder (XDG base directories); jobzone keeps what it may always recompute there. */
  XDG_CACHE_HOME: optionalText.transform((value) => value ?? join(homedir(), '.cache')),
  /** PostgreSQL connection URL; when set, the store uses PostgreSQL instead of the embedded PGlite. */
  DATABASE_URL: postgresUrl,
  /** PostgreSQL server for the store tests; when unset outside CI, the tests run on PGlite only. */
  TEST_DATABASE_URL: postgresUrl,
  /** Set by CI systems; under CI the PostgreSQL store tests must run and fail rather than be left out. */
  CI: optionalText.transform((value) => value !== undefined && value !== 'false' && value !== '0'),
  /** TCP port the web server listens on. */
  PORT: optionalText
    .refine((value) => value === undefined || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65535), 'a port number from 1 to 65535')
    .transform((value) => (value === undefined ? 4321 : Number(value))),
  /** Address readers reach the site at, used in links in mail and feeds; defaults to http://localhost:<PORT>. */
  PUBLIC_URL: optionalText.refine((value) => value === undefined || URL.canParse(value), 'an absolute URL such as https://jobzone.example'),
  /** Name recorded as the author of revisions published from this machine when `--author` is not given. */
  JOBZONE_AUTHOR: optionalText,
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example:587; unset means mail is not sent. */
  SMTP_URL: optionalText.refine((value) => value === undefined || /^smtps?:\/\//.test(value), 'an smtp:// or smtps:// URL'),
  /** Sender of every email jobzone sends (confirmations, updates), e.g. "jobzone <updates@jobzone.example>". */
  MAIL_FROM: optionalText.transform((value) => value ?? 'jobzone <updates@localhost>'),
  /** Delivery attempts per email before it is set aside as a dead letter with its last error. */
  MAIL_MAX_ATTEMPTS: positiveInteger('a whole number of attempts from 1 to 100', 100, 8),
  /** Seconds a mail worker owns a claimed email; after a crash, another worker takes it over once this has passed. */
  MAIL_LEASE_SECONDS: positiveInteger('a whole number of seconds from 1 to 3600', 3600, 120),
  /** Reverse proxies (IP addresses or CIDR ranges, comma-separated) whose X-Forwarded-For header names the client; unset trusts no header. */
  TRUST_PROXY: proxyList,
  /** Hours a studio session lasts without a request before it must sign in again. */
  SESSION_IDLE_HOURS: positiveInteger('a whole number of hours from 1 to 720', 720, 12),
  /** Days a studio session lasts at most, however active, before it must sign in again. */
  SESSION_MAX_DAYS: positiveInteger('a whole number of days from 1 to 90', 90, 7),
  /** Address of a remote jobzone server; with JOBZONE_TOKEN, publish, export, revisions, evidence set and methodology rescore go there over HTTP. */
  JOBZONE_URL: optionalText.refine((value) => value === undefined || /^https?:\/\//.test(value) && URL.canParse(value), 'an http:// or https:// URL such as https://jobzone.example'),
  /** API token (from "jobzone tokens create") the CLI sends to JOBZONE_URL; it acts as that person, with that person's role. */
  JOBZONE_TOKEN: optionalText,
  /** Web processes to run on PostgreSQL (each follows publications through LISTEN/NOTIFY); defaults to the number of cores. The embedded store always runs one. */
  WEB_CONCURRENCY: positiveInteger('a whole number of processes from 1 to 64', 64, availableParallelism()),
  /** Whether the server renders every read-model page ahead of requests after start ("true" by default; "false" for short-lived test servers). */
  /** Render threads beside the web process (ADR 0178); left out, the embedded store uses all cores but one and PostgreSQL none. */
  RENDER_THREADS: optionalText
    .refine((value) => value === undefined || (/^\d+$/.test(value) && Number(value) <= MAX_RENDER_THREADS), `a whole number of threads from 0 to ${MAX_RENDER_THREADS}`)
    .transform((value) => (value === undefined ? undefined : Number(value))),
  JOBZONE_PRERENDER: optionalText
    .refine((value) => value === undefined || value === 'true' || value === 'false', 'true or false')
    .transform((value) => value !== 'false'),
});

export interface Config {
  /** Folder for local state (JOBZONE_DATA_DIR). */
  dataDir: string;
  /** The user's cache folder (XDG_CACHE_HOME, else ~/.cache): only what can be recomputed. */
  cacheDir: string;
  /** PostgreSQL URL of the store, or undefined for the embedded PGlite (DATABASE_URL). */
  databaseUrl: string | undefined;
  /** PostgreSQL URL for the store tests (TEST_DATABASE_URL). */
  testDatabaseUrl: string | undefined;
  /** True when running under CI (CI). */
  ci: boolean;
  /** Web server port (PORT). */
  port: number;
  /** Public address of the site, without a trailing slash (PUBLIC_URL). */
  publicUrl: string;
  /** SMTP server URL, or undefined when mail is off (SMTP_URL). */
  smtpUrl: string | undefined;
  /** Default author of published revisions (JOBZONE_AUTHOR), or undefined for "jobzone editorial team". */
  author: string | undefined;
  /** Sender address of outgoing mail (MAIL_FROM). */
  mailFrom: string;
  /** Delivery attempts per email before it becomes a dead letter (MAIL_MAX_ATTEMPTS). */
  mailMaxAttempts: number;
  /** Seconds a worker's claim on an email lasts before another worker may take it over (MAIL_LEASE_SECONDS). */
  mailLeaseSeconds: number;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); empty means the socket's peer is the client. */
  trustedProxies: readonly string[];
  /** Idle and absolute lifetime of a studio session (SESSION_IDLE_HOURS, SESSION_MAX_DAYS). */
  sessionLifetime: { idleHours: number; maxDays: number };
  /** The remote server the publishing commands go to as a person (JOBZONE_URL and JOBZONE_TOKEN), or undefined for this machine's store. */
  remote?: { url: string | undefined; token: string | undefined } | undefined;
  /** Web processes on PostgreSQL (WEB_CONCURRENCY); the embedded store runs one. */
  webConcurrency: number;
  /** Whether pages are rendered ahead of requests after start (JOBZONE_PRERENDER). */
  prerender: boolean;
  /** Worker threads rendering query pages beside the web process (RENDER_THREADS, ADR 0178): 0–8. */
  renderThreads: number;
}

/** Raised when an environment variable has a value jobzone cannot use; the message names it. */
export class ConfigError extends Error {}

/** Parses the environment into the typed configuration, naming every variable that is wrong. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = EnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name}=${JSON.stringify(env[name] ?? '')}: expected ${issue.message.replace(/^Invalid input: expected /, '')}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  return {
    dataDir: values.JOBZONE_DATA_DIR,
    cacheDir: values.XDG_CACHE_HOME,
    databaseUrl: values.DATABASE_URL,
    testDatabaseUrl: values.TEST_DATABASE_URL,
    ci: values.CI,
    port: values.PORT,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, ''),
    smtpUrl: values.SMTP_URL,
    author: values.JOBZONE_AUTHOR,
    mailFrom: values.MAIL_FROM,
    mailMaxAttempts: values.MAIL_MAX_ATTEMPTS,
    mailLeaseSeconds: values.MAIL_LEASE_SECONDS,
    trustedProxies: values.TRUST_PROXY,
    sessionLifetime: { idleHours: values.SESSION_IDLE_HOURS, maxDays: values.SESSION_MAX_DAYS },
    remote: values.JOBZONE_URL === undefined && values.JOBZONE_TOKEN === undefined ? undefined : { url: values.JOBZONE_URL?.replace(/\/+$/, ''), token: values.JOBZONE_TOKEN },
    webConcurrency: values.WEB_CONCURRENCY,
    prerender: values.JOBZONE_PRERENDER,
    // PostgreSQL runs a process per core (WEB_CONCURRENCY); the embedded store's one process gets the other cores as threads.
    renderThreads: values.RENDER_THREADS ?? (values.DATABASE_URL ? 0 : Math.min(MAX_RENDER_THREADS, availableParallelism() - 1)),
  };
}

function loadProcessConfig(): Readonly<Config> {
  try {
    return Object.freeze(loadConfig(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Read once at start: a wrong setting stops the process with the fix, not a stack trace.
    process.stderr.write(`jobzone: ${error.message}\n`);
    process.exit(1);
  }
}

/** The configuration of this process, read once from its environment. */
export const config: Readonly<Config> = loadProcessConfig();

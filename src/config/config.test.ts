import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('the configuration', () => {
  it('works with no environment at all: PGlite in ./data, port 4321, no mail', () => {
    expect(loadConfig({})).toEqual({
      dataDir: './data',
      cacheDir: join(homedir(), '.cache'),
      databaseUrl: undefined,
      testDatabaseUrl: undefined,
      ci: false,
      port: 4321,
      publicUrl: 'http://localhost:4321',
      smtpUrl: undefined,
      author: undefined,
      mailFrom: 'jobzone <updates@localhost>',
      mailMaxAttempts: 8,
      mailLeaseSeconds: 120,
      trustedProxies: [],
      sessionLifetime: { idleHours: 12, maxDays: 7 },
      remote: undefined,
      webConcurrency: availableParallelism(),
      prerender: true,
      renderThreads: Math.min(8, availableParallelism() - 1),
    });
  });

  it('reads the remote server of the CLI and the session lifetimes, and names a wrong value', () => {
    expect(loadConfig({ JOBZONE_URL: 'https://jobzone.example/', JOBZONE_TOKEN: 'jzt_x' }).remote).toEqual({ url: 'https://jobzone.example', token: 'jzt_x' });
    expect(loadConfig({ SESSION_IDLE_HOURS: '2', SESSION_MAX_DAYS: '1' }).sessionLifetime).toEqual({ idleHours: 2, maxDays: 1 });
    expect(() => loadConfig({ JOBZONE_URL: 'ftp://x' })).toThrow(/JOBZONE_URL="ftp:\/\/x": expected an http/);
  });

  it('runs WEB_CONCURRENCY web processes (1 to 64) and pre-renders unless JOBZONE_PRERENDER is "false"', () => {
    expect(loadConfig({ WEB_CONCURRENCY: '3', JOBZONE_PRERENDER: 'false' })).toMatchObject({ webConcurrency: 3, prerender: false });
    expect(() => loadConfig({ WEB_CONCURRENCY: '0' })).toThrow('WEB_CONCURRENCY="0": expected a whole number of processes from 1 to 64');
    expect(() => loadConfig({ WEB_CONCURRENCY: 'many' })).toThrow(ConfigError);
    expect(() => loadConfig({ JOBZONE_PRERENDER: 'no' })).toThrow('JOBZONE_PRERENDER="no": expected true or false');
  });

  it('renders in RENDER_THREADS threads (0 to 8): by default all cores but one on the embedded store, none on PostgreSQL', () => {
    expect(loadConfig({ RENDER_THREADS: '0' }).renderThreads).toBe(0);
    expect(loadConfig({ RENDER_THREADS: '3' }).renderThreads).toBe(3);
    expect(loadConfig({}).renderThreads).toBe(Math.min(8, availableParallelism() - 1));
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/jobzone' }).renderThreads).toBe(0);
    expect(() => loadConfig({ RENDER_THREADS: '9' })).toThrow('RENDER_THREADS="9": expected a whole number of threads from 0 to 8');
  });

  it('trusts X-Forwarded-For only from the proxies TRUST_PROXY names', () => {
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8,::1 ' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow('TRUST_PROXY="yes": expected a comma-separated list of proxy IP addresses or CIDR ranges');
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(ConfigError);
  });

  it('derives the public address from the port unless PUBLIC_URL is set', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://jobzone.example/' }).publicUrl).toBe('https://jobzone.example');
  });

  it('reads every setting it documents', () => {
    const loaded = loadConfig({
      JOBZONE_DATA_DIR: '/var/lib/jobzone',
      XDG_CACHE_HOME: '/var/cache/jobzone-user',
      DATABASE_URL: 'postgres://app@db:5432/jobzone',
      TEST_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test',
      CI: 'true',
      SMTP_URL: 'smtp://mail.example:587',
      JOBZONE_AUTHOR: 'Ada Assessor',
      MAIL_FROM: 'jobzone <updates@jobzone.example>',
      MAIL_MAX_ATTEMPTS: '5',
      MAIL_LEASE_SECONDS: '30',
    });
    expect(loaded).toMatchObject({
      dataDir: '/var/lib/jobzone',
      cacheDir: '/var/cache/jobzone-user',
      databaseUrl: 'postgres://app@db:5432/jobzone',
      testDatabaseUrl: 'postgresql://postgres@127.0.0.1:5432/test',
      ci: true,
      smtpUrl: 'smtp://mail.example:587',
      author: 'Ada Assessor',
      mailFrom: 'jobzone <updates@jobzone.example>',
      mailMaxAttempts: 5,
      mailLeaseSeconds: 30,
    });
  });

  it('refuses a number of mail attempts that is not a whole number from 1 to 100', () => {
    expect(() => loadConfig({ MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS="0": expected a whole number of attempts from 1 to 100/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', JOBZONE_DATA_DIR: ' ', CI: '' })).toMatchObject({ databaseUrl: undefined, dataDir: './data', ci: false });
  });

  it('names each wrong variable, what it holds and what it expects', () => {
    const load = () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://db/jobzone' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT="abc": expected a port number from 1 to 65535/);
    expect(load).toThrow(/DATABASE_URL="mysql:\/\/db\/jobzone": expected a PostgreSQL connection URL/);
  });
});

/**
 * Probes the running site the way an attacker would (issue 9) and checks each finding is fixed:
 * amplification URLs do not grow memory, rate limits in one namespace survive 1,000 calls in
 * another, big and slow bodies are refused, TRACE is not a 500, security headers are present,
 * and Brotli is served. Starts the real server (`src/server/main.ts`) on a fresh data directory.
 *
 * Usage: npm run bench:hardening [-- --urls 2000 --concurrency 8]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findFreePort } from '../src/shared/free-port.ts';
import { send, type RawAnswer } from '../src/server/test-support/site-under-test.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { urls: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '8' } } });
const URL_COUNT = Number(values.urls);
const CONCURRENCY = Number(values.concurrency);
const RSS_BUDGET_MB = 300;
const ROLE = '/roles/registered-nurses/all-levels';

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function waitForStart(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 300 s:\n${log()}`)), 300_000);
    child.stdout?.on('data', () => {
      if (log().includes('jobzone is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}:\n${log()}`)));
  });
}

/** The amplification URLs of the issue: long bad lists in /report and /compare, and junk parameters. */
function amplificationUrl(index: number): string {
  const salt = `${index.toString(36)}x`;
  switch (index % 3) {
    case 0:
      return `/report?role=registered-nurses/all-levels&t=${Array.from({ length: 1_500 }, (_, item) => (item === 0 ? salt : '0')).join(',')}`;
    case 1:
      return `/compare?roles=${Array.from({ length: 1_200 }, (_, item) => `r${item}${salt}`).join(',')}`;
    default:
      return `${ROLE}?x=${salt}${'j'.repeat(2_000)}`;
  }
}

interface Check {
  name: string;
  passed: boolean;
  detail: string;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jobzone-probe-'));
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), JOBZONE_DATA_DIR: dataDir, PUBLIC_URL: base, DATABASE_URL: '', TRUST_PROXY: '127.0.0.1', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const checks: Check[] = [];
  try {
    await waitForStart(child, () => output);
    const pid = child.pid ?? 0;
    const get = (path: string, headers: Record<string, string> = {}) => send(base, 'GET', path, { headers });
    await get(ROLE);

    // 1. Memory: distinct amplification URLs, several at a time.
    const startRss = await rssMb(pid);
    let peakRss = startRss;
    let next = 0;
    let largestPage = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < URL_COUNT) {
          const index = next++;
          const answer = await get(amplificationUrl(index), { 'accept-encoding': 'br, gzip' });
          largestPage = Math.max(largestPage, answer.body.byteLength);
          if (index % 100 === 0) peakRss = Math.max(peakRss, await rssMb(pid));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const endRss = await rssMb(pid);
    peakRss = Math.max(peakRss, endRss);
    checks.push({
      name: `${URL_COUNT} amplification URLs`,
      passed: peakRss - startRss <= RSS_BUDGET_MB,
      detail: `RSS ${startRss.toFixed(0)} → ${endRss.toFixed(0)} MB (peak ${peakRss.toFixed(0)}, budget +${RSS_BUDGET_MB}); largest answer ${(largestPage / 1024).toFixed(0)} KB; ${(URL_COUNT / seconds).toFixed(0)} URLs/s`,
    });

    // 2. Rate limits: an address's limit holds through 1,000 calls from other clients (other namespace).
    const subscribe = (email: string, client: string): Promise<RawAnswer> =>
      send(base, 'POST', `${ROLE}/subscribe`, {
        headers: { 'content-type': 'application/json', accept: 'application/json', origin: base, 'x-forwarded-for': client },
        body: JSON.stringify({ email }),
      });
    const early = [];
    for (let attempt = 0; attempt < 4; attempt += 1) early.push((await subscribe('target@example.com', `198.51.100.${attempt + 1}`)).status);
    const others: number[] = [];
    for (let call = 0; call < 1_000; call += 1) others.push((await subscribe(`other-${call}@example.com`, `10.${call >> 16}.${(call >> 8) & 255}.${call & 255}`)).status);
    const after = (await subscribe('target@example.com', '198.51.100.200')).status;
    checks.push({
      name: '1,000 calls in one namespace keep the other',
      passed: early.join(',') === '202,202,202,429' && after === 429 && others.every((status) => status === 202),
      detail: `address: ${early.join(', ')}; 1,000 other clients: ${others.filter((status) => status === 202).length} × 202; address again: ${after}`,
    });
    const sameNetwork = [];
    for (let call = 0; call < 21; call += 1) sameNetwork.push((await subscribe(`v6-${call}@example.com`, `2001:db8:1:2::${(call + 1).toString(16)}`)).status);
    checks.push({ name: 'IPv6 clients counted by /64', passed: sameNetwork.at(-1) === 429, detail: `21 addresses in one /64: last answer ${sameNetwork.at(-1)}` });

    // 3. Bodies.
    const big = await send(base, 'POST', `${ROLE}/subscribe`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.alloc(1024 * 1024, 'a') });
    checks.push({ name: '1 MB POST', passed: big.status === 413, detail: `status ${big.status}` });
    const chunked = await send(base, 'POST', `${ROLE}/subscribe`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 64 }, () => Buffer.alloc(16 * 1024, 'a')),
    });
    checks.push({ name: '1 MB chunked POST', passed: chunked.status === 413, detail: `status ${chunked.status}` });

    // 4. Methods and headers.
    const trace = await send(base, 'TRACE', '/');
    checks.push({ name: 'TRACE /', passed: trace.status === 405 && !output.includes('TypeError'), detail: `${trace.status} ${trace.statusMessage}` });
    const missing = await get('/no/such/page');
    checks.push({ name: '404 status line', passed: `${missing.status} ${missing.statusMessage}` === '404 Not Found', detail: `${missing.status} ${missing.statusMessage}` });
    const home = await get('/');
    const wanted = ['content-security-policy', 'x-content-type-options', 'referrer-policy'];
    checks.push({
      name: 'security headers',
      passed: wanted.every((name) => home.headers[name]) && home.headers['content-type'] === 'text/html; charset=utf-8',
      detail: wanted.map((name) => `${name}: ${String(home.headers[name] ?? 'missing').slice(0, 40)}`).join('; '),
    });
    const br = await get('/', { 'accept-encoding': 'br' });
    checks.push({ name: 'Accept-Encoding: br', passed: br.headers['content-encoding'] === 'br', detail: `content-encoding ${br.headers['content-encoding'] ?? 'none'}, ${br.body.byteLength} of ${home.body.byteLength} bytes` });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
  for (const check of checks) process.stdout.write(`${check.passed ? 'pass' : 'FAIL'}  ${check.name}: ${check.detail}\n`);
  if (checks.some((check) => !check.passed)) process.exitCode = 1;
}

await main();

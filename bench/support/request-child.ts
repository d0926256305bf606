/**
 * A client in a process of its own, for benchmarks that measure the CPU of a server in theirs: reads a
 * JSON array of paths on stdin, GETs them one after another on one kept-alive connection, and prints
 * one JSON line: each answer's status, wall time and bytes as sent. It is told nothing while it runs,
 * so the server's process spends nothing on it between requests.
 * Usage: node bench/support/request-child.ts <base url> [accept-encoding] < paths.json
 */
import { text } from 'node:stream/consumers';
import { Agent, request } from 'node:http';

export interface ChildReport {
  statuses: number[];
  wallMs: number[];
  bytes: number;
}

const [base, acceptEncoding = 'br, gzip'] = process.argv.slice(2);
if (!base) throw new Error('usage: request-child.ts <base url> [accept-encoding] < paths.json');
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function get(path: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const sent = request(`${base}${path}`, { agent, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

const paths = JSON.parse(await text(process.stdin)) as string[];
const report: ChildReport = { statuses: [], wallMs: [], bytes: 0 };
for (const path of paths) {
  const started = performance.now();
  const answer = await get(path);
  report.wallMs.push(performance.now() - started);
  report.statuses.push(answer.status);
  report.bytes += answer.bytes;
}
agent.destroy();
process.stdout.write(`${JSON.stringify(report)}\n`);

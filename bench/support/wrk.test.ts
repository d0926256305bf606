import { describe, expect, it } from 'vitest';
import { nginxConfiguration } from './nginx.ts';
import { parseWrkReport, pathRotationScript } from './wrk.ts';

const REPORT = `Running 10s test @ http://127.0.0.1:8080/
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.23ms  456.00us  12.34ms   90.00%
    Req/Sec    40.00k     2.00k   45.00k    80.00%
  Latency Distribution
     50%  850.00us
     75%    1.30ms
     90%    1.60ms
     99%    3.20ms
  400123 requests in 10.00s, 100.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:  40012.30
Transfer/sec:     10.00MB
`;

describe("reading wrk's --latency report", () => {
  it('reads throughput, the percentiles in milliseconds whatever their unit, and every failure', () => {
    expect(parseWrkReport(REPORT)).toEqual({ perSecond: 40012.3, p50: 0.85, p99: 3.2, max: 12.34, requests: 400123, timeouts: 1, errors: 10 });
  });

  it('refuses a report without a latency distribution rather than printing a wrong figure', () => {
    expect(() => parseWrkReport(REPORT.replace(/ {5}99%.*\n/, ''))).toThrow(/could not be read/);
  });
});

describe('the load a benchmark sends', () => {
  it('rotates through every path in a wrk script, quoting what Lua would misread', () => {
    const script = pathRotationScript(['/search?q=a', '/search?q="b"']);
    expect(script).toContain('"/search?q=a"');
    expect(script).toContain('"/search?q=\\"b\\""');
    expect(script).toContain('% #paths');
  });

  it('has nginx send the stored Brotli and gzip copies only to clients that accept them', () => {
    const conf = nginxConfiguration({ work: '/tmp/w', port: 8080, answer: { fileName: 'page.html', body: 'x', contentType: 'text/html', brotli: Buffer.from('b'), gzipped: Buffer.from('g') } });
    expect(conf).toContain('"~*\\bbr\\b" ".br"');
    expect(conf).toContain('"~*\\bgzip\\b" ".gz"');
    expect(conf).toContain('try_files /page.html$precompressed =404');
    expect(nginxConfiguration({ work: '/tmp/w', port: 8080, answer: { fileName: 'a.json', body: 'x', contentType: 'application/json' } })).not.toContain('bbr');
  });
});

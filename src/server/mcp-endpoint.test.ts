import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ERAS, connectClient, exerciseJobzoneServer } from '../mcp/test-support/mcp-client-checks.ts';
import { send, startSiteInProcess, type SiteUnderTest } from './test-support/site-under-test.ts';

let site: SiteUnderTest;
const PUBLIC_URL = 'http://localhost:4321';

beforeAll(async () => {
  site = await startSiteInProcess({ bodyLimits: { maxBodyBytes: 64 * 1024, bodyTimeoutMs: 2_000 } });
}, 600_000);
afterAll(async () => site.close());

describe('the web server at /mcp (Streamable HTTP)', () => {
  for (const era of CLIENT_ERAS) {
    it(`serves every tool and the methodology to a client opening with ${era.name}`, { timeout: 120_000 }, async () => {
      const client = await connectClient(new StreamableHTTPClientTransport(new URL(`${site.url}/mcp`)), era);
      try {
        await exerciseJobzoneServer(client, PUBLIC_URL);
      } finally {
        await client.close();
      }
    });
  }

  it('refuses a message larger than the request body limit before reading it', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'search_jobs', arguments: { query: 'x'.repeat(70 * 1024) } } });
    const answer = await send(site.url, 'POST', '/mcp', { headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body });
    expect(answer.status).toBe(413);
  });

  it('answers the session operations of a stateful server as not allowed: it keeps no sessions', async () => {
    expect((await send(site.url, 'GET', '/mcp', { headers: { accept: 'text/event-stream' } })).status).toBe(405);
    expect((await send(site.url, 'DELETE', '/mcp')).status).toBe(405);
  });

  it('answers a body that is not JSON-RPC with a JSON-RPC parse error, not a page', async () => {
    const answer = await send(site.url, 'POST', '/mcp', { headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: '{not json' });
    expect(answer.status).toBe(400);
    expect(answer.body.toString()).toContain('"jsonrpc"');
  });
});

import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { describe, it } from 'vitest';
import { CLIENT_ERAS, connectClient, exerciseJobzoneServer } from '../../features/mcp/test-support/mcp-client-checks.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PUBLIC_URL = 'http://jobzone.test';

// Each connection starts Node and reads the whole catalog; the 2026 client starts a second process for its discovery probe.
describe('npx jobzone mcp (a real stdio child process)', () => {
  for (const era of CLIENT_ERAS) {
    it(`serves every tool and the methodology to a client opening with ${era.name}`, { timeout: 240_000 }, async () => {
      const transport = new StdioClientTransport({
        command: 'npx',
        args: ['--no-install', 'jobzone', 'mcp'],
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PUBLIC_URL },
        stderr: 'pipe',
      });
      const client = await connectClient(transport, era);
      try {
        await exerciseJobzoneServer(client, PUBLIC_URL);
      } finally {
        await client.close();
      }
    });
  }
});

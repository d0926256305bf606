import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { describe, it } from 'vitest';
import { CLIENT_ERAS, connectClient, exerciseJobzoneServer } from '../../features/mcp/test-support/mcp-client-checks.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PUBLIC_URL = 'http://jobzone.test';

// The SDK's own stdio transport probes the 2026 revision on a second child process; a subclass probes on
// the one connection, so each test starts the server once (the machine running tests may be slow).
class SingleProcessStdioTransport extends StdioClientTransport {}

// Each connection starts Node and reads the whole catalog.
describe('npx jobzone mcp (a real stdio child process)', () => {
  for (const era of CLIENT_ERAS) {
    it(`serves every tool and the methodology to a client opening with ${era.name}`, { timeout: 240_000 }, async () => {
      const transport = new SingleProcessStdioTransport({
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

import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../test-support/capture-io.ts';
import { CLIENT_ERAS, connectClient, exerciseJobzoneServer } from '../../mcp/test-support/mcp-client-checks.ts';

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

describe('jobzone mcp in the command list', () => {
  it('is listed by --help and explains where its figures come from', async () => {
    expect((await runCaptured(['--help'])).stdout).toMatch(/^ {2}mcp {2,}Serve the catalog to AI assistants/m);
    const help = await runCaptured(['mcp', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('committed catalog');
  });

  it('reports a catalog folder it cannot read in one line, before serving anything', async () => {
    const answer = await runCaptured(['mcp', '--root', '/nonexistent-jobzone-root']);
    expect(answer.code).toBe(1);
    expect(answer.stderr).toMatch(/^jobzone mcp: the catalog cannot be read: /);
    expect(answer.stdout).toBe('');
  });
});

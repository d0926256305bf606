import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { config } from '../../config/config.ts';
import { readCatalogToLoad } from '../../features/catalog/catalog-source.ts';
import { readModelInputFromFiles } from '../../features/read-model/read-model-from-files.ts';
import { buildReadModel } from '../../features/read-model/read-model.ts';
import { describeFailure } from '../../store/store-failure.ts';
import { EXIT, type Command } from '../cli-io.ts';
import { parseCommandArgs } from '../parse-args.ts';

/** The largest JSON-RPC message read from stdin; every jobzone tool input is a few kilobytes at most. */
export const MAX_STDIO_MESSAGE_BYTES = 256 * 1024;

/** Builds the command over given streams; the CLI uses the process's own. */
export function createMcpCommand(streams: { stdin: Readable; stdout: Writable } = { stdin: process.stdin, stdout: process.stdout }): Command {
  return {
    usage: `Usage: jobzone mcp [--root <dir>]

Serves jobzone to an MCP client over stdin/stdout until the client closes stdin: the tools
search_jobs, get_assessment, compare_roles, personal_score and list_movers, and the methodology
as the resources jobzone://methodology and jobzone://methodology/text. Clients of the 2026-07-28
revision and those that open with initialize are both served.

The figures are those of the committed catalog (catalog/ and content/assessments/ of this
checkout, every assessment at revision 1), so no store or running server is needed; the web
server's /mcp endpoint serves what is published in the store. Links point at PUBLIC_URL
(now ${config.publicUrl}). Nothing but MCP messages is written to stdout.

Options:
  --root <dir>  read catalog/ and content/ from this folder (default: this checkout)
  -h, --help    show this help

Exit codes: 0 the client closed the connection, 1 the catalog cannot be read, 2 usage error.`,
    async run(args, io) {
      const { values } = parseCommandArgs(args, { root: { type: 'string' } });
      let model;
      try {
        const catalog = await readCatalogToLoad(values.root === undefined ? undefined : resolve(io.cwd, values.root));
        model = buildReadModel(readModelInputFromFiles(catalog));
      } catch (error) {
        io.stderr(`jobzone mcp: the catalog cannot be read: ${describeFailure(error)}\n`);
        return EXIT.invalid;
      }
      // Loaded here, not at the top: every other command starts without the MCP SDK.
      const [{ serveStdio, StdioServerTransport }, { createJobzoneMcpServer }] = await Promise.all([
        import('@modelcontextprotocol/server/stdio'),
        import('../../mcp/mcp-server.ts'),
      ]);
      const closed = new Promise<void>((done) => {
        streams.stdin.once('end', done);
        streams.stdin.once('close', done);
      });
      const handle = serveStdio(() => createJobzoneMcpServer({ readModel: () => model, publicUrl: config.publicUrl }), {
        transport: new StdioServerTransport(streams.stdin, streams.stdout, { maxBufferSize: MAX_STDIO_MESSAGE_BYTES }),
        onerror: (error) => io.stderr(`jobzone mcp: ${error.message}\n`),
      });
      io.stderr(`jobzone mcp: serving ${model.assessments.size} assessments over stdio (committed catalog).\n`);
      await closed;
      await handle.close();
      return EXIT.ok;
    },
  };
}

export const mcpCommand: Command = createMcpCommand();

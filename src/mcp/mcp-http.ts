import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMcpHandler, type McpHttpHandler } from '@modelcontextprotocol/server';
import { toWebRequest, writeHead } from '../shared/web-bridge.ts';
import type { McpContext } from './mcp-answers.ts';
import { createJobzoneMcpServer } from './mcp-server.ts';

/** The address the web server answers MCP's Streamable HTTP transport at. */
export const MCP_PATH = '/mcp';

/** Serves MCP over one already-read HTTP request; the web server has applied its method and body limits. */
export interface McpHttpEndpoint {
  handles: (url: string | undefined) => boolean;
  serve: (request: IncomingMessage, response: ServerResponse, body: Buffer | null) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Stateless Streamable HTTP: a fresh server instance per request answers both the 2026-07-28
 * revision and 2025-era clients that open with initialize (see ADR 0105); answers are single
 * JSON bodies, since no tool streams progress.
 */
export function createMcpHttpEndpoint(context: McpContext, maxBodyBytes: number): McpHttpEndpoint {
  const handler: McpHttpHandler = withoutJsonModeNotice(() =>
    createMcpHandler(() => createJobzoneMcpServer(context), {
      legacy: 'stateless',
      responseMode: 'json',
      maxRequestBodySize: maxBodyBytes,
      onerror: (error) => process.stderr.write(`MCP request failed: ${error.message}\n`),
    }),
  );
  return {
    handles: (url) => url !== undefined && (url === MCP_PATH || url.startsWith(`${MCP_PATH}?`)),
    serve: async (request, response, body) => {
      const answer = await handler.fetch(toWebRequest(request, body));
      writeHead(response, answer, { 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : Buffer.from(await answer.arrayBuffer()));
    },
    close: () => handler.close(),
  };
}

const JSON_MODE_NOTICE = "responseMode: 'json' drops mid-call notifications";

/**
 * The SDK prints a notice on every handler it makes in JSON mode: mid-call notifications are dropped. Our tools send
 * none (ADR 0105), so on `npm start` the line would only puzzle the reader; every other warning still goes through.
 */
function withoutJsonModeNotice<T>(make: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith(JSON_MODE_NOTICE)) return;
    warn(...args);
  };
  try {
    return make();
  } finally {
    console.warn = warn;
  }
}

import { Client, type CallToolResult, type Transport } from '@modelcontextprotocol/client';
import { expect } from 'vitest';

/** The two ways a client opens: the 2025 initialize handshake, and the 2026-07-28 revision pinned. */
export const CLIENT_ERAS = [
  { name: 'initialize (2025-era client)', versionNegotiation: { mode: 'legacy' as const }, expectedEra: 'legacy' },
  { name: '2026-07-28 revision', versionNegotiation: { mode: { pin: '2026-07-28' }, probe: { timeoutMs: 120_000 } }, expectedEra: 'modern' },
] as const;

export type ClientEra = (typeof CLIENT_ERAS)[number];

/** Connects the SDK's own client over a transport, opening as the given era does. */
export async function connectClient(transport: Transport, era: ClientEra): Promise<Client> {
  const client = new Client({ name: 'jobzone-test', version: '1.0.0' }, { versionNegotiation: era.versionNegotiation });
  await client.connect(transport);
  expect(client.getProtocolEra()).toBe(era.expectedEra);
  return client;
}

function structured(result: CallToolResult): Record<string, unknown> {
  expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false);
  expect(result.structuredContent).toBeDefined();
  return result.structuredContent as Record<string, unknown>;
}

function errorText(result: CallToolResult): string {
  expect(result.isError).toBe(true);
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join(' ');
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function expectMeta(answer: Record<string, unknown>, publicUrl: string): void {
  const meta = answer.meta as { methodologyVersion: string; permalink: string; citation: { text: string; bibtex: string } };
  expect(meta.methodologyVersion).toBe('aijri-1');
  expect(meta.permalink.startsWith(publicUrl)).toBe(true);
  expect(meta.citation.text).toContain('AI Job Resistance Index');
  expect(meta.citation.bibtex).toMatch(/^@misc\{jobzone-/);
}

/** Lists the tools, calls each one, reads the methodology resources and sends bad input, checking every answer. */
export async function exerciseJobzoneServer(client: Client, publicUrl: string): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools.map((tool) => tool.name).sort()).toEqual(['compare_roles', 'get_assessment', 'list_movers', 'personal_score', 'search_jobs']);
  for (const tool of tools) expect(tool.outputSchema, `${tool.name} declares its output`).toBeDefined();

  const search = structured(await call(client, 'search_jobs', { query: 'registered nurse', limit: 3 }));
  const results = search.results as { slug: string; assessment: { score: number; url: string } | null }[];
  expect(results.length).toBeGreaterThan(0);
  expect(results.length).toBeLessThanOrEqual(3);
  expect(results[0]?.slug).toBe('registered-nurses');
  expect(results[0]?.assessment?.url).toBe(`${publicUrl}/roles/registered-nurses/all-levels`);
  expectMeta(search, publicUrl);

  const assessment = structured(await call(client, 'get_assessment', { slug: 'registered-nurses' }));
  expect(assessment.seniority).toBe('all-levels');
  const figures = assessment.figures as { score: number; zone: string; band: { low: number; high: number } };
  expect(figures.score).toBeGreaterThan(0);
  expect(['Green', 'Yellow', 'Red']).toContain(figures.zone);
  expect(figures.band.low).toBeLessThanOrEqual(figures.score);
  expect((assessment.links as { page: string }).page).toBe(`${publicUrl}/roles/registered-nurses/all-levels`);
  expectMeta(assessment, publicUrl);

  const compared = structured(await call(client, 'compare_roles', { roles: ['registered-nurses', 'multimodal-ai-engineer/mid-level'] }));
  const columns = compared.roles as { slug: string; seniority: string; score: number }[];
  expect(columns.map((column) => `${column.slug}/${column.seniority}`)).toEqual(['registered-nurses/all-levels', 'multimodal-ai-engineer/mid-level']);
  expect(compared.url).toBe(`${publicUrl}/compare?roles=registered-nurses,multimodal-ai-engineer`);
  expect((compared.rows as { cells: string[] }[]).every((row) => row.cells.length === 2)).toBe(true);

  const unchanged = structured(await call(client, 'personal_score', { role: 'registered-nurses' }));
  expect(unchanged.score).toBe(figures.score);
  const personal = structured(await call(client, 'personal_score', { role: 'registered-nurses/all-levels', drop: [1], context: ['union'] }));
  expect(personal.roleScore).toBe(figures.score);
  expect(personal.score).not.toBe(figures.score);
  expect((personal.attribution as { key: string }[]).map((step) => step.key)).toEqual(expect.arrayContaining(['drop', 'union']));
  expect(personal.url).toBe(`${publicUrl}/report?role=registered-nurses/all-levels&drop=1&ctx=union`);

  const movers = structured(await call(client, 'list_movers', { days: 90 }));
  expect(movers.days).toBe(90);
  expect(Array.isArray(movers.largest)).toBe(true);
  expect(movers.url).toBe(`${publicUrl}/movers?days=90`);
  expectMeta(movers, publicUrl);

  const { resources } = await client.listResources();
  expect(resources.map((resource) => resource.uri).sort()).toEqual(['jobzone://methodology', 'jobzone://methodology/text']);
  const definition = await client.readResource({ uri: 'jobzone://methodology' });
  const methodology = JSON.parse((definition.contents[0] as { text: string }).text) as { version: string; zones: unknown; meta: unknown };
  expect(methodology.version).toBe('aijri-1');
  expect(methodology.zones).toBeDefined();
  const text = await client.readResource({ uri: 'jobzone://methodology/text' });
  expect((text.contents[0] as { text: string }).text).toContain('AIJRI');

  expect(errorText(await call(client, 'get_assessment', { slug: 'no-such-role' }))).toContain('No assessed role has the slug "no-such-role"');
  expect(errorText(await call(client, 'get_assessment', { slug: 'registered-nurses', seniority: 'senior' }))).toContain('assessed at: all-levels');
  expect(errorText(await call(client, 'search_jobs', { query: 'nurse', limit: 1000 }))).toMatch(/limit/);
  expect(errorText(await call(client, 'compare_roles', { roles: ['a', 'b', 'c', 'd', 'e'] }))).toMatch(/roles/);
  expect(errorText(await call(client, 'compare_roles', { roles: ['registered-nurses', 'nobody-at-all'] }))).toContain('"nobody-at-all"');
  expect(errorText(await call(client, 'personal_score', { role: 'registered-nurses', drop: [99] }))).toMatch(/drop/i);
  expect(errorText(await call(client, 'list_movers', { days: 12 }))).toMatch(/days/);
  expect(errorText(await call(client, 'search_jobs', { query: 'x'.repeat(5000) }))).toMatch(/query/);
}

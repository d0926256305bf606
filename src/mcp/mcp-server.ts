import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { McpServer, type CallToolResult } from '@modelcontextprotocol/server';
import { REPOSITORY_ROOT } from '../data-pipeline/committed-catalog.ts';
import { getMethodology } from '../features/open-data/api-catalog.ts';
import { AssessmentResponseSchema } from '../features/open-data/api.schemas.ts';
import { compareRoles, getAssessmentAnswer, listMovers, personalScore, searchJobs, type Answer, type McpContext } from './mcp-answers.ts';
import {
  compareRolesInput,
  compareRolesOutput,
  getAssessmentInput,
  listMoversInput,
  listMoversOutput,
  personalScoreInput,
  personalScoreOutput,
  searchJobsInput,
  searchJobsOutput,
} from './mcp-schemas.ts';

export const METHODOLOGY_RESOURCE = 'jobzone://methodology';
export const METHODOLOGY_TEXT_RESOURCE = 'jobzone://methodology/text';
const METHODOLOGY_DOCUMENT = join(REPOSITORY_ROOT, 'docs', 'methodology.md');

// One short line of text beside the structured figures, for clients that only show text.
function resultOf<T extends Record<string, unknown>>(answer: Answer<T>, headline: (value: T) => string): CallToolResult {
  if (!answer.ok) return { isError: true, content: [{ type: 'text', text: answer.message }] };
  return {
    content: [
      { type: 'text', text: headline(answer.value) },
      { type: 'text', text: JSON.stringify(answer.value) },
    ],
    structuredContent: answer.value,
  };
}

let methodologyText: Promise<string> | null = null;
function readMethodologyText(): Promise<string> {
  methodologyText ??= readFile(METHODOLOGY_DOCUMENT, 'utf8');
  return methodologyText;
}

/** Builds one MCP server over the read model: the five tools and the methodology resources. Cheap enough to build per request. */
export function createJobzoneMcpServer(context: McpContext): McpServer {
  const server = new McpServer({ name: 'jobzone', title: 'jobzone — AI Job Resistance Index', version: '0.1.0' }, { capabilities: { tools: {}, resources: {} } });
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

  server.registerTool(
    'search_jobs',
    {
      title: 'Search jobs',
      description: 'Find the occupations and assessed roles a job title means (typos and abbreviations allowed), each with its current AIJRI score, zone and page.',
      inputSchema: searchJobsInput,
      outputSchema: searchJobsOutput,
      annotations: readOnly,
    },
    (input) => resultOf(searchJobs(context, input), (value) => `${value.results.length} result(s) for "${value.query}".`),
  );
  server.registerTool(
    'get_assessment',
    {
      title: 'Get an assessment',
      description: 'Every figure of one published AIJRI assessment (score, zone, band, task exposure, evidence, barriers, tasks), its revision and methodology, and a link to its page.',
      inputSchema: getAssessmentInput,
      outputSchema: AssessmentResponseSchema,
      annotations: readOnly,
    },
    (input) =>
      resultOf(getAssessmentAnswer(context, input), (value) => `${value.title} (${value.seniority}): AIJRI ${value.figures.score.toFixed(1)}, ${value.figures.label}. ${value.links.page}`),
  );
  server.registerTool(
    'compare_roles',
    {
      title: 'Compare roles',
      description: 'Compare two to four assessed roles figure by figure, with a link to the comparison page.',
      inputSchema: compareRolesInput,
      outputSchema: compareRolesOutput,
      annotations: readOnly,
    },
    (input) => resultOf(compareRoles(context, input), (value) => value.roles.map((role) => `${role.title}: ${role.score.toFixed(1)} (${role.zone})`).join('; ')),
  );
  server.registerTool(
    'personal_score',
    {
      title: 'Personal score',
      description: "Score one person's version of a role: their share of time per task, tasks dropped or added, seniority, workplace context and design shift; says what moved the score.",
      inputSchema: personalScoreInput,
      outputSchema: personalScoreOutput,
      annotations: readOnly,
    },
    (input) => resultOf(personalScore(context, input), (value) => `Personal AIJRI ${value.score.toFixed(1)} (${value.zone}) against the role's ${value.roleScore.toFixed(1)}. ${value.url}`),
  );
  server.registerTool(
    'list_movers',
    {
      title: 'List movers',
      description: 'The assessments whose score changed most, and every zone change, over the last 7, 30, 90 or 365 days.',
      inputSchema: listMoversInput,
      outputSchema: listMoversOutput,
      annotations: readOnly,
    },
    (input) => resultOf(listMovers(context, input), (value) => `${value.largest.length} mover(s) and ${value.zoneChanges.length} zone change(s) in the last ${value.days} days.`),
  );

  server.registerResource(
    'methodology',
    METHODOLOGY_RESOURCE,
    { title: 'AIJRI methodology (versioned definition)', description: 'Every constant, range, threshold and label of the current methodology version, as JSON.', mimeType: 'application/json' },
    (uri) => {
      const methodology = getMethodology(context.readModel(), { publicUrl: context.publicUrl });
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(methodology) }] };
    },
  );
  server.registerResource(
    'methodology-text',
    METHODOLOGY_TEXT_RESOURCE,
    { title: 'AIJRI methodology (specification)', description: 'The written specification of the method, docs/methodology.md.', mimeType: 'text/markdown' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: await readMethodologyText() }] }),
  );
  return server;
}

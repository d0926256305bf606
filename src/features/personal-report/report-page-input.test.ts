import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../read-model/read-model.ts';
import { reportNarrative } from './report-source-builder.ts';
import { gatherReportPageInput, gatherReportPdfInput, REPORT_SUGGESTION_LIMIT } from './report-page-input.ts';
import { committedReadModel } from './test-support/report-sources.ts';

let model: ReadModel;
beforeAll(async () => {
  model = await committedReadModel();
});

const params = (query: string) => new URLSearchParams(query);

describe('what /report gathers before the page is built', () => {
  it('without a role: the roles matching the search, and none for an empty one', () => {
    const found = gatherReportPageInput(model, params('q=registered nurse'));
    expect(found).toMatchObject({ kind: 'search', query: 'registered nurse', problems: [] });
    if (found.kind === 'search') expect(found.hits[0]).toMatchObject({ slug: 'registered-nurses', title: 'Registered Nurses' });
    expect(gatherReportPageInput(model, params('q=%20%20'))).toEqual({ kind: 'search', query: '', problems: [], hits: [] });
  });

  it('an unknown role: the slug, its words and a few roles like it', () => {
    const input = gatherReportPageInput(model, params('role=registered-nurse/senior'));
    expect(input).toMatchObject({ kind: 'unknown-role', slug: 'registered-nurse', query: 'registered nurse' });
    if (input.kind === 'unknown-role') expect(input.hits.length).toBeGreaterThan(0);
    if (input.kind === 'unknown-role') expect(input.hits.length).toBeLessThanOrEqual(REPORT_SUGGESTION_LIMIT);
  });

  it('a known role: its source, the parsed inputs and problems, the version its related file is named by, and the narrative of the level asked for', () => {
    const input = gatherReportPageInput(model, params('role=multimodal-ai-engineer/mid-level&level=senior&t=1:abc'));
    if (input.kind !== 'role') throw new Error(`gathered a ${input.kind}`);
    expect(input.source.roleSlug).toBe('multimodal-ai-engineer');
    expect(input.problems.map((problem) => problem.field)).toEqual(['s1']);
    expect(input.catalog).toEqual({ version: model.version, builtAt: model.builtAt });
    expect(input.narrative).toEqual(reportNarrative(model, 'multimodal-ai-engineer', 'senior'));
    expect(input.narrative).not.toEqual(reportNarrative(model, 'multimodal-ai-engineer', 'mid-level'));
  });

  it('for the PDF: no search at all, only whether a role is named and known', () => {
    expect(gatherReportPdfInput(model, params('q=nurse'))).toEqual({ kind: 'no-role' });
    expect(gatherReportPdfInput(model, params('role=nobody/mid-level'))).toEqual({ kind: 'unknown-role', slug: 'nobody' });
    expect(gatherReportPdfInput(model, params('role=registered-nurses/all-levels')).kind).toBe('role');
  });
});

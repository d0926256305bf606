import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { unchangedInputs } from '../../features/personal-report/personal-inputs.ts';
import { buildReportPdf, toPdfText } from './report-pdf.ts';
import { buildReportSource, reportNarrative } from '../../features/personal-report/report-source-builder.ts';
import { buildReportView } from './report-view.ts';
import { committedReadModel } from '../../features/personal-report/test-support/report-sources.ts';

let model: ReadModel;
beforeAll(async () => {
  model = await committedReadModel();
});

const meta = { url: 'http://localhost/report?role=multimodal-ai-engineer/mid-level&t=3:5,6:20', generatedAt: new Date('2026-11-23T12:00:00Z') };

describe('the report as a PDF', () => {
  it('holds the score, zone, changes, inputs, strategy and caveats as extractable text, with title and metadata', async () => {
    const source = buildReportSource(model, 'multimodal-ai-engineer', 'mid-level')!;
    const view = buildReportView(source, { ...unchangedInputs('multimodal-ai-engineer', 'mid-level'), shares: { '3': 5, '6': 20 } });
    const bytes = await buildReportPdf(view, reportNarrative(model, 'multimodal-ai-engineer', 'mid-level'), meta);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    for (const expected of [
      `Personal score ${view.result!.score}: Green zone (Accelerated), PROTECTED.`,
      'Your time split: +3.9 (to 67.9). task 3 15% -> 5%, task 6 10% -> 20%.',
      'Three changes to your task mix that would raise your score most',
      '20% · score 1 · Evaluate multimodal model quality and cross-modal coherence',
      'Learn cross-modal architecture in depth',
      'structured judgement, not a forecast',
      meta.url,
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
    const document = await PDFDocument.load(bytes);
    expect(document.getTitle()).toBe('Personal AI risk report: Multimodal AI Engineer (Mid-level)');
    expect(document.getAuthor()).toBe('jobzone');
    expect(document.getCreationDate()?.toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });

  it('runs over pages for a baseline with many tasks', async () => {
    const source = buildReportSource(model, 'registered-nurses', 'all-levels')!;
    const view = buildReportView(source, unchangedInputs('registered-nurses', 'all-levels'));
    const document = await PDFDocument.load(await buildReportPdf(view, reportNarrative(model, 'registered-nurses', 'all-levels'), meta));
    expect(document.getPageCount()).toBeGreaterThan(1);
  });

  it('replaces characters the standard fonts cannot draw', () => {
    expect(toPdfText('−1.0 → 5 ≤ 6 “ok” – fine')).toBe('-1.0 -> 5 <= 6 “ok” – fine');
  });

  it('refuses a report whose inputs have problems', async () => {
    const source = buildReportSource(model, 'multimodal-ai-engineer', 'mid-level')!;
    const view = buildReportView(source, { ...unchangedInputs('multimodal-ai-engineer', 'mid-level'), shares: { '1': 15 } });
    await expect(buildReportPdf(view, reportNarrative(model, 'multimodal-ai-engineer', 'mid-level'), meta)).rejects.toThrow(/fix the inputs first/);
  });
});

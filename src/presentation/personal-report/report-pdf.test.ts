import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../../features/read-model/read-model.ts';
import { unchangedInputs } from '../../features/personal-report/personal-inputs.ts';
import { buildReportPdf, shortReportLink, toPdfText } from './report-pdf.ts';
import { buildReportSource, reportNarrative } from '../../features/personal-report/report-source-builder.ts';
import { buildReportView } from './report-view.ts';
import { committedReadModel } from '../../features/personal-report/test-support/report-sources.ts';

let model: ReadModel;
beforeAll(async () => {
  model = await committedReadModel();
});

const PAGE_WIDTH = 595.28;
const MARGIN = 56;
const longUrl = `http://localhost/report?role=registered-nurses/all-levels&drop=4&c=${Array.from({ length: 20 }, (_, index) => `${index + 5}:often`).join(',')}&ctx=licensed,union,physical,liability&design=5`;
const meta = { url: 'http://localhost/report?role=multimodal-ai-engineer/mid-level&t=3:5,6:20', generatedAt: new Date('2026-11-23T12:00:00Z') };

async function pagesOf(bytes: Uint8Array): Promise<{ texts: string[]; rightmost: number }> {
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(proxy, { mergePages: false });
  let rightmost = 0;
  for (let number = 1; number <= proxy.numPages; number++) {
    const content = await (await proxy.getPage(number)).getTextContent();
    for (const item of content.items) if ('transform' in item) rightmost = Math.max(rightmost, (item.transform[4] as number) + item.width);
  }
  return { texts: text.map((page) => page.replace(/\s+/g, ' ')), rightmost };
}

describe('the report as a PDF', () => {
  it('answers on page 1: score, range, tasks at risk and safe, the changes in words and a link; no rule jargon there', async () => {
    const source = buildReportSource(model, 'multimodal-ai-engineer', 'mid-level')!;
    const view = buildReportView(source, { ...unchangedInputs('multimodal-ai-engineer', 'mid-level'), shares: { '3': 5, '6': 20 } });
    const result = view.result!;
    const { texts } = await pagesOf(await buildReportPdf(view, reportNarrative(model, 'multimodal-ai-engineer', 'mid-level'), meta));
    const [summary = '', details = ''] = texts;
    for (const expected of [
      'Multimodal AI Engineer (Mid-level)',
      `${result.score}`,
      `Likely range ${result.band.low} to ${result.band.high}`,
      'Your tasks most exposed to AI',
      'Your tasks that stay yours',
      'How you split your time raised your score by 3.9.',
      'Spend more of your week on work AI is unlikely to take over',
      'Your report online: localhost/report?role=multimodal-ai-engineer/mid-level&…',
    ]) {
      expect(summary).toContain(expected);
    }
    for (const jargon of ['Sub-label', 'Growth Correlation', 'rule', '->']) expect(summary).not.toContain(jargon);
    expect(summary).not.toMatch(/\d+\.\d+%/);
    expect(details.startsWith('Details')).toBe(true);
    expect(details).toContain('20% 1 of 5 Evaluate multimodal model quality and cross-modal coherence');
    expect(texts.join(' ')).toContain('Learn cross-modal architecture in depth');
    expect(texts.join(' ')).toContain('structured judgement, not a forecast');
  });

  it('keeps the summary to exactly one page and every line inside the margins, even for 29 tasks, many changes and a long address', async () => {
    const source = buildReportSource(model, 'registered-nurses', 'all-levels')!;
    const inputs = {
      ...unchangedInputs('registered-nurses', 'all-levels'),
      drop: [4],
      coarse: Object.fromEntries(Array.from({ length: 20 }, (_, index) => [String(index + 5), 'often' as const])),
      context: ['licensed', 'union', 'physical', 'liability'] as const,
      design: 5,
    };
    const view = buildReportView(source, { ...inputs, context: [...inputs.context] });
    expect(view.result).not.toBeNull();
    const bytes = await buildReportPdf(view, reportNarrative(model, 'registered-nurses', 'all-levels'), { ...meta, url: longUrl });
    const { texts, rightmost } = await pagesOf(bytes);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts[0]).toContain('Your report online:');
    expect(texts[0]).toContain('page 1 of');
    expect(texts[1]!.startsWith('Details')).toBe(true);
    expect(rightmost).toBeLessThanOrEqual(PAGE_WIDTH - MARGIN + 1);
    expect(texts.join(' ').replace(/\s/g, '')).toContain(longUrl.replace(/\s/g, ''));
    expect(texts.join(' ')).not.toMatch(/\d+\.\d+%/);
    const document = await PDFDocument.load(bytes);
    expect(document.getTitle()).toBe('Personal AI risk report: Registered Nurses (All levels)');
    expect(document.getCreationDate()?.toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });

  it('shortens the printed address to the host and role; the link carries the rest', () => {
    expect(shortReportLink(longUrl)).toBe('localhost/report?role=registered-nurses/all-levels&…');
    expect(shortReportLink('https://jobzone.example/report?role=a/b')).toBe('jobzone.example/report?role=a/b');
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

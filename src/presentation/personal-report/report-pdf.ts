import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { Zone } from '../../methodology/definition.ts';
import type { ReportNarrative } from '../../features/personal-report/report-source-builder.ts';
import type { ReportView } from './report-view.ts';

/**
 * The personal report as a PDF, built on the server with pdf-lib from the same view model as the
 * page: score, zone, the inputs, what moved the score, the best changes, the band, the role's
 * survival strategy and the caveats. Standard fonts keep the file small and its text extractable.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.11, 0.12, 0.14);
const MUTED = rgb(0.36, 0.38, 0.42);
const RULE = rgb(0.82, 0.83, 0.85);
const ZONE_COLOURS: Record<Zone, RGB> = { Green: rgb(0.07, 0.42, 0.25), Yellow: rgb(0.55, 0.38, 0.0), Red: rgb(0.7, 0.13, 0.13) };

const REPLACEMENTS: Record<string, string> = { '−': '-', '→': '->', '≤': '<=', '≥': '>=', '×': 'x', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ' };
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Replaces characters the standard PDF fonts cannot encode with close plain equivalents. */
export function toPdfText(text: string): string {
  return [...text]
    .map((char) => REPLACEMENTS[char] ?? char)
    .join('')
    .split('')
    .filter((char) => char === '\n' || (char >= ' ' && char <= '~') || (char >= '\u00a1' && char <= '\u00ff') || WIN_ANSI_EXTRAS.has(char))
    .join('');
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

class TextFlow {
  private page: PDFPage;
  private y: number;
  readonly pages: PDFPage[] = [];
  private readonly document: PDFDocument;
  private readonly fonts: Fonts;

  constructor(document: PDFDocument, fonts: Fonts) {
    this.document = document;
    this.fonts = fonts;
    this.page = this.addPage();
    this.y = A4.height - MARGIN;
  }

  private addPage(): PDFPage {
    const page = this.document.addPage([A4.width, A4.height]);
    this.pages.push(page);
    return page;
  }

  private ensure(height: number): void {
    if (this.y - height >= MARGIN + 24) return;
    this.page = this.addPage();
    this.y = A4.height - MARGIN;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of toPdfText(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, options: { size?: number; bold?: boolean; color?: RGB; indent?: number; gap?: number } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    const leading = size * 1.35;
    for (const line of this.wrap(text, font, size, A4.width - 2 * MARGIN - indent)) {
      this.ensure(leading);
      this.y -= leading;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y + size * 0.25, size, font, color: options.color ?? INK });
    }
    this.y -= options.gap ?? 4;
  }

  heading(text: string): void {
    this.ensure(40);
    this.y -= 10;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4.width - MARGIN, y: this.y }, thickness: 0.5, color: RULE });
    this.y -= 4;
    this.text(text, { size: 12.5, bold: true, gap: 6 });
  }

  bullet(text: string, marker = '•'): void {
    const before = this.y;
    this.text(text, { indent: 14 });
    const firstLine = before - 10 * 1.35 + 10 * 0.25;
    const page = this.pages.at(-1);
    if (page && this.y < before) page.drawText(marker, { x: MARGIN + 2, y: firstLine, size: 10, font: this.fonts.regular, color: MUTED });
  }

  scoreLine(score: string, label: string, headline: string, zone: Zone): void {
    this.ensure(60);
    this.y -= 40;
    this.page.drawText(score, { x: MARGIN, y: this.y, size: 36, font: this.fonts.bold, color: INK });
    const x = MARGIN + this.fonts.bold.widthOfTextAtSize(score, 36) + 16;
    const word = toPdfText(`${headline} · ${label}`);
    const width = this.fonts.bold.widthOfTextAtSize(word, 11) + 16;
    this.page.drawRectangle({ x, y: this.y + 2, width, height: 20, color: ZONE_COLOURS[zone] });
    this.page.drawText(word, { x: x + 8, y: this.y + 8, size: 11, font: this.fonts.bold, color: rgb(1, 1, 1) });
    this.y -= 12;
  }
}

export interface PdfMeta {
  /** The full address of the report, printed so the reader can return to it. */
  url: string;
  generatedAt: Date;
}

/** Builds the PDF of a personal report; the view must hold a result (no input problems). */
export async function buildReportPdf(view: ReportView, narrative: ReportNarrative, meta: PdfMeta): Promise<Uint8Array> {
  const result = view.result;
  if (!result) throw new Error('A report with input problems has no PDF; fix the inputs first.');
  const document = await PDFDocument.create();
  const title = `Personal AI risk report: ${view.title} (${view.seniorityLabel})`;
  document.setTitle(toPdfText(title), { showInWindowTitleBar: true });
  document.setAuthor('jobzone');
  document.setSubject(toPdfText(`AIJRI ${result.score}, ${result.label}: a structured judgement, not a forecast`));
  document.setKeywords(['AIJRI', 'AI job resistance', view.title]);
  document.setCreator('jobzone personal report');
  document.setProducer('jobzone (pdf-lib)');
  document.setLanguage('en');
  document.setCreationDate(meta.generatedAt);
  document.setModificationDate(meta.generatedAt);
  const fonts = { regular: await document.embedFont(StandardFonts.Helvetica), bold: await document.embedFont(StandardFonts.HelveticaBold) };
  const flow = new TextFlow(document, fonts);

  flow.text('jobzone · Personal AI risk report', { size: 9, color: MUTED, gap: 2 });
  flow.text(`${view.title} (${view.seniorityLabel})`, { size: 20, bold: true, gap: 2 });
  flow.text(`Your AI Job Resistance Index (AIJRI) score, 0 = at risk, 100 = protected.${view.status === 'baseline' ? ' Based on an unreviewed data-derived baseline.' : ''}`, { color: MUTED });
  flow.scoreLine(result.score, result.label, result.headline, result.zone);
  flow.text(`Personal score ${result.score}: ${result.zone} zone (${result.subLabel}), ${result.headline}.`, { bold: true });
  flow.text(`${result.deltaSentence} Change: ${result.delta}.`);
  flow.text(`Sub-label rule: ${result.subLabelRule}.`, { color: MUTED, size: 9 });

  flow.heading('What moved your score');
  if (result.attribution.length === 0) flow.text('You made no changes: this is the role’s own score.');
  for (const step of result.attribution) flow.bullet(`${step.label}: ${step.delta} (to ${step.scoreAfter}). ${step.detail}.`);
  flow.text('Changes are applied one at a time in a fixed order (seniority, removed tasks, added tasks, time split, design shift, workplace context); each line is the change in score at that step.', { size: 8.5, color: MUTED });

  flow.heading('Three changes to your task mix that would raise your score most');
  if (result.suggestions.length === 0) flow.text('No single move of time between your tasks raises the score: your tasks all carry the same score.');
  result.suggestions.forEach((move, index) => flow.bullet(`${move.text}: score ${move.score} (${move.gain}).`, `${index + 1}.`));

  flow.heading('Uncertainty band');
  flow.text(`${result.band.low} to ${result.band.high}. ${result.band.sentence}`);

  flow.heading('Your inputs');
  flow.text(`Seniority: ${view.seniorityLabel}.`);
  const stated = view.context.filter((factor) => factor.checked).map((factor) => factor.label.replace(/^My /, 'my ').replace(/^I /, 'I '));
  flow.text(`Workplace: ${stated.length > 0 ? stated.join('; ') : 'nothing stated (the role’s barriers apply)'}.`);
  flow.text(`Design shift: ${view.design.value === 0 ? 'none' : `${view.design.value > 0 ? '+' : ''}${view.design.value} points toward ${view.design.value > 0 ? 'designing new solutions' : 'applying existing tools'}`}.`);
  const removed = view.rows.filter((row) => row.dropped);
  if (removed.length > 0) flow.text(`Removed: ${removed.map((row) => `${row.label} (${row.name})`).join('; ')}.`);
  flow.text('Time on each task as scored (share of time, AI task score 1–5):', { gap: 2 });
  for (const task of result.tasks) flow.bullet(`${task.share}% · score ${task.score} · ${task.name}`);

  flow.heading('Survival strategy');
  if (narrative.survivalStrategy.length === 0) flow.text('The role’s assessment has no written survival strategy yet. The changes above are the method’s own suggestions for your task mix.');
  for (const item of narrative.survivalStrategy) flow.bullet(item);
  if (narrative.timeline) {
    flow.text('Timeline', { bold: true, gap: 2 });
    flow.text(narrative.timeline);
  }

  flow.heading('Caveats');
  for (const caveat of view.caveats) flow.bullet(caveat);

  flow.pages.forEach((page, index) => {
    const footer = toPdfText(`${meta.url}   ·   page ${index + 1} of ${flow.pages.length}   ·   methodology aijri-1   ·   generated ${meta.generatedAt.toISOString().slice(0, 10)}`);
    page.drawText(footer, { x: MARGIN, y: MARGIN - 20, size: 7, font: fonts.regular, color: MUTED, maxWidth: A4.width - 2 * MARGIN });
  });
  return document.save({ useObjectStreams: true });
}

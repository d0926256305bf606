import { PDFDocument, PDFName, PDFString, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { Zone } from '../../methodology/definition.ts';
import type { ReportNarrative } from '../../features/personal-report/report-source-builder.ts';
import type { ReportView } from './report-view.ts';

/**
 * The personal report as a PDF, built on the server with pdf-lib from the same view model as the
 * page. Page 1 is the whole answer: the score on its 0–100 bar with the range, the tasks most and
 * least exposed, what the person changed and what they could do, and a short link. Page 2 on holds
 * the details: every task with its rounded share, the step-by-step figures, the rules and caveats.
 * Standard fonts keep the file small and its text extractable (docs/adr/0157).
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.11, 0.12, 0.14);
const MUTED = rgb(0.36, 0.38, 0.42);
const RULE = rgb(0.82, 0.83, 0.85);
const ZONE_COLOURS: Record<Zone, RGB> = { Green: rgb(0.07, 0.42, 0.25), Yellow: rgb(0.55, 0.38, 0.0), Red: rgb(0.7, 0.13, 0.13) };
const ZONE_TINTS: Record<Zone, RGB> = { Green: rgb(0.86, 0.94, 0.89), Yellow: rgb(0.98, 0.93, 0.8), Red: rgb(0.97, 0.87, 0.85) };
const FOOTER_SPACE = 24;
const CHANGES_ON_SUMMARY = 5;

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

const CONTENT_WIDTH = A4.width - 2 * MARGIN;

/** Breaks text into lines that fit a width; a word longer than the width (an address) is cut where it must. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  const lines: string[] = [];
  for (const paragraph of toPdfText(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

class TextFlow {
  private page: PDFPage;
  private y: number;
  readonly pages: PDFPage[] = [];
  private readonly document: PDFDocument;
  readonly fonts: Fonts;

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

  get current(): PDFPage {
    return this.page;
  }

  get cursor(): number {
    return this.y;
  }

  /** The room left above the footer on this page, in points. */
  get room(): number {
    return this.y - MARGIN - FOOTER_SPACE;
  }

  newPage(): void {
    this.page = this.addPage();
    this.y = A4.height - MARGIN;
  }

  skip(height: number): void {
    this.y -= height;
  }

  private ensure(height: number): void {
    if (this.y - height >= MARGIN + FOOTER_SPACE) return;
    this.newPage();
  }

  /** The height a text would take, without drawing it. */
  measure(text: string, options: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}): number {
    const size = options.size ?? 10;
    const lines = wrapText(text, options.bold ? this.fonts.bold : this.fonts.regular, size, CONTENT_WIDTH - (options.indent ?? 0));
    return lines.length * size * 1.35 + (options.gap ?? 4);
  }

  text(text: string, options: { size?: number; bold?: boolean; color?: RGB; indent?: number; gap?: number } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    const leading = size * 1.35;
    for (const line of wrapText(text, font, size, CONTENT_WIDTH - indent)) {
      this.ensure(leading);
      this.y -= leading;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y + size * 0.25, size, font, color: options.color ?? INK });
    }
    this.y -= options.gap ?? 4;
  }

  heading(text: string, size = 12.5): void {
    this.ensure(40);
    this.y -= 8;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4.width - MARGIN, y: this.y }, thickness: 0.5, color: RULE });
    this.y -= 2;
    this.text(text, { size, bold: true, gap: 4 });
  }

  bullet(text: string, marker = '•', size = 10): void {
    this.ensure(size * 1.35);
    const before = this.y;
    const page = this.page;
    this.text(text, { indent: 14, size, gap: 3 });
    if (this.page === page && this.y < before) page.drawText(marker, { x: MARGIN + 2, y: before - size * 1.35 + size * 0.25, size, font: this.fonts.regular, color: MUTED });
  }

  /** Draws a row of a table: right-aligned figures in fixed columns, then the wrapped text. */
  row(cells: { text: string; width: number }[], rest: string, options: { bold?: boolean; size?: number } = {}): void {
    const size = options.size ?? 9;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const fixed = cells.reduce((sum, cell) => sum + cell.width, 0);
    const lines = wrapText(rest, font, size, CONTENT_WIDTH - fixed - 8);
    const leading = size * 1.35;
    this.ensure(leading * lines.length + 3);
    let x = MARGIN;
    const top = this.y - leading + size * 0.25;
    for (const cell of cells) {
      const text = toPdfText(cell.text);
      this.page.drawText(text, { x: x + cell.width - 10 - font.widthOfTextAtSize(text, size), y: top, size, font, color: INK });
      x += cell.width;
    }
    lines.forEach((line, index) => this.page.drawText(line, { x: x + 8, y: top - index * leading, size, font, color: INK }));
    this.y -= leading * lines.length + 3;
  }

  /** Draws the 0–100 bar: zones tinted, the range shaded, the score marked, the zone cut-offs labelled. */
  scoreBar(view: NonNullable<ReportView['result']>): void {
    const height = 16;
    const top = this.y - 14;
    const x = (percent: number) => MARGIN + (CONTENT_WIDTH * percent) / 100;
    for (const zone of view.scale.zones) {
      this.page.drawRectangle({ x: x(zone.from), y: top - height, width: x(zone.to) - x(zone.from), height, color: ZONE_TINTS[zone.zone] });
      const word = toPdfText(`${zone.zone}`);
      const width = this.fonts.bold.widthOfTextAtSize(word, 7.5);
      this.page.drawText(word, { x: (x(zone.from) + x(zone.to) - width) / 2, y: top - height + 5, size: 7.5, font: this.fonts.bold, color: ZONE_COLOURS[zone.zone] });
    }
    if (view.scale.band) {
      const band = view.scale.band;
      this.page.drawRectangle({ x: x(band.from), y: top - height - 3, width: Math.max(1.5, x(band.to) - x(band.from)), height: height + 6, color: INK, opacity: 0.18 });
    }
    const marker = x(view.scale.marker.x);
    this.page.drawLine({ start: { x: marker, y: top - height - 6 }, end: { x: marker, y: top + 4 }, thickness: 2.5, color: INK });
    const label = toPdfText(`${view.score}`);
    const labelWidth = this.fonts.bold.widthOfTextAtSize(label, 9);
    this.page.drawText(label, { x: Math.min(A4.width - MARGIN - labelWidth, Math.max(MARGIN, marker - labelWidth / 2)), y: top + 6, size: 9, font: this.fonts.bold, color: INK });
    for (const tick of view.scale.ticks) {
      const text = toPdfText(tick.label);
      const width = this.fonts.regular.widthOfTextAtSize(text, 7.5);
      const at = Math.min(A4.width - MARGIN - width, Math.max(MARGIN, x(tick.x) - width / 2));
      this.page.drawText(text, { x: at, y: top - height - 14, size: 7.5, font: this.fonts.regular, color: MUTED });
    }
    this.y = top - height - 22;
  }

  scoreLine(score: string, zone: Zone, headline: string): void {
    this.y -= 36;
    this.page.drawText(score, { x: MARGIN, y: this.y, size: 34, font: this.fonts.bold, color: INK });
    const x = MARGIN + this.fonts.bold.widthOfTextAtSize(score, 34) + 14;
    const word = toPdfText(headline);
    const width = this.fonts.bold.widthOfTextAtSize(word, 11) + 16;
    this.page.drawRectangle({ x, y: this.y + 2, width, height: 20, color: ZONE_COLOURS[zone] });
    this.page.drawText(word, { x: x + 8, y: this.y + 8, size: 11, font: this.fonts.bold, color: rgb(1, 1, 1) });
    this.page.drawText('out of 100', { x: x + width + 10, y: this.y + 8, size: 10, font: this.fonts.regular, color: MUTED });
    this.y -= 10;
  }

  /** Draws a short text that links to a longer address, kept inside the margins. */
  link(label: string, visible: string, url: string): void {
    this.ensure(20);
    this.y -= 14;
    const size = 10;
    const prefix = toPdfText(label);
    const prefixWidth = this.fonts.bold.widthOfTextAtSize(prefix, size);
    this.page.drawText(prefix, { x: MARGIN, y: this.y, size, font: this.fonts.bold, color: INK });
    const [shown = ''] = wrapText(visible, this.fonts.regular, size, CONTENT_WIDTH - prefixWidth - 6);
    const x = MARGIN + prefixWidth + 6;
    const width = this.fonts.regular.widthOfTextAtSize(shown, size);
    this.page.drawText(shown, { x, y: this.y, size, font: this.fonts.regular, color: rgb(0.12, 0.3, 0.55) });
    this.page.drawLine({ start: { x, y: this.y - 1.5 }, end: { x: x + width, y: this.y - 1.5 }, thickness: 0.5, color: rgb(0.12, 0.3, 0.55) });
    const context = this.document.context;
    const annotation = context.register(
      context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [x, this.y - 3, x + width, this.y + size], Border: [0, 0, 0], A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) } }),
    );
    const existing = this.page.node.Annots();
    if (existing) existing.push(annotation);
    else this.page.node.set(PDFName.of('Annots'), context.obj([annotation]));
    this.y -= 6;
  }
}


export interface PdfMeta {
  /** The full address of the report, printed so the reader can return to it. */
  url: string;
  generatedAt: Date;
}

/** Shortens the report's address for reading: host, path and the role; the link itself carries everything. */
export function shortReportLink(url: string): string {
  const parsed = new URL(url);
  const role = parsed.searchParams.get('role');
  const more = [...parsed.searchParams.keys()].some((key) => key !== 'role');
  return `${parsed.host}${parsed.pathname}${role ? `?role=${role}` : ''}${more ? '&…' : ''}`;
}

/** Builds the PDF of a personal report; the view must hold a result (no input problems). */
export async function buildReportPdf(view: ReportView, narrative: ReportNarrative, meta: PdfMeta): Promise<Uint8Array> {
  const result = view.result;
  if (!result) throw new Error('A report with input problems has no PDF; fix the inputs first.');
  const document = await PDFDocument.create();
  const title = `Personal AI risk report: ${view.title} (${view.seniorityLabel})`;
  document.setTitle(toPdfText(title), { showInWindowTitleBar: true });
  document.setAuthor('jobzone');
  document.setSubject(toPdfText(`Score ${result.score} of 100, ${result.zone}: a structured judgement, not a forecast`));
  document.setKeywords(['AIJRI', 'AI job resistance', view.title]);
  document.setCreator('jobzone personal report');
  document.setProducer('jobzone (pdf-lib)');
  document.setLanguage('en');
  document.setCreationDate(meta.generatedAt);
  document.setModificationDate(meta.generatedAt);
  const fonts = { regular: await document.embedFont(StandardFonts.Helvetica), bold: await document.embedFont(StandardFonts.HelveticaBold) };
  const flow = new TextFlow(document, fonts);

  writeSummary(flow, view, meta);
  flow.newPage();
  writeDetails(flow, view, narrative, meta);

  flow.pages.forEach((pdfPage, index) => {
    const footer = toPdfText(`jobzone personal report  ·  page ${index + 1} of ${flow.pages.length}  ·  a structured judgement, not a forecast  ·  generated ${meta.generatedAt.toISOString().slice(0, 10)}`);
    pdfPage.drawText(footer, { x: MARGIN, y: MARGIN - 20, size: 7, font: fonts.regular, color: MUTED, maxWidth: CONTENT_WIDTH });
  });
  return document.save({ useObjectStreams: true });
}

/** Page 1: the whole answer in plain words, never more than one page. */
function writeSummary(flow: TextFlow, view: ReportView, meta: PdfMeta): void {
  const result = view.result!;
  flow.text('jobzone · Personal AI risk report', { size: 9, color: MUTED, gap: 2 });
  flow.text(`${view.title} (${view.seniorityLabel})`, { size: 19, bold: true, gap: 2 });
  flow.text(
    `Your score on a 0-100 scale: the higher, the better protected your work is from AI displacement.${view.status === 'baseline' ? ' This role rests on an automated estimate no assessor has reviewed yet.' : ''}`,
    { color: MUTED, size: 9.5 },
  );
  flow.scoreLine(result.score, result.zone, result.verdict);
  flow.scoreBar(result);
  flow.text(
    `Likely range ${result.band.low} to ${result.band.high}${result.band.zoneStable ? ', all within the same zone' : ', which crosses a zone boundary, so read the zone with care'}. ${result.zone}: ${result.zoneMeaning}`,
    { size: 10 },
  );
  flow.text(result.deltaSentence, { size: 10, color: MUTED });

  flow.heading('Your tasks most exposed to AI', 11.5);
  if (result.atRisk.length === 0) flow.text('None of your tasks is one AI does a large part of.', { size: 9.5 });
  for (const task of result.atRisk) flow.bullet(`${task.name} (${task.share} of your week): ${task.kindLabel}.`, '•', 9.5);
  flow.heading('Your tasks that stay yours', 11.5);
  if (result.safe.length === 0) flow.text('None of your tasks is one AI is unlikely to take over.', { size: 9.5 });
  for (const task of result.safe) flow.bullet(`${task.name} (${task.share} of your week): ${task.kindLabel}.`, '•', 9.5);

  flow.heading('What you changed', 11.5);
  if (result.changes.length === 0) flow.text('Nothing yet: this is the role’s own score. Change your tasks, time, seniority or workplace online to make it yours.', { size: 9.5 });
  for (const change of result.changes.slice(0, CHANGES_ON_SUMMARY)) flow.bullet(change, '•', 9.5);
  if (result.changes.length > CHANGES_ON_SUMMARY) flow.text(`${result.changes.length - CHANGES_ON_SUMMARY} more changes are listed on page 2.`, { size: 9, color: MUTED });

  flow.heading('What you could do', 11.5);
  for (const line of result.advice) {
    if (flow.measure(line.text, { size: 9.5, indent: 14 }) > flow.room - 40) break;
    flow.bullet(line.text, '•', 9.5);
  }
  flow.link('Your report online:', shortReportLink(meta.url), meta.url);
}

/** Page 2 on: every figure behind the summary. */
function writeDetails(flow: TextFlow, view: ReportView, narrative: ReportNarrative, meta: PdfMeta): void {
  const result = view.result!;
  flow.text('Details', { size: 16, bold: true, gap: 2 });
  flow.text('The figures behind page 1. Task shares are rounded to whole percents; the report online holds the exact ones.', { size: 9, color: MUTED });

  flow.heading('Your tasks as scored');
  flow.row([{ text: 'Your time', width: 56 }, { text: 'AI score', width: 50 }], 'Task (AI score: 1 = AI not involved, 5 = fully automatable)', { bold: true });
  for (const task of result.tasks) flow.row([{ text: task.share, width: 56 }, { text: `${task.score} of 5`, width: 50 }], task.name);

  flow.heading('What moved your score, step by step');
  if (result.attribution.length === 0) flow.text('You made no changes: this is the role’s own score.');
  for (const step of result.attribution) flow.bullet(`${step.label}: ${step.delta} (to ${step.scoreAfter}). ${step.detail}.`);
  flow.text('Changes are applied one at a time in a fixed order (seniority, removed tasks, added tasks, time split, design shift, workplace); each line is the change in score at that step.', { size: 8.5, color: MUTED });

  flow.heading('How sure is this?');
  flow.text(result.band.sentence);

  flow.heading('Your inputs and the rules applied');
  flow.text(`Seniority: ${view.seniorityLabel}.`);
  const stated = view.context.filter((factor) => factor.checked).map((factor) => factor.label.replace(/^My /, 'my '));
  flow.text(`Workplace: ${stated.length > 0 ? stated.join('; ') : 'nothing stated (the role’s barriers apply)'}.`);
  flow.text(`Designing or applying: ${view.design.value === 0 ? 'no change' : `${Math.abs(view.design.value)} points of time moved toward ${view.design.value > 0 ? 'designing new solutions' : 'applying existing tools'}`}.`);
  const removed = view.rows.filter((row) => row.dropped);
  if (removed.length > 0) flow.text(`Removed: ${removed.map((row) => `${row.label} (${row.name})`).join('; ')}.`);
  flow.text(`Zones: Red below 25, Yellow 25 to under 48, Green 48 and above. Your score is ${result.label}; the second word follows the method’s rule (${result.subLabelRule}).`, { size: 9, color: MUTED });

  flow.heading('Survival strategy');
  if (narrative.survivalStrategy.length === 0) flow.text('The role’s assessment has no written survival strategy yet. The advice on page 1 is the method’s own suggestion for your task mix.');
  for (const item of narrative.survivalStrategy) flow.bullet(item);
  if (narrative.timeline) {
    flow.text('Timeline', { bold: true, gap: 2 });
    flow.text(narrative.timeline);
  }

  flow.heading('Caveats');
  for (const caveat of view.caveats) flow.bullet(caveat);

  flow.heading('The full address of this report');
  flow.text(meta.url, { size: 8.5, color: MUTED });
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { aijri1, type MethodologyDefinition } from '../../methodology/index.ts';
import type { DraftRecord } from '../../features/studio/drafts.repository.ts';
import { buildDraftEditorView, editorMethodologyOf } from './draft-editor-view.ts';

const EXAMPLE = new URL('../../../content/assessments/multimodal-ai-engineer/mid-level.yaml', import.meta.url);
const exampleDocument = () => parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

function draftOf(document: Record<string, unknown>): DraftRecord {
  const at = new Date('2026-11-20T12:00:00Z');
  return {
    id: 7,
    roleSlug: 'multimodal-ai-engineer',
    seniority: 'mid-level',
    title: 'Multimodal AI Engineer',
    category: 'Computer and Mathematical',
    baseRevision: 1,
    document,
    state: 'editing',
    version: 3,
    note: '',
    isCorrection: false,
    authorUserId: 1,
    approvedVersion: null,
    approvedByUserId: null,
    publishedRevisionId: null,
    createdAt: at,
    updatedAt: at,
    authorEmail: 'ada@example.org',
    approvedByEmail: null,
    updatedByEmail: null,
  } as DraftRecord;
}

describe('the draft editor', () => {
  it('shows the ranges of the methodology the draft names, the current one when it names none or an unknown one', () => {
    expect(editorMethodologyOf(draftOf(exampleDocument())).version).toBe('aijri-1');
    const { methodology: _named, ...unnamed } = exampleDocument();
    expect(editorMethodologyOf(draftOf(unnamed))).toBe(aijri1);
    expect(editorMethodologyOf(draftOf({ ...exampleDocument(), methodology: 'constructor' }))).toBe(aijri1);
  });

  it('labels and bounds the judged inputs by the definition it is given', () => {
    const wider: MethodologyDefinition = { ...aijri1, ranges: { ...aijri1.ranges, barrier: { min: 0, max: 4 } } };
    const draft = draftOf(exampleDocument());
    const field = (definition: MethodologyDefinition) =>
      buildDraftEditorView(draft, definition).fieldsets.flatMap((fieldset) => fieldset.fields).find((each) => each.name === 'barriers.regulatory.score');
    expect(field(aijri1)).toMatchObject({ min: aijri1.ranges.barrier.min, max: aijri1.ranges.barrier.max });
    expect(field(wider)).toMatchObject({ max: 4 });
  });
});

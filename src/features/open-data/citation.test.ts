import { describe, expect, it } from 'vitest';
import { citationOf, dataMetadataOf } from './citation.ts';

const subject = { title: 'Registered Nurses, Mid-level', url: 'https://jobzone.example/roles/registered-nurses/mid-level', asOf: new Date('2026-11-30T10:00:00Z'), methodologyVersion: 'aijri-1', revision: 3 };

describe('citations', () => {
  it('name the figure, its revision, the method version and the day it was current', () => {
    const { text } = citationOf(subject);
    expect(text).toBe('jobzone (2026). Registered Nurses, Mid-level, revision 3. AI Job Resistance Index, methodology aijri-1. As of 2026-11-30. https://jobzone.example/roles/registered-nurses/mid-level');
  });

  it('give a BibTeX entry with a stable key and escaped title', () => {
    const { bibtex } = citationOf({ ...subject, title: 'Tasks & shares {draft} 100%' });
    expect(bibtex.split('\n')[0]).toBe('@misc{jobzone-tasks-shares-draft-100-20261130,');
    expect(bibtex).toContain('title = {Tasks \\& shares draft 100\\%}');
    expect(bibtex).toContain('howpublished = {\\url{https://jobzone.example/roles/registered-nurses/mid-level}}');
  });

  it('metadata carries the snapshot time, permalink and method version', () => {
    const metadata = dataMetadataOf({ title: 'jobzone assessments', url: 'https://jobzone.example/data', asOf: new Date('2026-12-01T00:00:00Z') });
    expect(metadata).toMatchObject({ methodologyVersion: 'aijri-1', snapshotAt: '2026-12-01T00:00:00.000Z', permalink: 'https://jobzone.example/data' });
    expect(metadata.citation.text).not.toContain('revision');
  });
});

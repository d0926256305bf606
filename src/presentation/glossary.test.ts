import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntryOf } from './glossary.ts';

describe('the glossary', () => {
  it('explains every zone word with its horizon and every sub-label the method can give', () => {
    for (const zone of ['Green', 'Yellow', 'Red']) expect(glossaryEntryOf(zone)?.short).toContain('5–10 years');
    for (const label of ['Accelerated', 'Transforming', 'Stable', 'Urgent', 'Moderate', 'Declining', 'Imminent']) expect(glossaryEntryOf(label)?.short.length).toBeGreaterThan(20);
  });

  it('explains the terms of uncertainty and provenance in plain words, without internal abbreviations', () => {
    for (const entry of [GLOSSARY.band, GLOSSARY.automatedEstimate, GLOSSARY.borderline, GLOSSARY.horizon]) expect(entry.short).not.toMatch(/\b(TR|EM|BM|GM|Raw|T3)\b/);
    expect(glossaryEntryOf('nonsense')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { formatChangePercent, formatCount, formatDate, formatDelta, formatDollars, formatOrdinal, formatSigned } from './format.ts';

describe('figures on the assessment page', () => {
  it('shows wages as whole dollars with thousands separators', () => {
    expect(formatDollars(84120)).toBe('$84,120');
    expect(formatDollars(206420.4)).toBe('$206,420');
  });

  it('shows large employment counts in millions and smaller ones in full', () => {
    expect(formatCount(3_412_000)).toBe('3.4 million');
    expect(formatCount(2_000_000)).toBe('2 million');
    expect(formatCount(66430)).toBe('66,430');
  });

  it('shows projected change with a sign and a true minus', () => {
    expect(formatChangePercent(6)).toBe('+6%');
    expect(formatChangePercent(5.94)).toBe('+5.9%');
    expect(formatChangePercent(-2.5)).toBe('−2.5%');
    expect(formatChangePercent(0.01)).toBe('0%');
  });

  it('signs judgement totals and score moves', () => {
    expect(formatSigned(8)).toBe('+8');
    expect(formatSigned(-2)).toBe('−2');
    expect(formatSigned(0)).toBe('0');
    expect(formatDelta(4.9)).toBe('+4.9');
    expect(formatDelta(-4.8)).toBe('−4.8');
    expect(formatDelta(0)).toBe('±0.0');
  });

  it('names percentiles with English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 56.2, 92, 100].map(formatOrdinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '56th', '92nd', '100th']);
  });

  it('writes dates in words', () => {
    expect(formatDate('2026-11-23')).toBe('23 November 2026');
    expect(formatDate(new Date('2026-01-05T22:00:00Z'))).toBe('5 January 2026');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, dec, divRound, mul, round, sub, toFixed } from './decimal.ts';

describe('exact decimals', () => {
  it('subtracts 2.35 from 6.00 to exactly 3.65', () => {
    expect(toFixed(sub(dec('6.00'), dec('2.35')), 2)).toBe('3.65');
  });

  it('rounds half away from zero', () => {
    expect(toFixed(dec('1.25'), 1)).toBe('1.3');
    expect(toFixed(dec('-1.25'), 1)).toBe('-1.3');
    expect(toFixed(dec('64.0349'), 1)).toBe('64.0');
    expect(toFixed(divRound(dec('5.0778'), dec('7.93'), 1), 1)).toBe('0.6');
  });

  it('multiplies the published raw exactly: 3.65 × 1.32 × 1.06 × 1.10 = 5.617788', () => {
    const raw = mul(mul(mul(dec('3.65'), dec('1.32')), dec('1.06')), dec('1.10'));
    expect(toFixed(raw, 6)).toBe('5.617788');
    expect(toFixed(round(raw, 4), 4)).toBe('5.6178');
  });

  it('reads numbers given as JavaScript floats by their shortest decimal form', () => {
    expect(toFixed(add(dec(0.1), dec(0.2)), 2)).toBe('0.30');
    expect(toFixed(dec(1e-7), 7)).toBe('0.0000001');
  });

  it('agrees with integer arithmetic on hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), (a, b) => {
        const sum = add({ units: BigInt(a), scale: 2 }, { units: BigInt(b), scale: 2 });
        return sum.units === BigInt(a + b) && sum.scale === 2;
      }),
    );
  });
});

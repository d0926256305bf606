/**
 * Exact fixed-point decimals on BigInt, so that 6.00 − 2.35 is 3.65 and never 3.6499999.
 * A value is `units × 10^-scale`.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

// Scoring thousands of assessments calls these millions of times: powers of ten and whole numbers skip BigInt arithmetic and the regex.
const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 41 }, (_, n) => 10n ** BigInt(n));
const pow10 = (n: number): bigint => POWERS_OF_TEN[n] ?? 10n ** BigInt(n);

// Explaining one score runs the formula ~60 times over the same few task shares and methodology constants
// ("0.04"): parsed once each, not through the regex every time. Decimals are immutable, so they are shared.
const PARSED_LIMIT = 10_000;
const parsed = new Map<number | string, Decimal>();

/** Parses a finite number or a decimal string ("0.04", "-3", "12.5") without going through binary floats. */
export function dec(value: number | string | bigint): Decimal {
  if (typeof value === 'bigint') return { units: value, scale: 0 };
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { units: BigInt(value), scale: 0 };
  let decimal = parsed.get(value);
  if (decimal === undefined) {
    decimal = parseDecimal(value);
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(value, decimal);
  }
  return decimal;
}

function parseDecimal(value: number | string): Decimal {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal number: ${String(value)}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const units = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  return { units, scale: fraction.length };
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * pow10(scale - value.scale);
}

/** Adds two decimals exactly. */
export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** Subtracts b from a exactly. */
export function sub(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

/** Multiplies two decimals exactly. */
export function mul(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** Sums decimals exactly. */
export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce(add, dec(0));
}

/** Divides a by b and rounds the quotient half away from zero to `scale` places. */
export function divRound(a: Decimal, b: Decimal, scale: number): Decimal {
  if (b.units === 0n) throw new RangeError('division by zero');
  // a/b = (a.units × 10^b.scale) / (b.units × 10^a.scale); scale it up by 10^scale before dividing.
  const numerator = a.units * pow10(b.scale + scale);
  const denominator = b.units * pow10(a.scale);
  return { units: roundedQuotient(numerator, denominator), scale };
}

function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const remainder = n % d;
  const rounded = remainder * 2n >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** Rounds half away from zero to `scale` places (1.25 → 1.3, −1.25 → −1.3). */
export function round(value: Decimal, scale: number): Decimal {
  if (scale >= value.scale) return { units: rescale(value, scale), scale };
  return { units: roundedQuotient(value.units, pow10(value.scale - scale)), scale };
}

/** Compares two decimals: negative when a < b, 0 when equal, positive when a > b. */
export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const difference = rescale(a, scale) - rescale(b, scale);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** Limits a value to the range low..high. */
export function clamp(value: Decimal, low: Decimal, high: Decimal): Decimal {
  if (compare(value, low) < 0) return low;
  if (compare(value, high) > 0) return high;
  return value;
}

/** Formats with exactly `scale` places, rounding half away from zero. */
export function toFixed(value: Decimal, scale: number): string {
  const rounded = round(value, scale);
  const negative = rounded.units < 0n;
  const digits = (negative ? -rounded.units : rounded.units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Converts to a JavaScript number after rounding to `scale` places (the shown figure). */
export function toNumber(value: Decimal, scale: number): number {
  return Number(toFixed(value, scale));
}

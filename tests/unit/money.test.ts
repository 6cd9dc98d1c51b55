import { describe, expect, it } from 'vitest';
import { formatIdr } from '../../src/lib/money.ts';

describe('formatIdr', () => {
  it('formats whole rupiah as EYD V writes them: "Rp" joined to the number, dots between thousands', () => {
    expect(formatIdr(1_000)).toBe('Rp1.000');
    expect(formatIdr(350_000)).toBe('Rp350.000');
    expect(formatIdr(12_500_000)).toBe('Rp12.500.000');
    expect(formatIdr(999)).toBe('Rp999');
    expect(formatIdr(0)).toBe('Rp0');
    expect(formatIdr(-5_000)).toBe('-Rp5.000');
  });
  it('refuses fractions: rupiah are integers', () => {
    expect(() => formatIdr(1.5)).toThrow(RangeError);
  });
});

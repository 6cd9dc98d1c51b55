import { describe, expect, it } from 'vitest';
import { formatIdr } from '../../src/lib/money.ts';

describe('formatIdr', () => {
  it('formats whole rupiah the Indonesian way', () => {
    expect(formatIdr(350_000).replace(/\s/g, ' ')).toBe('Rp 350.000');
    expect(formatIdr(12_500_000).replace(/\s/g, ' ')).toBe('Rp 12.500.000');
    expect(formatIdr(0).replace(/\s/g, ' ')).toBe('Rp 0');
  });
  it('refuses fractions: rupiah are integers', () => {
    expect(() => formatIdr(1.5)).toThrow(RangeError);
  });
});

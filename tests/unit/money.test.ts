import { describe, expect, it } from 'vitest';
import { formatIdr, parseRupiah } from '../../src/lib/money.ts';

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

describe('parseRupiah', () => {
  it('reads whole rupiah as people type them: plain, dots or spaces between thousands, "Rp" before, ",-" after', () => {
    expect(['150000', '150.000', '150 000', ' Rp 150.000 ', 'Rp150.000,-', 'rp. 1.250.000'].map(parseRupiah)).toEqual([150_000, 150_000, 150_000, 150_000, 150_000, 1_250_000]);
    expect(parseRupiah('0')).toBe(0);
  });
  it('names a fraction apart from other mistakes, so a form can say "whole rupiah"', () => {
    expect(['150.000,50', '150000,5', '150000.50', '2.5'].map(parseRupiah)).toEqual(['cents', 'cents', 'cents', 'cents']);
    expect(['', '  ', 'Rp'].map(parseRupiah)).toEqual(['empty', 'empty', 'empty']);
    expect(['gratis', '-5', '1.5.0', '15.00.000', '150,000', '9'.repeat(17)].map(parseRupiah)).toEqual(['bad', 'bad', 'bad', 'bad', 'cents', 'bad']);
  });
});

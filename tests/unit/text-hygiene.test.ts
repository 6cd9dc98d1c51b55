/** Words people read instead of codes: plurals, country names, courier names, in both languages. */
import { describe, expect, it } from 'vitest';
import { countryName, plural } from '../../src/lib/i18n/index.ts';
import { courierName, readShippingTable } from '../../src/lib/commerce/shipping.ts';
import { useStrings } from '../../src/i18n/index.ts';
import { formatIdr } from '../../src/lib/money.ts';

describe('plural', () => {
  const results = { en: useStrings('en').search.results, id: useStrings('id').search.results };

  it('says "1 result" and "2 results" in English, and "hasil" whatever the number in Indonesian', () => {
    expect(plural('en', 1, results.en)).toBe('1 result');
    expect(plural('en', 0, results.en)).toBe('0 results');
    expect(plural('en', 2, results.en)).toBe('2 results');
    expect(plural('id', 1, results.id)).toBe('1 hasil');
    expect(plural('id', 252, results.id)).toBe('252 hasil');
  });

  it('fills every {n} and groups thousands as each language writes them', () => {
    expect(plural('en', 1234, results.en)).toBe('1,234 results');
    expect(plural('id', 1234, results.id)).toBe('1.234 hasil');
    for (const lang of ['id', 'en'] as const) {
      for (const n of [0, 1, 2, 21]) expect(plural(lang, n, useStrings(lang).product.seeAllPieces)).not.toMatch(/[{}]/);
    }
  });

  it('the cart badge counts items in the singular and plural', () => {
    expect(plural('en', 1, useStrings('en').cart.badge)).toBe('1 item');
    expect(plural('en', 3, useStrings('en').cart.badge)).toBe('3 items');
    expect(plural('id', 3, useStrings('id').cart.badge)).toBe('3 barang');
  });
});

describe('countryName', () => {
  it('names countries in the reader’s language, not as codes', () => {
    expect(countryName('ID', 'id')).toBe('Indonesia');
    expect(countryName('NL', 'id')).toBe('Belanda');
    expect(countryName('NL', 'en')).toBe('Netherlands');
    expect(countryName('jp', 'en')).toBe('Japan');
  });

  it('gives back what it cannot read', () => {
    expect(countryName('Narnia', 'en')).toBe('Narnia');
  });
});

describe('courierName', () => {
  const table = readShippingTable('content');

  it('names every courier of the rate table as the table writes it', () => {
    expect(courierName('jne', table)).toBe('JNE REG');
    expect(courierName('pos', table)).toBe('POS Indonesia');
    for (const c of table.couriers) expect(courierName(c.id)).toBe(c.name);
  });

  it('keeps an id the table no longer has', () => {
    expect(courierName('kurir-lama', table)).toBe('kurir-lama');
  });
});

describe('money', () => {
  it('never writes "-Rp0"', () => {
    expect(formatIdr(-0)).toBe('Rp0');
    expect(formatIdr(0 - 0)).toBe('Rp0');
    expect(formatIdr(-1500)).toBe('-Rp1.500');
  });
});

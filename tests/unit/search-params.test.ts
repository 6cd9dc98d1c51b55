import { describe, expect, it } from 'vitest';
import { parseSearchParams, toSearchParams } from '../../src/lib/search/search-params.ts';

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

describe('search parameters', () => {
  it('reads every parameter, with repeated and comma-separated lists', () => {
    const r = parse('q=kopi&lang=en&region=muara-enim&region=lampung&motif=kopi,tengkiang&technique=tulis&category=kemeja&color=cokelat&minPrice=100000&maxPrice=500000&inStock=true&sort=price_asc&page=2&pageSize=12');
    expect(r).toEqual({
      ok: true,
      query: {
        q: 'kopi',
        lang: 'en',
        filters: { region: ['muara-enim', 'lampung'], motif: ['kopi', 'tengkiang'], technique: ['tulis'], category: ['kemeja'], color: ['cokelat'], minPrice: 100000, maxPrice: 500000, inStock: true },
        sort: 'price_asc',
        page: 2,
        pageSize: 12,
      },
    });
  });

  it('defaults to everything, Indonesian, relevance, page 1 of 24, and ignores empty form fields', () => {
    expect(parse('q=&region=&minPrice=&sort=')).toEqual({ ok: true, query: { q: '', lang: 'id', filters: {}, sort: 'relevance', page: 1, pageSize: 24 } });
  });

  it.each([
    ['minPrice=-5', 'Harga terendah harus angka rupiah bulat, 0 atau lebih.'],
    ['minPrice=12.5', 'Harga terendah harus angka rupiah bulat, 0 atau lebih.'],
    ['maxPrice=abc', 'Harga tertinggi harus angka rupiah bulat, 0 atau lebih.'],
    ['minPrice=500&maxPrice=100', 'Harga terendah tidak boleh lebih besar dari harga tertinggi.'],
    ['sort=cheapest', 'Urutan "cheapest" tidak dikenal; pilih relevance, price_asc, price_desc atau newest.'],
    ['page=0', 'Nomor halaman harus angka bulat 1 sampai 1000.'],
    ['pageSize=500', 'Jumlah per halaman harus 1 sampai 60.'],
    ['region=" OR 1=1', 'Nilai saringan "" OR 1=1" tidak valid.'],
    ['lang=fr', 'Bahasa harus id atau en.'],
  ])('%s is refused with a clear message', (qs, message) => {
    const r = parse(qs);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toContain(message);
  });

  it('speaks English when asked in English', () => {
    const r = parse('lang=en&page=abc');
    expect(r.ok ? [] : r.errors).toEqual(['The page must be a whole number from 1 to 1000.']);
  });

  it('round-trips through URL parameters', () => {
    const r = parse('q=mega mendung&region=cirebon&inStock=on&sort=newest&page=3');
    if (!r.ok) throw new Error('parse failed');
    expect(parse(toSearchParams(r.query).toString())).toEqual(r);
  });
});

import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/content/catalogue.ts';
import { loadContent } from '../../src/lib/content/load-content.ts';
import type { GlossaryEntry, Motif } from '../../src/lib/content/schemas.ts';
import type { ProductView } from '../../src/lib/store/model.ts';
import { COLOUR_FAMILIES, colourFamilies, colourFamily } from '../../src/lib/search/colour-family.ts';
import { buildSynonyms, motifToDocument, productToDocument } from '../../src/lib/search/documents.ts';
import { normalizePaging, normalizeQuery, normalizeText, synonymMap, tokenize, typoBudget } from '../../src/lib/search/query-rules.ts';

const contentDir = new URL('../../content/', import.meta.url).pathname;
const { content } = await loadContent(contentDir);
const motifs: Entry<Motif>[] = content.motifs.map((e) => ({ ...e.data, id: e.id }));
const glossary: Entry<GlossaryEntry>[] = content.glossary.map((e) => ({ ...e.data, id: e.id }));

function buildProductView(overrides: Partial<ProductView> = {}): ProductView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'kain-kopi-semende',
    artisanId: '00000000-0000-4000-8000-000000000002',
    title: { id: 'Kain Kopi Semende', en: 'Kopi Semende Cloth' },
    description: { id: 'Batik tulis motif kopi.', en: 'Hand-drawn batik with the coffee motif.' },
    motifs: ['kopi', 'tengkiang'],
    technique: 'tulis',
    dye: 'natural',
    fabric: 'katun-primisima',
    category: 'kain-panjang',
    lengthCm: 250,
    widthCm: 110,
    weightGrams: 350,
    priceIdr: 850_000,
    stock: 2,
    oneOfAKind: false,
    leadTimeDays: null,
    status: 'active',
    colors: ['#4a2c1a', '#f3e6cf', '#6b3e22'],
    hidden: false,
    isSample: true,
    createdAt: new Date('2026-01-02T00:00:00Z'),
    publishedAt: new Date('2026-01-05T00:00:00Z'),
    artisan: {
      slug: 'sanggar-semende',
      name: 'Ibu Rahmah',
      workshop: 'Sanggar Semende',
      region: 'muara-enim',
      place: 'Pulau Panggung',
      whatsapp: null,
      isSample: true,
    },
    images: [
      {
        id: 'img-2',
        position: 1,
        imageKey: 'cd/cdef',
        width: 1600,
        height: 1200,
        placeholder: '',
        dominantColors: ['#0b2a5b'],
        variants: [{ format: 'webp', width: 320, height: 240, path: 'cd/cdef-320.webp' }],
        alt: { id: 'Detail', en: 'Detail' },
      },
      {
        id: 'img-1',
        position: 0,
        imageKey: 'ab/abcd',
        width: 1600,
        height: 1200,
        placeholder: '',
        dominantColors: ['#a3201f', '#f3e6cf'],
        variants: [
          { format: 'avif', width: 320, height: 240, path: 'ab/abcd-320.avif' },
          { format: 'webp', width: 960, height: 720, path: 'ab/abcd-960.webp' },
          { format: 'webp', width: 640, height: 480, path: 'ab/abcd-640.webp' },
        ],
        alt: { id: 'Kain', en: 'Cloth' },
      },
    ],
    ...overrides,
  };
}

describe('colourFamily', () => {
  it.each([
    ['#0b2a5b', 'biru'],
    ['#a3201f', 'merah'],
    ['#4a2c1a', 'cokelat'],
    ['#f3e6cf', 'krem'],
    ['#F3E6CF', 'krem'],
    ['#000000', 'hitam'],
    ['#ffffff', 'putih'],
    ['#808080', 'abu-abu'],
    ['#6b7280', 'abu-abu'],
    ['#c2185b', 'merah-muda'],
    ['#f4a259', 'oranye'],
    ['#e3b23c', 'kuning'],
    ['#2e7d32', 'hijau'],
    ['#7b1fa2', 'ungu'],
  ])('maps %s to %s', (hex, family) => {
    expect(colourFamily(hex)).toBe(family);
  });

  it('does not throw on a value that is not a colour', () => {
    expect(colourFamily('red')).toBe('abu-abu');
    expect(colourFamily('')).toBe('abu-abu');
  });

  it('has unique ids, both names, and a swatch that is its own family', () => {
    expect(new Set(COLOUR_FAMILIES.map((f) => f.id)).size).toBe(COLOUR_FAMILIES.length);
    for (const family of COLOUR_FAMILIES) {
      expect(family.name.id && family.name.en).toBeTruthy();
      expect(colourFamily(family.swatch)).toBe(family.id);
    }
  });

  // Every motif palette names its colours; the family must agree with the name. Where the name
  // sits between two families (ivory white, light tan, golden orange) either is accepted.
  const rules: [RegExp, string[]][] = [
    [/^merah muda/, ['merah-muda']],
    [/^merah/, ['merah']],
    [/^jingga/, ['oranye', 'kuning']],
    [/^kuning gading/, ['krem', 'kuning']],
    [/^(kuning|emas)/, ['kuning']],
    [/^hijau/, ['hijau']],
    [/^biru arang/, ['biru', 'hitam']],
    [/^biru paling muda/, ['biru', 'putih']],
    [/^biru/, ['biru']],
    [/^ungu/, ['ungu']],
    [/^cokelat muda/, ['cokelat', 'krem']],
    [/^cokelat kehitaman/, ['cokelat', 'hitam']],
    [/^cokelat/, ['cokelat']],
    [/^krem/, ['krem']],
    [/^putih/, ['putih', 'krem']],
    [/^hitam/, ['hitam']],
  ];
  const palette = motifs.flatMap((m) => m.palette.map((p) => ({ motif: m.id, ...p })));

  it.each(palette.map((p) => [p.motif, p.hex, p.name.id] as const))('%s: %s (%s) is in the family its name says', (_m, hex, name) => {
    const rule = rules.find(([pattern]) => pattern.test(name));
    expect(rule, `no rule for the colour name "${name}": add one`).toBeDefined();
    expect(rule![1]).toContain(colourFamily(hex));
  });

  it('lists distinct families in first-seen order', () => {
    expect(colourFamilies(['#0b2a5b', '#14407a', '#a3201f'])).toEqual(['biru', 'merah']);
  });
});

describe('productToDocument', () => {
  it('maps a product with its motif names, artisan, cover and colour families', () => {
    const doc = productToDocument(buildProductView(), { motifs });
    expect(doc).toEqual({
      id: 'product-kain-kopi-semende',
      kind: 'product',
      slug: 'kain-kopi-semende',
      title: { id: 'Kain Kopi Semende', en: 'Kopi Semende Cloth' },
      description: { id: 'Batik tulis motif kopi.', en: 'Hand-drawn batik with the coffee motif.' },
      motifs: ['kopi', 'tengkiang'],
      motifNames: ['Kopi Semende', 'Kopi Semende (coffee)', 'Tengkiang', 'Tengkiang (rice barn)'],
      tags: ['Kain panjang', 'Kain panjang (long cloth)', 'batik tulis', 'hand-drawn batik', 'Katun primissima', 'Primissima cotton', 'Cokelat', 'Brown', 'Krem', 'Cream', 'muara enim'],
      motifSynonyms: expect.arrayContaining(['biji kopi', 'coffee bean', 'lumbung padi', 'rice barn']),
      maker: ['Sanggar Semende', 'Pulau Panggung'],
      region: 'muara-enim',
      technique: 'tulis',
      category: 'kain-panjang',
      colors: ['cokelat', 'krem'],
      priceIdr: 850_000,
      inStock: true,
      createdAt: Date.parse('2026-01-05T00:00:00Z'),
      imageUrl: '/media/ab/abcd-640.webp',
      artisan: { slug: 'sanggar-semende', name: 'Sanggar Semende' },
    });
  });

  it('uses the creation date when the product was never published, and stock 0 as out of stock', () => {
    const doc = productToDocument(buildProductView({ publishedAt: null, stock: 0 }), { motifs });
    expect(doc.createdAt).toBe(Date.parse('2026-01-02T00:00:00Z'));
    expect(doc.inStock).toBe(false);
  });

  it('falls back to the cover image colours, or takes the families it is given', () => {
    expect(productToDocument(buildProductView({ colors: [] }), { motifs }).colors).toEqual(['merah', 'krem']);
    expect(productToDocument(buildProductView(), { motifs, colorFamilies: ['biru', 'biru'] }).colors).toEqual(['biru']);
  });

  it('shows the first motif tile when there is no photo', () => {
    expect(productToDocument(buildProductView({ images: [] }), { motifs }).imageUrl).toBe('/art/motifs/kopi.svg');
  });

  it('accepts motif names as a map, and searches an unknown motif by its slug words', () => {
    const names = new Map([['kopi', { id: 'Kopi', en: 'Coffee' }]]);
    const doc = productToDocument(buildProductView({ motifs: ['kopi', 'sido-mukti'] }), { motifs: names });
    expect(doc.motifNames).toEqual(['Kopi', 'Coffee', 'sido mukti']);
  });

  it('does not share arrays with the product', () => {
    const product = buildProductView();
    const doc = productToDocument(product, { motifs });
    doc.motifs.push('x');
    expect(product.motifs).toEqual(['kopi', 'tengkiang']);
  });
});

describe('motifToDocument', () => {
  it('maps a motif of the catalogue, with its tile and palette families', () => {
    const megaMendung = motifs.find((m) => m.id === 'mega-mendung')!;
    const doc = motifToDocument(megaMendung);
    expect(doc).toMatchObject({
      id: 'motif-mega-mendung',
      kind: 'motif',
      slug: 'mega-mendung',
      title: { id: 'Mega Mendung', en: 'Mega Mendung (rain clouds)' },
      motifs: ['mega-mendung'],
      motifNames: ['Mega Mendung', 'Mega Mendung (rain clouds)'],
      region: 'cirebon',
      createdAt: 0,
      imageUrl: '/art/motifs/mega-mendung.svg',
    });
    expect(doc.colors).toEqual(['merah', 'biru', 'putih']);
    expect(doc.description.id).toBe(megaMendung.depicts.id);
    expect(doc.priceIdr).toBeUndefined();
    expect(motifToDocument(megaMendung, { createdAt: 5 }).createdAt).toBe(5);
  });

  it('indexes its own synonyms', () => {
    const doc = motifToDocument(motifs.find((m) => m.id === 'mega-mendung')!);
    expect(doc.tags).toEqual([]);
    expect(doc.motifSynonyms).toEqual(expect.arrayContaining(['awan', 'rain clouds']));
  });

  it('keeps one name when both languages agree', () => {
    expect(motifToDocument(motifs.find((m) => m.id === 'jlamprang')!).motifNames).toEqual(['Jlamprang']);
  });
});

describe('buildSynonyms', () => {
  const groups = buildSynonyms(glossary);
  const groupWith = (entry: string) => groups.find((g) => g.includes(entry));

  it('makes no motif groups: motif names and synonyms live on the documents', () => {
    for (const entry of ['kopi', 'coffee', 'mega mendung', 'awan', 'gajah', 'naga', 'lotus']) expect(groupWith(entry), entry).toBeUndefined();
  });

  it('groups a glossary term with its other names', () => {
    // jarik names kain panjang and kain panjang names jarik: one group, not two.
    expect(groups.filter((g) => g.includes('jarik'))).toEqual([['jarik', 'kain panjang']]);
    expect(groups).toContainEqual(['kain pelangi', 'pelangi']);
    // Glossary terms without another name make no group.
    expect(groupWith('canting')).toBeUndefined();
  });

  it('normalises and deduplicates entries; no group of one', () => {
    for (const group of groups) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      expect(new Set(group).size).toBe(group.length);
      for (const entry of group) expect(entry).toBe(normalizeText(entry));
    }
  });
});

describe('query rules', () => {
  it('normalises case, diacritics, hyphens and punctuation', () => {
    expect(normalizeText('  Mega-Méndung! (CIREBON) ')).toBe('mega mendung cirebon');
    expect(tokenize('Kopí☕"semende"')).toEqual(['kopi', 'semende']);
    expect(tokenize('İstanbul')).toEqual(['istanbul']);
  });

  it('keeps ten words and marks a last word that is not a prefix with a trailing space', () => {
    expect(normalizeQuery('"Mega Mendung"')).toBe('mega mendung ');
    expect(normalizeQuery('tengk')).toBe('tengk');
    expect(normalizeQuery('kopi ')).toBe('kopi ');
    expect(normalizeQuery('-kopi')).toBe('kopi');
    expect(normalizeQuery('a b c d e f g h i j k')).toBe('a b c d e f g h i j ');
    expect(normalizeQuery('☕')).toBe('');
    expect(normalizeQuery(undefined)).toBe('');
  });

  it('gives 0 typos below 5 letters, 1 from 5, 2 from 9', () => {
    expect([4, 5, 8, 9].map(typoBudget)).toEqual([0, 1, 1, 2]);
  });

  it('turns groups into a lookup with the union of every group an entry is in', () => {
    const map = synonymMap([['Naga', 'dragon'], ['naga', 'liong'], ['Kupu-kupu', 'butterfly']]);
    expect(map.get('naga')).toEqual(['dragon', 'liong']);
    expect(map.get('dragon')).toEqual(['naga']);
    expect(map.get('kupu kupu')).toEqual(['butterfly']);
  });

  it('clamps paging', () => {
    expect(normalizePaging(0, 1000)).toEqual({ page: 1, pageSize: 60 });
    expect(normalizePaging(2.7, 0)).toEqual({ page: 2, pageSize: 1 });
    expect(normalizePaging(Number.NaN, undefined)).toEqual({ page: 1, pageSize: 24 });
  });
});

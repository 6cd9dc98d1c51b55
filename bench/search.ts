#!/usr/bin/env node
/**
 * `npm run bench:search`: the embedded search engine (src/lib/search/embedded-engine.ts) at
 * 10 000 and 100 000 generated products, then `GET /api/search` end to end with autocannon.
 *
 * Each size runs in its own child process (`node --expose-gc bench/search.ts --size N`) so that
 * heap and RSS belong to that size alone. Per size it reports: document generation and index
 * build time, heap and RSS after build (after global.gc()), per-query latency over a FIXED mix of
 * 200 queries (a cold first pass, then BENCH_ROUNDS warm passes), the 5 slowest queries, and
 * incremental upserts. Products are generated deterministically (mulberry32, fixed seed) from the
 * 22 motifs of content/motifs: bilingual titles and descriptions, regions, techniques,
 * categories, colours, prices, stock and dates; they go through the real mapper
 * (`productToDocument`), as the server's indexer does. Nothing asserts a timing.
 *
 * Environment (all optional):
 *   BENCH_SIZES   "10000,100000"   BENCH_ROUNDS  5 (warm passes over the 200 queries)
 *   BENCH_HTTP    0 to skip the end-to-end part; BENCH_HTTP_DURATION 10 (s); BENCH_CONNECTIONS 10
 *   BENCH_PGLITE_DIR  seeded DATA_DIR for the end-to-end part (copied first; default /tmp/canting-data2)
 *   BENCH_JSON    write the JSON summary to this file too
 *
 * `node bench/search.ts --list` prints the 200 queries.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Entry } from '../src/lib/content/catalogue.ts';
import { catalogueFromContent } from '../src/lib/content/load-content.ts';
import type { Localized, Motif } from '../src/lib/content/schemas.ts';
import type { Category, Fabric, ProductView } from '../src/lib/store/model.ts';
import { buildSynonyms, motifToDocument, productToDocument } from '../src/lib/search/documents.ts';
import { createEmbeddedEngine } from '../src/lib/search/embedded-engine.ts';
import { toSearchParams } from '../src/lib/search/search-url.ts';
import type { SearchDocument, SearchFilters, SearchQuery, Sort } from '../src/lib/search/types.ts';
import { COLOUR_FAMILIES } from '../src/lib/search/colour-family.ts';
import { copyDataDir, cpuMeter, load, machine, procStatus, runAutocannon, startServer, summarise } from './lib/server.mjs';
import { int, mulberry32, pick, weighted } from '../src/lib/random.ts';

const CONTENT = fileURLToPath(new URL('../content/', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/* ------------------------------------------------------------------------------------------ */
/* Deterministic randomness                                                                    */
/* ------------------------------------------------------------------------------------------ */

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/* ------------------------------------------------------------------------------------------ */
/* Generated catalogue                                                                         */
/* ------------------------------------------------------------------------------------------ */

const PLACES: Record<string, string[]> = {
  'muara-enim': ['Tanjung Enim', 'Semende Darat Laut', 'Muara Enim', 'Tanjung Agung', 'Lawang Kidul'],
  prabumulih: ['Prabumulih Timur', 'Prabumulih Barat', 'Cambai', 'Rambang Kapak Tengah'],
  pekalongan: ['Kauman', 'Pesindon', 'Buaran', 'Wiradesa', 'Kedungwuni', 'Pekajangan'],
  probolinggo: ['Triwung Kidul', 'Kademangan', 'Mayangan', 'Wonoasih', 'Kanigaran'],
  cirebon: ['Trusmi', 'Plered', 'Kalitengah', 'Weru', 'Gamel'],
  lampung: ['Kemiling', 'Pinang Jaya', 'Tanjung Karang', 'Metro', 'Way Halim'],
};
const FIRST = ['Siti', 'Nur', 'Dewi', 'Sri', 'Ratna', 'Wulan', 'Ayu', 'Indah', 'Rina', 'Lestari', 'Agus', 'Budi', 'Eko', 'Joko', 'Hendra', 'Rudi', 'Bayu', 'Dimas', 'Fajar', 'Yusuf', 'Ahmad', 'Rahmat', 'Wahyu', 'Asep', 'Euis', 'Meliana', 'Fitri', 'Laila', 'Retno', 'Bagus'];
const LAST = ['Rahayu', 'Susanti', 'Wijaya', 'Saputra', 'Kusuma', 'Hidayat', 'Pratama', 'Setiawan', 'Lestari', 'Maharani', 'Nugroho', 'Santoso', 'Permana', 'Wibowo', 'Anggraeni', 'Marhaban', 'Pranoto', 'Mulyadi', 'Komariah', 'Ardiansyah'];
const WORKSHOP_PREFIX = ['Sanggar', 'Rumah Batik', 'Griya Batik', 'Batik', 'Kelompok Perajin', 'Galeri'];
const WORKSHOP_WORD = ['Sekar Jagad', 'Arum Sari', 'Lintang', 'Canting Mas', 'Malam Wangi', 'Tirta', 'Sido Luhur', 'Citra', 'Kembang', 'Purnama', 'Mentari', 'Serasan', 'Bumi Sriwijaya', 'Pesisir', 'Kauman', 'Trusmi', 'Tapis', 'Bayu Anggur', 'Kenanga', 'Melati', 'Cempaka', 'Wijaya Kusuma', 'Kartini', 'Sinar', 'Mutiara', 'Nusantara', 'Sogan', 'Indigo', 'Secang', 'Tembaga'];
const COLLECTION = ['Seri Pusaka', 'Seri Pesisir', 'Edisi Lebaran', 'Edisi Imlek', 'Koleksi Kartini', 'Seri Pengantin', 'Edisi Terbatas', 'Seri Kantor', 'Koleksi Sogan', 'Seri Indigo'];

const CATEGORY_WEIGHTS: Record<Category, number> = { 'kain-panjang': 30, sarung: 12, selendang: 15, kemeja: 22, tas: 11, dompet: 10 };
const KINDS: Record<Category, Localized[]> = {
  'kain-panjang': [{ id: 'Kain Panjang', en: 'long cloth' }, { id: 'Jarik', en: 'jarik cloth' }],
  sarung: [{ id: 'Sarung', en: 'sarong' }],
  selendang: [{ id: 'Selendang', en: 'shawl' }, { id: 'Syal', en: 'scarf' }],
  kemeja: [{ id: 'Kemeja Lengan Panjang', en: 'long-sleeved shirt' }, { id: 'Kemeja Lengan Pendek', en: 'short-sleeved shirt' }, { id: 'Blus', en: 'blouse' }],
  tas: [{ id: 'Tas Jinjing', en: 'tote bag' }, { id: 'Tas Selempang', en: 'shoulder bag' }, { id: 'Pouch', en: 'pouch' }],
  dompet: [{ id: 'Dompet Lipat', en: 'folding wallet' }, { id: 'Dompet Koin', en: 'coin purse' }],
};
const TECH: Record<string, Localized> = {
  tulis: { id: 'Batik Tulis', en: 'hand-drawn batik' },
  cap: { id: 'Batik Cap', en: 'stamped batik' },
  kombinasi: { id: 'Batik Kombinasi', en: 'cap-and-tulis batik' },
  jumputan: { id: 'Jumputan', en: 'tie-dye' },
  songket: { id: 'Songket', en: 'woven songket' },
  printing: { id: 'Kain Printing Motif Batik', en: 'printed batik-pattern cloth' },
};
const FABRICS: Record<Fabric, Localized> = {
  'katun-primisima': { id: 'katun primisima', en: 'primisima cotton' },
  'katun-prima': { id: 'katun prima', en: 'prima cotton' },
  sutra: { id: 'sutra', en: 'silk' },
  santung: { id: 'santung', en: 'shantung' },
  dobi: { id: 'dobi', en: 'dobby' },
};
const TECH_SENTENCE: Record<string, Localized> = {
  tulis: { id: 'Malamnya digambar tangan dengan canting, jadi setiap garis sedikit berbeda.', en: 'The wax is drawn by hand with a canting, so every line differs a little.' },
  cap: { id: 'Malamnya dibubuhkan dengan cap tembaga, lalu kain dicelup dan malamnya dilorod.', en: 'The wax is applied with a copper stamp, then the cloth is dyed and the wax boiled off.' },
  kombinasi: { id: 'Pola dasarnya dicap, lalu detailnya digambar tangan dengan canting.', en: 'The base pattern is stamped, then the details are drawn by hand with a canting.' },
  jumputan: { id: 'Kainnya diikat lalu dicelup tanpa malam, jadi jumputan ini bukan batik.', en: 'The cloth is tied and dyed without wax, so this jumputan is not batik.' },
  songket: { id: 'Ditenun tangan dengan benang logam; songket adalah kain tenun, bukan batik.', en: 'Hand-woven with metallic thread; songket is woven cloth, not batik.' },
  printing: { id: 'Dicetak mesin tanpa malam: ini tiruan motif batik, bukan batik.', en: 'Machine-printed without wax: this imitates a batik pattern and is not batik.' },
};
const CARE: Localized[] = [
  { id: 'Sebaiknya dicuci dengan tangan dan dijemur di tempat teduh.', en: 'Best washed by hand and dried in the shade.' },
  { id: 'Cuci terpisah dengan sabun lerak agar warnanya awet.', en: 'Wash separately with lerak soap so the colours last.' },
  { id: 'Jangan diperas; setrika dari sisi dalam dengan suhu sedang.', en: 'Do not wring; iron inside out on a medium heat.' },
];
const PRICE_BAND: Record<string, [number, number]> = {
  tulis: [450_000, 5_000_000],
  cap: [75_000, 400_000],
  kombinasi: [250_000, 900_000],
  jumputan: [75_000, 400_000],
  songket: [750_000, 5_000_000],
  printing: [50_000, 150_000],
};
const CATEGORY_PRICE: Record<Category, number> = { 'kain-panjang': 1, sarung: 0.85, selendang: 0.7, kemeja: 0.9, tas: 0.55, dompet: 0.3 };

interface Artisan {
  slug: string;
  name: string;
  workshop: string;
  region: string;
  place: string;
}

/** Sentences of a text, for reuse in descriptions. */
const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 20);

/** `count` products as the database would return them (ProductView), deterministically. */
function generateProducts(motifs: readonly Entry<Motif>[], count: number, seed = 20261123): ProductView[] {
  const rng = mulberry32(seed);
  const regions = Object.keys(PLACES);
  // Artisans: one per ~40 products, spread over the regions.
  const artisans: Artisan[] = [];
  const artisanCount = Math.max(60, Math.round(count / 40));
  for (let i = 0; i < artisanCount; i++) {
    const region = regions[i % regions.length]!;
    const name = `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
    artisans.push({ slug: `perajin-${i + 1}`, name, workshop: `${pick(rng, WORKSHOP_PREFIX)} ${pick(rng, WORKSHOP_WORD)}`, region, place: pick(rng, PLACES[region]!) });
  }
  const byRegion = new Map(regions.map((r) => [r, artisans.filter((a) => a.region === r)]));
  const motifSentences = new Map(
    motifs.map((m) => [m.id, { id: [...sentences(m.depicts.id), ...sentences(m.meaning.id), ...sentences(m.history.id)], en: [...sentences(m.depicts.en), ...sentences(m.meaning.en), ...sentences(m.history.en)] }]),
  );
  const short = (m: Entry<Motif>): Localized => ({ id: m.name.id.replace(/^(Batik|Jumputan|Songket) /, ''), en: m.name.en.replace(/\s*\(.*\)\s*$/, '').replace(/^(Batik|Jumputan|Songket) /, '') });
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;

  const products: ProductView[] = [];
  for (let i = 0; i < count; i++) {
    const motif = pick(rng, motifs);
    const chosen = [motif];
    if (rng() < 0.15) {
      const partner = pick(rng, motifs.filter((m) => m.region === motif.region && m.id !== motif.id && m.techniques.some((t) => motif.techniques.includes(t))).concat(motif));
      if (partner.id !== motif.id) chosen.push(partner);
    }
    const common = motif.techniques.filter((t) => chosen.every((m) => m.techniques.includes(t)));
    let technique = pick(rng, common.length ? common : motif.techniques);
    if (technique === 'tulis' && common.includes('cap') && rng() < 0.2) technique = 'kombinasi';
    if (rng() < 0.04 && technique !== 'songket' && technique !== 'jumputan') technique = 'printing';
    const woven = technique === 'songket' || technique === 'jumputan';
    const category: Category = woven ? (rng() < 0.6 ? 'kain-panjang' : 'selendang') : weighted(rng, CATEGORY_WEIGHTS);
    const kind = pick(rng, KINDS[category]);
    const fabric: Fabric = technique === 'songket' ? 'sutra' : weighted<Fabric>(rng, { 'katun-primisima': 30, 'katun-prima': 30, sutra: 12, santung: 14, dobi: 14 });
    const artisan = rng() < 0.9 ? pick(rng, byRegion.get(motif.region) ?? artisans) : pick(rng, artisans);
    // Colours: one to three of the motif's palette (the ground first), named in both languages.
    const palette = motif.palette.slice(0, int(rng, 1, 3));
    const colourNames = palette.map((p) => p.name);
    const [lo, hi] = PRICE_BAND[technique]!;
    let price = (lo + rng() ** 1.8 * (hi - lo)) * CATEGORY_PRICE[category];
    if (fabric === 'sutra') price *= 1.6;
    const priceIdr = Math.max(25_000, Math.round(price / 5_000) * 5_000);
    const stock = rng() < 0.22 ? 0 : rng() < 0.5 ? 1 : int(rng, 2, 20);
    const created = new Date(start + Math.floor(rng() * span));

    const t = TECH[technique]!;
    const mId = chosen.map((m) => short(m).id).join(' dan ');
    const mEn = chosen.map((m) => short(m).en).join(' and ');
    const cId = colourNames.map((c) => c.id).join(' dan ');
    const cEn = colourNames.map((c) => c.en).join(' and ');
    const fab = FABRICS[fabric];
    const collection = rng() < 0.25 ? ` ${pick(rng, COLLECTION)}` : '';
    let title: Localized;
    switch (int(rng, 0, 3)) {
      case 0:
        title = { id: `${kind.id} ${t.id} ${mId} ${cap(fab.id)}${collection}`, en: `${mEn} ${t.en} ${kind.en}, ${fab.en}` };
        break;
      case 1:
        title = { id: `${kind.id} Motif ${mId} ${cap(cId)}${collection}`, en: `${cap(cEn)} ${mEn} ${kind.en}, ${t.en}` };
        break;
      case 2:
        title = { id: `${t.id} ${mId}: ${kind.id.toLowerCase()} ${fab.id}`, en: `${cap(t.en)} ${kind.en} with the ${mEn} motif` };
        break;
      default:
        title = { id: `${kind.id} ${mId} khas ${artisan.place}${collection}`, en: `${mEn} ${kind.en} from ${artisan.place}` };
    }
    const ms = motifSentences.get(motif.id)!;
    const k = Math.floor(rng() * Math.max(1, Math.min(ms.id.length, ms.en.length)));
    const description: Localized = {
      id: [
        `${kind.id} ${t.id.toLowerCase()} motif ${mId} dari ${artisan.place}, dikerjakan oleh ${artisan.workshop} di atas ${fab.id} dalam warna ${cId}.`,
        ms.id[k] ?? '',
        TECH_SENTENCE[technique]!.id,
        pick(rng, CARE).id,
      ].join(' '),
      en: [
        `A ${kind.en} in ${t.en} with the ${mEn} motif from ${artisan.place}, made by ${artisan.workshop} on ${fab.en} in ${cEn}.`,
        ms.en[k] ?? '',
        TECH_SENTENCE[technique]!.en,
        pick(rng, CARE).en,
      ].join(' '),
    };
    const slug = `${category}-${technique}-${motif.id}-${String(i + 1).padStart(6, '0')}`;
    products.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      slug,
      artisanId: artisan.slug,
      title,
      description,
      motifs: chosen.map((m) => m.id),
      technique,
      dye: rng() < 0.3 ? 'natural' : 'synthetic',
      fabric,
      category,
      lengthCm: null,
      widthCm: null,
      weightGrams: int(rng, 80, 600),
      priceIdr,
      stock,
      oneOfAKind: stock === 1,
      leadTimeDays: null,
      status: 'active',
      colors: palette.map((p) => p.hex),
      hidden: false,
      isSample: true,
      createdAt: created,
      publishedAt: created,
      artisan: { slug: artisan.slug, name: artisan.name, workshop: artisan.workshop, region: artisan.region, place: artisan.place, whatsapp: null, isSample: true },
      images: [],
    });
  }
  return products;
}

/* ------------------------------------------------------------------------------------------ */
/* The fixed query mix                                                                         */
/* ------------------------------------------------------------------------------------------ */

interface BenchQuery {
  kind: 'word' | 'typo' | 'prefix' | 'two-word' | 'synonym' | 'empty+filters';
  query: SearchQuery;
}

const SINGLE = ['batik', 'kopi', 'coffee', 'nanas', 'sarung', 'sarong', 'kemeja', 'shirt', 'selendang', 'shawl', 'tulis', 'sutra', 'silk', 'durian', 'gajah', 'kapal', 'siger', 'padi', 'cirebon', 'pekalongan', 'lampung', 'probolinggo', 'merah', 'biru', 'krem', 'cream', 'tas', 'dompet', 'wallet', 'jumputan', 'songket', 'liong', 'teratai', 'wadasan', 'manggur', 'buketan', 'meraje', 'kujur', 'tengkiang', 'jlamprang'];
const TYPOS = ['tengkaing', 'pekalongna', 'selendnag', 'kemjea', 'jlamprnag', 'manggru', 'cirebn', 'songkte', 'jumputna', 'buketna', 'sarugn', 'hokokia', 'lampnug', 'shawll', 'elephnat', 'pineaple', 'cofee', 'dragoon', 'wadasna', 'primsima', 'probolingo', 'mendnug', 'teratia', 'siegr', 'kaain'];
const PREFIXES = ['teng', 'meg', 'pek', 'sel', 'kem', 'jum', 'song', 'pin', 'ele', 'bat', 'wad', 'cir', 'hok', 'man', 'lam', 'dur', 'kap', 'sig', 'ka', 'b', 'su', 'prim', 'tr', 'kain pan', 'batik tu'];
/** The English entries of the lists above (the rest are Indonesian, or names used in both). */
const ENGLISH = new Set(['coffee', 'sarong', 'shirt', 'shawl', 'silk', 'cream', 'wallet', 'shawll', 'elephnat', 'pineaple', 'cofee', 'dragoon', 'coffee shirt', 'silk shawl', 'hand drawn', 'blue clouds', 'red sarong', 'tote bag', 'stamped batik shirt', 'long cloth', 'rice barn', 'white lotus', 'sogan brown']);
const TWO_WORDS = ['mega mendung', 'batik tulis', 'kain panjang', 'batik cap', 'kopi semende', 'paksi naga', 'coffee shirt', 'silk shawl', 'hand drawn', 'kemeja kopi', 'sarung cirebon', 'selendang sutra', 'tas jumputan', 'blue clouds', 'pewarna alam', 'jawa hokokai', 'teratai putih', 'tujuh rupa', 'angin gending', 'seinggok nanas', 'batik pekalongan', 'red sarong', 'kain songket', 'tote bag', 'megamendung', 'batik tulis sutra', 'kemeja lengan panjang', 'stamped batik shirt', 'kain panjang tulis', 'dompet koin', 'long cloth', 'rice barn', 'white lotus', 'cap tembaga', 'sogan brown'];

function buildQueries(motifs: readonly Entry<Motif>[], seed = 7): BenchQuery[] {
  const rng = mulberry32(seed);
  // Synonym queries: for each motif, one English and one Indonesian entry of its synonyms that
  // is not its slug (the engine must expand them: "coffee" finds kopi, "awan" finds mega mendung).
  const synonyms: { q: string; english: boolean }[] = [];
  for (const m of motifs) {
    const slugWords = m.id.replaceAll('-', ' ');
    const en = m.synonyms.en.find((s) => s !== slugWords);
    const id = m.synonyms.id.find((s) => s !== slugWords);
    if (en) synonyms.push({ q: en, english: true });
    if (id) synonyms.push({ q: id, english: false });
  }
  const regions = [...new Set(motifs.map((m) => m.region))].sort();
  const motifIds = motifs.map((m) => m.id).sort();
  const techniques = ['tulis', 'cap', 'kombinasi', 'jumputan', 'songket', 'printing'];
  const categories = Object.keys(CATEGORY_WEIGHTS);
  const colours = COLOUR_FAMILIES.map((c) => c.id);

  const filters = (min: number, max: number): SearchFilters => {
    const f: SearchFilters = {};
    const n = int(rng, min, max);
    const keys = ['region', 'motif', 'technique', 'category', 'color', 'price', 'inStock'] as const;
    const used = new Set<string>();
    while (used.size < n) used.add(pick(rng, keys));
    const some = (list: readonly string[]) => [...new Set(Array.from({ length: rng() < 0.25 ? 2 : 1 }, () => pick(rng, list)))];
    for (const key of used) {
      if (key === 'region') f.region = some(regions);
      else if (key === 'motif') f.motif = some(motifIds);
      else if (key === 'technique') f.technique = some(techniques);
      else if (key === 'category') f.category = some(categories);
      else if (key === 'color') f.color = some(colours);
      else if (key === 'inStock') f.inStock = true;
      else {
        const lo = pick(rng, [0, 100_000, 250_000, 500_000]);
        if (rng() < 0.5) f.minPrice = lo;
        f.maxPrice = lo + pick(rng, [150_000, 500_000, 2_000_000]);
      }
    }
    return f;
  };
  const sort = (emptyQ: boolean): Sort => (emptyQ ? weighted<Sort>(rng, { relevance: 25, price_asc: 25, price_desc: 25, newest: 25 }) : weighted<Sort>(rng, { relevance: 55, price_asc: 15, price_desc: 15, newest: 15 }));
  const page = () => weighted(rng, { '1': 70, '2': 20, '3': 10 });
  const make = (kind: BenchQuery['kind'], q: string, english = false): BenchQuery => {
    const emptyQ = q === '';
    // Mostly the language the words are in; now and then the other one (English typed on /id/).
    const sameLanguage = rng() < 0.85;
    const lang = emptyQ ? (rng() < 0.5 ? 'id' : 'en') : english === sameLanguage ? 'en' : 'id';
    return {
      kind,
      query: { q, lang, filters: emptyQ ? filters(1, 3) : rng() < 0.4 ? filters(1, 2) : {}, sort: sort(emptyQ), page: Number(page()), pageSize: 24 },
    };
  };
  const out: BenchQuery[] = [];
  const en = (q: string) => ENGLISH.has(q);
  for (let i = 0; i < 40; i++) out.push(make('word', SINGLE[i % SINGLE.length]!, en(SINGLE[i % SINGLE.length]!)));
  for (let i = 0; i < 25; i++) out.push(make('typo', TYPOS[i % TYPOS.length]!, en(TYPOS[i % TYPOS.length]!)));
  for (let i = 0; i < 25; i++) out.push(make('prefix', PREFIXES[i % PREFIXES.length]!, rng() < 0.5));
  for (let i = 0; i < 35; i++) out.push(make('two-word', TWO_WORDS[i % TWO_WORDS.length]!, en(TWO_WORDS[i % TWO_WORDS.length]!)));
  for (let i = 0; i < 30; i++) out.push(make('synonym', synonyms[i % synonyms.length]!.q, synonyms[i % synonyms.length]!.english));
  for (let i = 0; i < 45; i++) out.push(make('empty+filters', ''));
  // Interleave the kinds (a fixed shuffle) so no kind runs only cold or only warm.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Measuring                                                                                   */
/* ------------------------------------------------------------------------------------------ */

const gc = (globalThis as { gc?: () => void }).gc;
function collect(): void {
  if (!gc) return;
  gc();
  gc();
}
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (n: number) => Math.round(n * 1000) / 1000;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
function stats(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: ms(percentile(s, 50)), p95: ms(percentile(s, 95)), p99: ms(percentile(s, 99)), max: ms(s[s.length - 1] ?? Number.NaN), mean: ms(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}
const describe = (q: SearchQuery) => toSearchParams(q, { includeLang: true }).toString();

async function runSize(size: number, rounds: number) {
  if (!gc) throw new Error('run with node --expose-gc');
  const loadAtStart = load();
  const catalogue = await catalogueFromContent(CONTENT);
  const motifs = catalogue.motifs;
  const queries = buildQueries(motifs);
  collect();
  const baseline = process.memoryUsage();

  let t = performance.now();
  let products: ProductView[] | null = generateProducts(motifs, size);
  const generateMs = performance.now() - t;
  // The catalogue's motifs, as the server's indexer passes them: names and synonyms.
  const motifNames = motifs;
  t = performance.now();
  let docs: SearchDocument[] | null = [...motifs.map((m) => motifToDocument(m)), ...products.map((p) => productToDocument(p, { motifs: motifNames }))];
  const mapMs = performance.now() - t;
  const spare = products.slice(0, 1000); // kept for the upsert part below
  products = null;

  const engine = createEmbeddedEngine();
  await engine.configure(buildSynonyms(catalogue.glossary));
  t = performance.now();
  await engine.replaceAll(docs);
  const buildMs = performance.now() - t;
  const documents = docs.length;
  docs = null; // the engine keeps its own copies
  collect();
  const afterBuild = process.memoryUsage();

  // Queries: a cold pass (typo/prefix expansions not cached yet), then warm passes.
  const cold: number[] = [];
  const warm: number[][] = queries.map(() => []);
  const totals: number[] = [];
  for (const { query } of queries) {
    const s = performance.now();
    const result = await engine.search(query);
    cold.push(performance.now() - s);
    totals.push(result.total);
  }
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < queries.length; i++) {
      const s = performance.now();
      await engine.search(queries[i]!.query);
      warm[i]!.push(performance.now() - s);
    }
  }
  const warmAll = warm.flat();
  const medians = warm.map((w) => percentile([...w].sort((a, b) => a - b), 50));
  const slowest = medians
    .map((median, i) => ({ i, median }))
    .sort((a, b) => b.median - a.median)
    .slice(0, 5)
    .map(({ i, median }) => ({ kind: queries[i]!.kind, query: describe(queries[i]!.query), total: totals[i]!, medianMs: ms(median), coldMs: ms(cold[i]!) }));
  const byKind: Record<string, ReturnType<typeof stats>> = {};
  for (const kind of [...new Set(queries.map((q) => q.kind))]) {
    byKind[kind] = stats(warm.filter((_, i) => queries[i]!.kind === kind).flat());
  }

  // Incremental upserts: (1) 100 single-product updates of existing products (price and stock
  // change, same words); (2) one batch of 1 000 new products (new slugs; new words in titles);
  // then the 200 queries again, cold, since new words clear the expansion cache.
  const single: number[] = [];
  for (let i = 0; i < 100; i++) {
    const p = spare[i]!;
    const doc = productToDocument({ ...p, priceIdr: p.priceIdr + 5_000, stock: (p.stock + 1) % 5 }, { motifs: motifNames });
    const s = performance.now();
    await engine.upsert([doc]);
    single.push(performance.now() - s);
  }
  const fresh = spare.map((p, i) =>
    productToDocument({ ...p, slug: `baru-${i}-${p.slug}`, title: { id: `${p.title.id} Baru${i}`, en: `${p.title.en} new${i}` } }, { motifs: motifNames }),
  );
  t = performance.now();
  await engine.upsert(fresh);
  const batchMs = performance.now() - t;
  const afterUpsert: number[] = [];
  for (const { query } of queries) {
    const s = performance.now();
    await engine.search(query);
    afterUpsert.push(performance.now() - s);
  }
  collect();
  const end = process.memoryUsage();

  return {
    size,
    documents,
    generateMs: Math.round(generateMs),
    mapToDocumentsMs: Math.round(mapMs),
    buildMs: Math.round(buildMs),
    memoryMB: {
      baselineHeap: mb(baseline.heapUsed),
      heapAfterBuild: mb(afterBuild.heapUsed),
      indexHeap: mb(afterBuild.heapUsed - baseline.heapUsed),
      rssAfterBuild: mb(afterBuild.rss),
      peakRss: mb((procStatus(process.pid).VmHWM ?? 0) * 1024),
      heapAtEnd: mb(end.heapUsed),
    },
    queries: {
      count: queries.length,
      rounds,
      mix: Object.fromEntries([...new Set(queries.map((q) => q.kind))].map((k) => [k, queries.filter((q) => q.kind === k).length])),
      zeroResultQueries: totals.filter((n) => n === 0).length,
      cold: stats(cold),
      warm: stats(warmAll),
      warmByKind: byKind,
      slowest,
      afterUpsertCold: stats(afterUpsert),
    },
    upsert: { singleExisting: stats(single), batchOf1000NewMs: Math.round(batchMs), perDocInBatchMs: ms(batchMs / 1000) },
    loadavg: { atStart: loadAtStart, atEnd: load() },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* End to end: GET /api/search on the built server (PGlite)                                    */
/* ------------------------------------------------------------------------------------------ */

const HTTP_QUERIES = [
  '/api/search?q=kopi&lang=id',
  '/api/search?q=mega%20mendung&lang=en&sort=price_asc',
  '/api/search?q=tengkaing&lang=id',
  '/api/search?q=sel&lang=id&page=2&pageSize=12',
  '/api/search?q=coffee&lang=en&category=kemeja',
  '/api/search?q=&lang=id&region=cirebon&technique=tulis&sort=newest',
  '/api/search?q=&lang=en&color=biru&inStock=true&maxPrice=500000&sort=price_desc',
  '/api/search?q=batik%20tulis&lang=id&region=pekalongan,lampung',
];

async function runHttp() {
  const source = process.env.BENCH_PGLITE_DIR ?? (existsSync('/tmp/canting-data2') ? '/tmp/canting-data2' : '.data');
  const dir = copyDataDir(source, 'search');
  const server = await startServer({ env: { DATA_DIR: dir, DATABASE_URL: '' } });
  try {
    // First call builds the index from the database; it is not part of the measurement.
    const first = performance.now();
    const res = await fetch(`${server.origin}/api/search?q=kopi`);
    const body = (await res.json()) as { total?: number };
    const firstMs = Math.round(performance.now() - first);
    const indexed = (await (await fetch(`${server.origin}/api/search?q=&pageSize=1`)).json()) as { total?: number };
    for (const path of HTTP_QUERIES) {
      const r = await fetch(server.origin + path);
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
    }
    const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
    const duration = Number(process.env.BENCH_HTTP_DURATION ?? 10);
    const requests = HTTP_QUERIES.map((path) => ({ method: 'GET', path }));
    await runAutocannon({ url: server.origin, connections, duration: 2, requests });
    const before = load();
    const meter = cpuMeter(server.pid);
    const result = await runAutocannon({ url: server.origin, connections, duration, requests });
    const cpu = meter.stop();
    return {
      firstRequestMs: firstMs,
      firstTotal: body.total,
      documentsMatchingEmptyQuery: indexed.total,
      urls: HTTP_QUERIES,
      connections,
      durationS: duration,
      ...summarise(result),
      server: { peakRssMB: Math.round((procStatus(server.pid).VmHWM ?? 0) / 1024) },
      cpu,
      serverCpuMsPerRequest: Math.round(((cpu.serverPct * 10) / result.requests.average) * 100) / 100,
      loadavg: { before, after: load() },
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                        */
/* ------------------------------------------------------------------------------------------ */

const sizeFlag = process.argv.indexOf('--size');
if (process.argv.includes('--list')) {
  // The fixed query mix, one per line: kind, then the query as /api/search parameters.
  const queries = buildQueries((await catalogueFromContent(CONTENT)).motifs);
  for (const q of queries) console.log(`${q.kind.padEnd(14)} ${describe(q.query)}`);
} else if (sizeFlag > 0) {
  const result = await runSize(Number(process.argv[sizeFlag + 1]), Number(process.env.BENCH_ROUNDS ?? 5));
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} else {
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
  const runs = [];
  for (const size of sizes) {
    console.error(`[search] ${size} products…`);
    const child = spawnSync(process.execPath, ['--expose-gc', SELF, '--size', String(size)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
    const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (child.status !== 0 || !line) throw new Error(`the ${size} run failed (exit ${child.status}):\n${child.stdout}`);
    runs.push(JSON.parse(line.slice('RESULT '.length)) as Awaited<ReturnType<typeof runSize>>);
  }
  const http = process.env.BENCH_HTTP === '0' ? null : (console.error('[search] GET /api/search end to end…'), await runHttp());
  const summary = { bench: 'search', date: new Date().toISOString(), machine: machine(), runs, http };
  console.log(JSON.stringify(summary, null, 2));
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(summary, null, 2));

  console.log('\n| products | docs | build ms | heap after build MB (index) | RSS after build MB | cold p50/p95/p99 ms | warm p50/p95/p99 ms | warm max ms | single upsert p50/p95 ms | 1 000 new docs ms | after-upsert p95 ms | load 1m |');
  console.log('| ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | --- | ---: | ---: | ---: |');
  for (const r of runs) {
    const q = r.queries;
    console.log(
      `| ${r.size} | ${r.documents} | ${r.buildMs} | ${r.memoryMB.heapAfterBuild} (${r.memoryMB.indexHeap}) | ${r.memoryMB.rssAfterBuild} | ${q.cold.p50} / ${q.cold.p95} / ${q.cold.p99} | ${q.warm.p50} / ${q.warm.p95} / ${q.warm.p99} | ${q.warm.max} | ${r.upsert.singleExisting.p50} / ${r.upsert.singleExisting.p95} | ${r.upsert.batchOf1000NewMs} | ${q.afterUpsertCold.p95} | ${r.loadavg.atStart[0]} → ${r.loadavg.atEnd[0]} |`,
    );
  }
  for (const r of runs) {
    console.log(`\nSlowest 5 (median of ${r.queries.rounds} warm runs) at ${r.size}:`);
    for (const s of r.queries.slowest) console.log(`- ${s.medianMs} ms (cold ${s.coldMs} ms, ${s.total} hits) [${s.kind}] ${s.query}`);
  }
  if (http) {
    console.log(`\nGET /api/search: ${http.documentsMatchingEmptyQuery} documents in the index (the seeded products and the 22 motifs; the first request built it in ${http.firstRequestMs} ms)`);
    console.log('\n| GET /api/search | req/s | p50 ms | p97.5 ms | p99 ms | errors | non-2xx | peak RSS MB | CPU % server / client / postgres / others | server CPU ms/req | load 1m |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |');
    console.log(`| ${http.urls.length} URLs, ${http.connections} conn, ${http.durationS} s | ${http.rps} | ${http.latencyMs.p50} | ${http.latencyMs.p97_5} | ${http.latencyMs.p99} | ${http.errors + http.timeouts} | ${http.non2xx} | ${http.server.peakRssMB} | ${http.cpu.serverPct} / ${http.cpu.benchClientPct} / ${http.cpu.postgresPct} / ${http.cpu.othersPct} | ${http.serverCpuMsPerRequest} | ${http.loadavg.before[0]} |`);
  }
}

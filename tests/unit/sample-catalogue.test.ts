import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateSampleProducts, REAL_MAKERS, SAMPLE_ARTISANS, sampleSizeOptions, type MotifInfo, type SampleProduct } from '../../src/lib/store/sample-catalogue.ts';
import { artisanInputSchema, CATEGORIES, productInputSchema } from '../../src/lib/store/model.ts';
import { MOCKUP_KINDS } from '../../src/lib/art/product-mockup.ts';
import { COLOUR_FAMILIES, colourFamilies } from '../../src/lib/search/colour-family.ts';

const MOTIF_DIR = join(import.meta.dirname, '../../content/motifs');

function loadMotifs(): MotifInfo[] {
  return readdirSync(MOTIF_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const data = yaml.load(readFileSync(join(MOTIF_DIR, f), 'utf8')) as { region: string; techniques: string[]; name: { id: string; en: string }; palette: { hex: string }[] };
      return { id: f.replace(/\.yaml$/, ''), region: data.region, techniques: data.techniques, name: data.name, palette: data.palette.map((c) => c.hex) };
    });
}

const motifs = loadMotifs();
const motifById = new Map(motifs.map((m) => [m.id, m]));
const products = generateSampleProducts(motifs);
const regionOf = new Map(SAMPLE_ARTISANS.map((a) => [a.input.slug, a.input.region]));
const REGIONS = ['muara-enim', 'prabumulih', 'pekalongan', 'probolinggo', 'cirebon', 'lampung'];
/** Real businesses and makers named in docs/batik-facts.md; no sample name may contain them. */
const REAL_NAMES = ['serasan', 'kujur', 'gabovira', 'siger roemah', 'azizah', 'aziza', 'wasis', 'deandra', 'ronggo', 'prabulinggih', 'selowati', 'dewi rengganis', 'pasir berbisik', 'trusmi', 'van zuylen'];
/**
 * Well-known Indonesians (singers, actors, politicians, athletes, batik designers) and the people
 * the brief and the seed articles name. No sample person may carry one of these names.
 */
const KNOWN_PEOPLE = [
  'Euis Komariah', 'Elvy Sukaesih', 'Iis Dahlia', 'Titiek Puspa', 'Nike Ardilla', 'Rhoma Irama', 'Iwan Fals', 'Didi Kempot',
  'Krisdayanti', 'Raisa Andriana', 'Agnes Monica', 'Dewi Lestari', 'Siti Nurhaliza', 'Inul Daratista', 'Desy Ratnasari',
  'Joko Widodo', 'Prabowo Subianto', 'Megawati Soekarnoputri', 'Sri Mulyani', 'Susi Pudjiastuti', 'Retno Marsudi', 'Ridwan Kamil',
  'Susi Susanti', 'Taufik Hidayat', 'Rudy Hartono', 'Liliyana Natsir', 'Iwan Tirta', 'Go Tik Swan', 'Oey Soe Tjoen', 'Josephine Komara',
  'Totok Adi Hermanto', 'Gatot Kartiko', 'Rodia Syamwil', 'Muchtar Edi', 'Reni Indayani', 'Ernila Rizar', 'Renny Devi', 'Elvik Fransiska',
  'Dessy Hershanty', 'Hadi Zainal Abidin', 'Fredy Prasetyo Wibowo', 'Arumi Bachsin', 'Evariani Aminuddin',
];

/** A person's name carries a known name when it has all the known name's words. */
function carriesName(name: string, known: string): boolean {
  const words = new Set(name.toLowerCase().split(/\s+/));
  return known.toLowerCase().split(/\s+/).every((w) => words.has(w));
}

/** An Indonesian mobile number in any usual writing (+62 8…, 62 8…, 08…): someone may own it. */
function couldBeRealPhone(n: string): boolean {
  return /^(?:\+?62|0)8\d{7,11}$/.test(n.replace(/[\s().-]/g, ''));
}

/** The one documented cross-region exception (brief §1.2): Pekalongan makers trained Prabumulih's nanas makers. */
const GUEST_MOTIFS: Record<string, string[]> = { pekalongan: ['nanas'] };

/** Price limits in rupiah per technique and category (docs/batik-facts.md §4). */
function priceLimits(p: SampleProduct['input']): [number, number] {
  const cloth = ['kain-panjang', 'sarung', 'selendang'].includes(p.category);
  if (p.technique === 'songket') return [750_000, 5_000_000];
  if (p.technique === 'jumputan') return [50_000, 400_000];
  if (p.category === 'kemeja') return [150_000, 1_500_000];
  if (p.category === 'tas') return [100_000, 900_000];
  if (p.category === 'dompet') return [50_000, 250_000];
  expect(cloth).toBe(true);
  if (p.technique === 'cap') return [75_000, 350_000];
  if (p.technique === 'kombinasi') return [250_000, 900_000];
  if (p.technique === 'tulis') return p.dye === 'natural' && p.fabric === 'sutra' ? [450_000, 15_000_000] : [450_000, 5_000_000];
  throw new Error(`unexpected technique ${p.technique}`);
}

describe('sample artisans', () => {
  it('has at least 12 artisans, at least two in every region, all valid', () => {
    expect(SAMPLE_ARTISANS.length).toBeGreaterThanOrEqual(12);
    for (const region of REGIONS) {
      expect(SAMPLE_ARTISANS.filter((a) => a.input.region === region).length, region).toBeGreaterThanOrEqual(2);
    }
    for (const a of SAMPLE_ARTISANS) {
      const parsed = artisanInputSchema.safeParse(a.input);
      expect(parsed.success, `${a.input.slug}: ${parsed.error?.message}`).toBe(true);
      expect(a.input.status).toBe('approved');
      expect(a.input.isSample).toBe(true);
      if (a.input.whatsapp !== undefined) expect(couldBeRealPhone(a.input.whatsapp), `${a.input.slug}: ${a.input.whatsapp}`).toBe(false);
    }
    expect(new Set(SAMPLE_ARTISANS.map((a) => a.input.slug)).size).toBe(SAMPLE_ARTISANS.length);
  });

  it('uses fictional names only and marks every bio and workshop as sample data', () => {
    for (const a of SAMPLE_ARTISANS) {
      const names = `${a.input.name} ${a.input.workshop} ${a.input.slug}`.toLowerCase();
      for (const real of REAL_NAMES) expect(names, `${a.input.slug} contains "${real}"`).not.toContain(real);
      expect(a.input.workshop).toMatch(/Contoh/);
      expect(a.input.bio?.id).toMatch(/^Data contoh: /);
      expect(a.input.bio?.en).toMatch(/^Sample data: /);
    }
  });

  it('gives no sample person the name of a well-known person', () => {
    expect(carriesName('Euis Komariah', 'Euis Komariah')).toBe(true);
    expect(carriesName('Hj. Euis Komariah', 'Euis Komariah')).toBe(true);
    expect(carriesName('Euis Rohayati', 'Euis Komariah')).toBe(false);
    for (const a of SAMPLE_ARTISANS) {
      for (const known of KNOWN_PEOPLE) expect(carriesName(a.input.name, known), `${a.input.slug} is named ${a.input.name}`).toBe(false);
    }
  });

  it('gives no sample artisan a phone number that could be real', () => {
    for (const n of ['+6281200000101', '081200000101', '62 812-0000-0101']) expect(couldBeRealPhone(n), n).toBe(true);
    for (const a of SAMPLE_ARTISANS) {
      for (const n of [a.input.whatsapp, a.input.email].filter((x): x is string => x !== undefined)) {
        expect(couldBeRealPhone(n), `${a.input.slug}: ${n}`).toBe(false);
      }
    }
  });

  it('keeps invented people out of real events (trainings, certification rounds, festivals)', () => {
    for (const a of SAMPLE_ARTISANS) {
      for (const text of [a.input.bio?.id ?? '', a.input.bio?.en ?? '']) {
        expect(text, a.input.slug).not.toMatch(/pelatihan|mengajar|belajar .* dari|uji kompetensi|LSP|festival|Batik In Motion|training|taught|learned .* from|competency test/i);
      }
    }
  });

  it('has some LSP Batik holders and Batikmark holders, all with visibly fake numbers, none dated to the real 2022 test', () => {
    const certs = SAMPLE_ARTISANS.flatMap((a) => a.input.certifications ?? []);
    expect(certs.some((c) => c.kind === 'lsp-batik')).toBe(true);
    expect(certs.some((c) => c.kind === 'batikmark')).toBe(true);
    for (const c of certs) {
      expect(c.number).toMatch(/^CONTOH-/);
      expect(c.year).not.toBe(2022);
    }
  });
});

describe('sample products', () => {
  it('generates at least 240 valid products with unique slugs', () => {
    expect(products.length).toBeGreaterThanOrEqual(240);
    for (const p of products) {
      const parsed = productInputSchema.safeParse({ ...p.input, artisanId: '00000000-0000-4000-8000-000000000000' });
      expect(parsed.success, `${p.input.slug}: ${parsed.error?.message}`).toBe(true);
      expect(p.input.status).toBe('active');
      expect(p.input.isSample).toBe(true);
      expect(p.input.colors).toEqual([]);
      expect(regionOf.has(p.artisanSlug)).toBe(true);
    }
    expect(new Set(products.map((p) => p.input.slug)).size).toBe(products.length);
  });

  it("says in every piece with a real maker's motif that it is only an illustration, and whose motif it is", () => {
    const owned = products.filter((p) => p.input.motifs.some((id) => id in REAL_MAKERS));
    expect(new Set(owned.flatMap((p) => p.input.motifs).filter((id) => id in REAL_MAKERS))).toEqual(new Set(['seinggok-nanas', 'kujur', 'meraje']));
    for (const p of owned) {
      expect(p.input.description.id, p.input.slug).toMatch(/Ini hanya ilustrasi: motif .* milik /);
      expect(p.input.description.en, p.input.slug).toMatch(/This is only an illustration: the .* motif belongs to /);
    }
    for (const p of products.filter((q) => !owned.includes(q))) expect(p.input.description.en).not.toMatch(/illustration/);
  });

  it('covers every motif and all six categories', () => {
    const used = new Set(products.flatMap((p) => p.input.motifs));
    for (const m of motifs) expect(used.has(m.id), m.id).toBe(true);
    expect(new Set(products.map((p) => p.input.category))).toEqual(new Set(CATEGORIES));
  });

  it("makes each artisan's motifs from its own region, with only the documented rare exception", () => {
    for (const a of SAMPLE_ARTISANS) {
      const own = products.filter((p) => p.artisanSlug === a.input.slug);
      expect(own.length, a.input.slug).toBeGreaterThan(0);
      const foreign = own.filter((p) => p.input.motifs.some((id) => motifById.get(id)?.region !== a.input.region));
      const allowed = GUEST_MOTIFS[a.input.region] ?? [];
      for (const p of foreign) {
        for (const id of p.input.motifs) expect(motifById.get(id)?.region === a.input.region || allowed.includes(id), `${p.input.slug}: ${id}`).toBe(true);
      }
      expect(foreign.length, a.input.slug).toBeLessThanOrEqual(Math.ceil(own.length * 0.1));
    }
  });

  it("only uses techniques from each motif's list, never printing", () => {
    for (const p of products) {
      expect(p.input.technique).not.toBe('printing');
      for (const id of p.input.motifs) {
        const motif = motifById.get(id);
        expect(motif, id).toBeDefined();
        expect(motif?.techniques, `${p.input.slug}: ${p.input.technique}`).toContain(p.input.technique);
      }
    }
  });

  it('titles every piece in one style: Indonesian Title Case, kind then technique then motif', () => {
    const techniqueWord: Record<string, string> = { tulis: 'Batik Tulis', cap: 'Batik Cap', kombinasi: 'Batik Kombinasi', jumputan: 'Jumputan', songket: 'Songket' };
    for (const p of products) {
      const title = p.input.title.id;
      for (const word of title.split(' ').filter((w) => w !== 'dan')) expect(word, title).toMatch(/^[A-Z(]/);
      expect(title, p.input.slug).toMatch(new RegExp(`^[A-Z][\\w ]* ${techniqueWord[p.input.technique]} `));
      expect(p.input.title.en.charAt(0), p.input.title.en).toMatch(/[A-Z]/);
      if (p.input.motifs.length > 1) expect(p.input.title.en).not.toMatch(/ motif\b/);
    }
  });

  it('names no colour after a motif: a search for coffee or rice finds only kopi and padi pieces', () => {
    for (const p of products) {
      const title = `${p.input.title.id} ${p.input.title.en}`;
      if (!p.input.motifs.includes('kopi')) expect(title).not.toMatch(/\b(kopi|coffee)\b/i);
      if (!p.input.motifs.includes('padi')) expect(title).not.toMatch(/\b(padi|rice)\b/i);
    }
  });

  it('keeps jumputan and songket (not batik) to cloths, and says so honestly', () => {
    for (const p of products.filter((q) => q.input.technique === 'jumputan' || q.input.technique === 'songket')) {
      expect(['kain-panjang', 'selendang']).toContain(p.input.category);
      expect(`${p.input.title.id} ${p.input.title.en}`).not.toMatch(/batik/i);
    }
  });

  it('prices within the ranges of the brief, as whole multiples of Rp 5,000', () => {
    for (const p of products) {
      const [lo, hi] = priceLimits(p.input);
      expect(p.input.priceIdr, `${p.input.slug}`).toBeGreaterThanOrEqual(lo);
      expect(p.input.priceIdr, `${p.input.slug}`).toBeLessThanOrEqual(hi);
      expect(p.input.priceIdr % 5_000).toBe(0);
    }
    // The very top of the market (natural-dye silk tulis) is used sparingly.
    expect(products.filter((p) => p.input.priceIdr > 5_000_000).length).toBeLessThanOrEqual(10);
    // Tulis cloth costs more than cap cloth.
    const cloth = (t: string) => products.filter((p) => p.input.technique === t && p.input.category === 'kain-panjang').map((p) => p.input.priceIdr);
    expect(Math.min(...cloth('tulis'))).toBeGreaterThan(Math.max(...cloth('cap')));
  });

  it('uses realistic sizes and weights per category', () => {
    for (const p of products) {
      const { category, lengthCm, widthCm, weightGrams, fabric } = p.input;
      const where = p.input.slug;
      if (category === 'kemeja') {
        expect(lengthCm, where).toBeUndefined();
        expect(widthCm, where).toBeUndefined();
        expect(weightGrams, where).toBeGreaterThanOrEqual(150);
        expect(weightGrams, where).toBeLessThanOrEqual(320);
        continue;
      }
      expect(lengthCm, where).toBeDefined();
      expect(widthCm, where).toBeDefined();
      const [len, wid] = [lengthCm ?? 0, widthCm ?? 0];
      if (category === 'kain-panjang') {
        expect(len, where).toBeGreaterThanOrEqual(225);
        expect(len, where).toBeLessThanOrEqual(260);
        expect(wid, where).toBeGreaterThanOrEqual(100);
        expect(wid, where).toBeLessThanOrEqual(120);
        expect(weightGrams, where).toBeGreaterThanOrEqual(fabric === 'sutra' ? 150 : 250);
        expect(weightGrams, where).toBeLessThanOrEqual(p.input.technique === 'songket' ? 650 : 450);
      } else if (category === 'sarung') {
        expect(len, where).toBeGreaterThanOrEqual(180);
        expect(len, where).toBeLessThanOrEqual(200);
        expect(wid, where).toBeGreaterThanOrEqual(105);
        expect(wid, where).toBeLessThanOrEqual(115);
      } else if (category === 'selendang') {
        expect(len, where).toBeGreaterThanOrEqual(180);
        expect(len, where).toBeLessThanOrEqual(220);
        expect(wid, where).toBeGreaterThanOrEqual(45);
        expect(wid, where).toBeLessThanOrEqual(60);
      } else if (category === 'tas') {
        expect(Math.max(len, wid), where).toBeLessThanOrEqual(50);
        expect(weightGrams, where).toBeGreaterThanOrEqual(300);
        expect(weightGrams, where).toBeLessThanOrEqual(600);
      } else if (category === 'dompet') {
        expect(Math.max(len, wid), where).toBeLessThanOrEqual(22);
        expect(weightGrams, where).toBeGreaterThanOrEqual(80);
        expect(weightGrams, where).toBeLessThanOrEqual(150);
      }
    }
  });

  it('has a realistic stock mix: one-of-a-kind pieces, sold-out pieces and made-to-order pieces', () => {
    const share = products.filter((p) => p.input.oneOfAKind).length / products.length;
    expect(share).toBeGreaterThanOrEqual(0.15);
    expect(share).toBeLessThanOrEqual(0.4);
    for (const p of products) {
      if (p.input.oneOfAKind) expect(p.input.stock).toBeLessThanOrEqual(1);
      if (p.input.technique === 'cap' && p.input.stock > 0) {
        expect(p.input.stock).toBeGreaterThanOrEqual(2);
        expect(p.input.stock).toBeLessThanOrEqual(20);
      }
      if (p.input.leadTimeDays !== undefined) {
        expect(p.input.leadTimeDays).toBeGreaterThanOrEqual(7);
        expect(p.input.leadTimeDays).toBeLessThanOrEqual(30);
      }
    }
    expect(products.some((p) => p.input.stock === 0 && p.input.leadTimeDays === undefined)).toBe(true);
    expect(products.some((p) => p.input.stock === 0 && p.input.leadTimeDays !== undefined)).toBe(true);
  });

  it('marks every description as a sample listing, in 2–3 sentences, without one repeated template', () => {
    for (const p of products) {
      expect(p.input.description.id).toContain('Contoh produk.');
      expect(p.input.description.en).toContain('Sample listing.');
      for (const text of [p.input.description.id, p.input.description.en]) {
        const sentences = text.split(/(?<=\.)\s+(?=[A-Z])/).length;
        expect(sentences, text).toBeGreaterThanOrEqual(2);
        expect(sentences, text).toBeLessThanOrEqual(3);
      }
    }
    const skeleton = (s: string) => s.replace(/[A-Z][\w-]*/g, 'X').replace(/\d+/g, '0');
    expect(new Set(products.map((p) => skeleton(p.input.title.en))).size).toBeGreaterThan(20);
    expect(new Set(products.map((p) => p.input.title.id)).size).toBeGreaterThan(products.length * 0.8);
    expect(new Set(products.map((p) => p.input.description.en)).size).toBeGreaterThan(products.length * 0.9);
  });

  it('gives every product one or two images drawn on the mockup of its category', () => {
    for (const p of products) {
      expect(p.images.length).toBeGreaterThanOrEqual(1);
      expect(p.images.length).toBeLessThanOrEqual(2);
      expect(p.images[0]).toEqual({ shape: p.input.category, view: 0 });
      for (const img of p.images) expect(img.shape).toBe(p.input.category);
    }
    expect(products.some((p) => p.images.length === 2)).toBe(true);
  });

  it('is deterministic: same seed, same output; another seed, another output', () => {
    expect(generateSampleProducts(motifs)).toEqual(products);
    expect(generateSampleProducts(motifs, { seed: 1 })).toEqual(products);
    expect(generateSampleProducts([...motifs].reverse())).toEqual(products);
    const other = generateSampleProducts(motifs, { seed: 2 });
    expect(other).not.toEqual(products);
    expect(generateSampleProducts(motifs, { seed: 2 })).toEqual(other);
  });

  it('keeps its invariants for other seeds and sizes', () => {
    for (const seed of [2, 3, 42, 2026]) {
      const batch = generateSampleProducts(motifs, { seed });
      const share = batch.filter((p) => p.input.oneOfAKind).length / batch.length;
      expect(share, `seed ${seed}`).toBeGreaterThanOrEqual(0.15);
      expect(share, `seed ${seed}`).toBeLessThanOrEqual(0.4);
      expect(new Set(batch.flatMap((p) => p.input.motifs)).size, `seed ${seed}`).toBe(motifs.length);
      for (const p of batch) expect(productInputSchema.safeParse({ ...p.input, artisanId: '00000000-0000-4000-8000-000000000000' }).success).toBe(true);
    }
    expect(generateSampleProducts(motifs, { perArtisan: 5 })).toHaveLength(5 * SAMPLE_ARTISANS.length);
  });

  it('the full size is the default; the small size (CANTING_SAMPLE_SIZE=small) is a few pieces with one picture each', () => {
    expect(generateSampleProducts(motifs, sampleSizeOptions('full'))).toEqual(products);
    const small = generateSampleProducts(motifs, sampleSizeOptions('small'));
    expect(small).toHaveLength(18);
    expect(new Set(small.map((p) => p.artisanSlug))).toEqual(new Set(SAMPLE_ARTISANS.slice(0, 3).map((a) => a.input.slug)));
    for (const p of small) expect(p.images).toEqual([{ shape: p.input.category, view: 0 }]);
    // Pieces that can be bought, some with more than one in stock: enough for the checkout and durability tests.
    expect(small.filter((p) => p.input.stock >= 5).length).toBeGreaterThanOrEqual(4);
    expect(small.some((p) => p.input.oneOfAKind && p.input.stock === 1)).toBe(true);
  });
});

describe('sample pictures agree with their words', () => {
  const palettes = new Map(motifs.map((m) => [m.id, m.palette]));
  /** Every colour name the family table knows, in both languages (for finding names in a title). */
  const familyNames = COLOUR_FAMILIES.flatMap((f) => [f.name.id.toLowerCase(), f.name.en.toLowerCase()]);

  it('every colour a title names is in the palette its picture is drawn with (the first motif’s)', () => {
    for (const p of products) {
      const drawn = colourFamilies(palettes.get(p.input.motifs[0]!)!);
      const drawnNames = drawn.flatMap((id) => {
        const f = COLOUR_FAMILIES.find((x) => x.id === id)!;
        return [f.name.id.toLowerCase(), f.name.en.toLowerCase()];
      });
      for (const c of p.facts.colours) {
        expect(drawnNames, `${p.input.slug}: "${c.id}" is not drawn`).toContain(c.id);
        expect(drawnNames, `${p.input.slug}: "${c.en}" is not drawn`).toContain(c.en);
      }
      // And no other colour word sneaks into the title.
      for (const [lang, title] of [['id', p.input.title.id], ['en', p.input.title.en]] as const) {
        // The drawn names taken out first (longest first: "merah muda" before "merah").
        let words = ` ${title.toLowerCase()} `;
        // Motif names are not colours ("Teratai Putih" is the white lotus motif).
        for (const m of motifs) words = words.replaceAll(` ${m.name.id.toLowerCase()} `, ' ').replaceAll(` ${m.name.en.toLowerCase()} `, ' ');
        for (const name of [...drawnNames].sort((a, b) => b.length - a.length)) words = words.replaceAll(` ${name} `, ' ');
        for (const name of familyNames) {
          if (words.includes(` ${name} `)) {
            throw new Error(`${p.input.slug} (${lang}): "${title}" names ${name}, which its picture does not show`);
          }
        }
      }
    }
  });

  it('names the picture’s ground colour first, when it names colours', () => {
    for (const p of products) {
      if (p.facts.colours.length === 0) continue;
      const ground = colourFamilies([palettes.get(p.input.motifs[0]!)![0]!])[0]!;
      const f = COLOUR_FAMILIES.find((x) => x.id === ground)!;
      expect(p.facts.colours[0]!.id, p.input.slug).toBe(f.name.id.toLowerCase());
    }
  });

  it('names only kinds its drawing shows: short-sleeved shirts, tote bags, clutch wallets', () => {
    for (const p of products) {
      const shown = MOCKUP_KINDS[p.images[0]!.shape].map((k) => k.id);
      expect(shown, p.input.slug).toContain(p.facts.kind.id);
      expect(p.input.title.id, p.input.slug).not.toMatch(/Lengan Panjang|Selempang|Pouch|Dompet Lipat|Dompet Koin/);
      expect(p.input.title.en, p.input.slug).not.toMatch(/long-sleeved|shoulder bag|pouch|folding wallet|coin purse/i);
    }
  });
});

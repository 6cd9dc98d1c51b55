/**
 * Deterministic sample data for the storefront: fictional artisans and their products.
 *
 * Everything here is invented. The people and workshops do not exist; only the towns and
 * villages they are placed in are real. No sample person carries a known person's name, no sample
 * artisan has a phone number (the WhatsApp button says it is a sample instead), and no bio places
 * an invented person in a real event (a training, a certification round). Every bio and
 * description says it is sample data, and every input carries `isSample: true`. Motifs that belong
 * to real makers (REAL_MAKERS) appear only in pieces that say they are illustrations. The ranges (prices, sizes, weights) follow
 * docs/batik-facts.md §3–4, and each artisan only makes motifs of their own region, in a
 * technique the motif's content file lists (brief §1), with one documented exception: a
 * Kabupaten Pekalongan workshop makes a few Prabumulih nanas pieces, since Pekalongan makers
 * trained the Prabumulih groups (brief §1.2).
 *
 * Pure: no I/O, no clock, no Math.random. Same motifs + same seed → same output.
 */
import { slugify } from '../text.ts';
import type { ArtisanInput, Category, DyeKind, Fabric, ProductInput } from './model.ts';
import { fnv1a, int, mulberry32, pick, weighted, type Rng } from '../random.ts';
import { MOCKUP_KINDS } from '../art/product-mockup.ts';
import { COLOUR_FAMILIES, colourFamilies } from '../search/colour-family.ts';
import SAMPLE_ARTISAN_ENTRIES from './sample-artisans.json' with { type: 'json' };

/** The mockup a product image is drawn on; one per category. */
export type MockupShape = 'kain-panjang' | 'sarung' | 'selendang' | 'kemeja' | 'tas' | 'dompet';

export interface SampleArtisan {
  input: ArtisanInput;
}

export interface MotifInfo {
  id: string;
  region: string;
  techniques: string[];
  name: { id: string; en: string };
  /** The motif's palette (hex, ground first): the colours its pictures are drawn in, so the ones a title names. */
  palette: readonly string[];
}

export interface SampleProduct {
  artisanSlug: string;
  /** Sample listings are written in both languages (English is optional only for real artisans). */
  input: Omit<ProductInput, 'artisanId' | 'title' | 'description'> & { title: { id: string; en: string }; description: { id: string; en: string } };
  images: { shape: MockupShape; view: number }[];
  /**
   * What the listing's words were made from and the database does not keep: the kind of piece
   * ("Tas Jinjing") and the colours its title or description names. The search relevance
   * judgements (tests/fixtures/relevance/) are written from these, never from a search result.
   */
  facts: { kind: { id: string; en: string }; colours: { id: string; en: string }[] };
}

export interface SampleOptions {
  seed?: number;
  /** Products per artisan; 21 by default (12 artisans → 252 products). */
  perArtisan?: number;
  /** Only the first this many sample artisans make products; all of them by default. */
  artisans?: number;
  /** Give some products a second, detail picture; true by default. */
  detailPictures?: boolean;
}

/**
 * How much sample data to seed (`CANTING_SAMPLE_SIZE`): `full`, the default, is the whole sample
 * shop (12 artisans × 21 products = 252 pieces, some with a detail picture); `small` is the first
 * 3 artisans × 6 products with one picture each, for tests that seed fresh databases of their own.
 */
export const SAMPLE_SIZES = ['full', 'small'] as const;
export type SampleSize = (typeof SAMPLE_SIZES)[number];

export function sampleSizeOptions(size: SampleSize): Required<Pick<SampleOptions, 'perArtisan' | 'artisans' | 'detailPictures'>> {
  return size === 'small' ? { artisans: 3, perArtisan: 6, detailPictures: false } : { artisans: SPECS.length, perArtisan: 21, detailPictures: true };
}

/* ------------------------------------------------------------------------------------------ */
/* Randomness                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** A multiple of `step` between min and max inclusive (both assumed multiples of step). */
function stepped(rng: Rng, min: number, max: number, step: number): number {
  return min + step * int(rng, 0, Math.floor((max - min) / step));
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Artisans                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** Techniques this generator can make honestly. Printing, eco-print and colet are never used. */
type MadeTechnique = 'tulis' | 'cap' | 'kombinasi' | 'jumputan' | 'songket';
const MADE_TECHNIQUES: readonly string[] = ['tulis', 'cap', 'kombinasi', 'jumputan', 'songket'];

interface Profile {
  techniques: MadeTechnique[];
  /** Share of tulis among motifs that allow both tulis and cap. */
  tulisShare: number;
  /** Share of natural dye on tulis pieces. */
  naturalShare: number;
  /** Weight of silk when a silk cloth is plausible. */
  silk: number;
  categories: Record<Category, number>;
  /** Motif weights after every motif has been made once (default 1). */
  motifWeights?: Record<string, number>;
  /** Motifs from another region, made rarely (the documented Pekalongan → Prabumulih link). */
  guestMotifs?: string[];
  /** Use the RBS-style 250 × 120 cm cloth for kain panjang. */
  wideCloth?: boolean;
}

interface ArtisanSpec {
  input: ArtisanInput;
  profile: Profile;
}

/** How a sample workshop's entry is written in `sample-artisans.json` (its bio without the sample label). */
type SampleArtisanEntry = Pick<ArtisanInput, 'slug' | 'name' | 'workshop' | 'region' | 'place' | 'certifications'> & {
  bio: { id: string; en: string };
  profile: Profile;
};

/**
 * Every bio says, in its own language, that it is sample data about fictional people. No WhatsApp
 * number: any real-looking number could belong to someone (the page shows a sample button).
 */
function artisan({ profile, bio, ...fields }: SampleArtisanEntry): ArtisanSpec {
  return {
    input: {
      ...fields,
      bio: {
        id: `Data contoh: ${bio.id} Orang dan sanggar ini fiktif.`,
        en: `Sample data: ${bio.en} This person and workshop are fictional.`,
      },
      status: 'approved',
      isSample: true,
    },
    profile,
  };
}

/** The twelve sample workshops, two per region (Muara Enim, Prabumulih, Pekalongan, Probolinggo, Cirebon, Lampung): data, not code. */
const SPECS: ArtisanSpec[] = (SAMPLE_ARTISAN_ENTRIES as SampleArtisanEntry[]).map(artisan);

export const SAMPLE_ARTISANS: SampleArtisan[] = SPECS.map((s) => ({ input: s.input }));

/* ------------------------------------------------------------------------------------------ */
/* Words                                                                                       */
/* ------------------------------------------------------------------------------------------ */

interface L {
  id: string;
  en: string;
}

const CAT: Record<Category, { id: string; en: string }> = {
  'kain-panjang': { id: 'Kain Panjang', en: 'kain panjang (long cloth)' },
  sarung: { id: 'Sarung', en: 'sarong' },
  selendang: { id: 'Selendang', en: 'shawl' },
  kemeja: { id: 'Kemeja', en: 'shirt' },
  tas: { id: 'Tas', en: 'bag' },
  dompet: { id: 'Dompet', en: 'wallet' },
};

/** Kinds within a category, to vary titles: only what the category's drawing shows (MOCKUP_KINDS). */
const KINDS: Partial<Record<Category, readonly L[]>> = {
  kemeja: MOCKUP_KINDS.kemeja,
  tas: MOCKUP_KINDS.tas,
  dompet: MOCKUP_KINDS.dompet,
};

/**
 * The colours a piece's words may name: the colour families (colour-family.ts) of the palette its
 * picture is drawn in, the ground (the colour that covers most of the cloth) first, each family once.
 */
export function pictureColours(palette: readonly string[]): L[] {
  return colourFamilies(palette).map((id) => {
    const family = COLOUR_FAMILIES.find((f) => f.id === id)!;
    return { id: family.name.id.toLowerCase(), en: family.name.en.toLowerCase() };
  });
}

/**
 * How many random numbers choosing a piece's colours takes, per region: as many as the named
 * colour lists of earlier versions took, so every other choice of the sample catalogue (motifs,
 * techniques, prices, stock) stays as it was when the colour names came to follow the pictures.
 */
const RANDOM_DRAWS_FOR_COLOURS: Record<string, number> = { 'muara-enim': 5, prabumulih: 4, pekalongan: 6, probolinggo: 4, cirebon: 5, lampung: 4 };

/** Now and then (55 %) one of the picture's inks besides its ground; always `draws` random numbers. */
function chooseInk(rng: Rng, inks: readonly L[], draws: number): L[] {
  const which = rng();
  for (let k = 2; k < draws; k++) rng();
  const second = rng() < 0.55;
  return second && inks.length > 0 ? [inks[Math.floor(which * inks.length)]!] : [];
}

const TECH: Record<MadeTechnique, { id: string; en: string; enShort: string }> = {
  tulis: { id: 'Batik Tulis', en: 'hand-drawn batik (tulis)', enShort: 'hand-drawn batik' },
  cap: { id: 'Batik Cap', en: 'stamped batik (cap)', enShort: 'stamped batik' },
  kombinasi: { id: 'Batik Kombinasi', en: 'cap-and-tulis batik (kombinasi)', enShort: 'cap-and-tulis batik' },
  jumputan: { id: 'Jumputan', en: 'tie-dye (jumputan)', enShort: 'tie-dye' },
  songket: { id: 'Songket', en: 'woven songket', enShort: 'songket' },
};

const FAB: Record<Fabric, L> = {
  'katun-primisima': { id: 'katun primissima', en: 'primissima cotton' },
  'katun-prima': { id: 'katun prima', en: 'prima cotton' },
  sutra: { id: 'sutra', en: 'silk' },
  santung: { id: 'santung', en: 'shantung' },
  dobi: { id: 'dobi', en: 'dobby' },
};

const FAB_TITLE: Record<Fabric, L> = {
  'katun-primisima': { id: 'Primissima', en: 'primissima cotton' },
  'katun-prima': { id: 'Katun', en: 'cotton' },
  sutra: { id: 'Sutra', en: 'silk' },
  santung: { id: 'Santung', en: 'shantung' },
  dobi: { id: 'Dobi', en: 'dobby' },
};


const NATURAL_DYES: Record<string, L> = {
  pekalongan: { id: 'indigo, ketapang dan secang', en: 'indigo, ketapang and secang' },
  probolinggo: { id: 'daun ketepeng, daun mangga dan kulit kayu mauni', en: 'ketepeng leaves, mango leaves and mauni bark' },
  'muara-enim': { id: 'tumbuhan setempat', en: 'local plants' },
  jumputan: { id: 'kulit jengkol', en: 'jengkol pod skins' },
};
const NATURAL_DEFAULT: L = { id: 'indigo dan soga', en: 'indigo and soga' };

/**
 * Motifs that belong to real makers (docs/batik-facts.md §1.1–1.2): the copyrighted Seinggok Nanas
 * songket, the Batik Kujur makers' registered motifs and Rumah Batik Serasan's tumpal meraje
 * hallmark. A sample piece in one of them says it is only an illustration, and whose motif it is.
 */
export const REAL_MAKERS: Readonly<Record<string, L>> = {
  'seinggok-nanas': {
    id: 'Sanggar Aziza (Azizah Songket) di Prabumulih, pemegang hak ciptanya',
    en: 'Sanggar Aziza (Azizah Songket) of Prabumulih, which holds its copyright',
  },
  kujur: { id: 'para perajin Batik Kujur di Tanjung Enim', en: 'the Batik Kujur makers of Tanjung Enim' },
  meraje: {
    id: 'Rumah Batik Serasan di Muara Enim, yang menjadikannya ciri khas',
    en: 'Rumah Batik Serasan of Muara Enim, whose hallmark it is',
  },
};

function illustrationNote(motif: MotifInfo): L {
  const owner = REAL_MAKERS[motif.id] as L;
  const name = shortName(motif);
  return {
    id: `Ini hanya ilustrasi: motif ${name.id} milik ${owner.id}, dan barang contoh ini tidak dibuat atau dijual oleh mereka.`,
    en: `This is only an illustration: the ${name.en} motif belongs to ${owner.en}, and this sample piece is not made or sold by them.`,
  };
}

const REGION_NAMES: Record<string, string> = {
  'muara-enim': 'Muara Enim',
  prabumulih: 'Prabumulih',
  pekalongan: 'Pekalongan',
  probolinggo: 'Probolinggo',
  cirebon: 'Cirebon',
  lampung: 'Lampung',
};

function shortName(motif: MotifInfo): L {
  const strip = (s: string) => s.replace(/^(Batik|Jumputan|Songket) /, '');
  return { id: strip(motif.name.id), en: strip(motif.name.en.replace(/\s*\(.*\)\s*$/, '')) };
}

/** "Gajah (elephant)" for English prose, where the gloss helps; the name alone otherwise. */
function glossedName(motif: MotifInfo): string {
  const gloss = /\(([^)]*)\)\s*$/.exec(motif.name.en)?.[1];
  const short = shortName(motif).en;
  return gloss && !gloss.toLowerCase().includes(short.toLowerCase()) ? `${short} (${gloss})` : short;
}

function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function titleCase(s: string): string {
  return s
    .split(' ')
    .map((w) => (w === 'dan' ? w : capitalise(w)))
    .join(' ');
}


/* ------------------------------------------------------------------------------------------ */
/* Products                                                                                    */
/* ------------------------------------------------------------------------------------------ */

const CLOTH: readonly Category[] = ['kain-panjang', 'sarung', 'selendang'];
const WOVEN_CATEGORIES: readonly Category[] = ['kain-panjang', 'selendang'];

function categoriesFor(technique: MadeTechnique): readonly Category[] {
  // Jumputan and songket are cloths, not batik: keep them to kain panjang and selendang.
  return technique === 'jumputan' || technique === 'songket'
    ? WOVEN_CATEGORIES
    : ['kain-panjang', 'sarung', 'selendang', 'kemeja', 'tas', 'dompet'];
}

function chooseFabric(rng: Rng, technique: MadeTechnique, category: Category, silk: number): Fabric {
  if (technique === 'songket') return weighted<Fabric>(rng, { sutra: 0.7, 'katun-prima': 0.3 });
  if (technique === 'jumputan') return weighted<Fabric>(rng, { sutra: 0.35, dobi: 0.25, 'katun-prima': 0.4 });
  const fine = technique === 'tulis';
  switch (category) {
    case 'kain-panjang':
    case 'sarung':
      return fine
        ? weighted<Fabric>(rng, { 'katun-primisima': 0.65, sutra: silk * 0.6, santung: 0.1, 'katun-prima': 0.1 })
        : weighted<Fabric>(rng, { 'katun-prima': 0.55, 'katun-primisima': 0.25, dobi: 0.1, santung: 0.1 });
    case 'selendang':
      return fine
        ? weighted<Fabric>(rng, { sutra: 0.2 + silk, 'katun-primisima': 0.3, santung: 0.2 })
        : weighted<Fabric>(rng, { 'katun-prima': 0.4, santung: 0.3, sutra: silk * 0.6, dobi: 0.15 });
    case 'kemeja':
      return fine
        ? weighted<Fabric>(rng, { 'katun-primisima': 0.4, 'katun-prima': 0.2, santung: 0.2, dobi: 0.1, sutra: silk * 0.4 })
        : weighted<Fabric>(rng, { 'katun-prima': 0.45, dobi: 0.25, santung: 0.2, 'katun-primisima': 0.1 });
    case 'tas':
      return weighted<Fabric>(rng, fine ? { dobi: 0.4, 'katun-prima': 0.3, 'katun-primisima': 0.3 } : { dobi: 0.5, 'katun-prima': 0.5 });
    case 'dompet':
      return weighted<Fabric>(rng, { 'katun-prima': 0.5, dobi: 0.5 });
  }
}

function chooseDye(rng: Rng, technique: MadeTechnique, naturalShare: number): DyeKind {
  switch (technique) {
    case 'tulis':
      return weighted<DyeKind>(rng, { natural: naturalShare, mixed: 0.2, synthetic: Math.max(0.1, 0.8 - naturalShare) });
    case 'kombinasi':
      return weighted<DyeKind>(rng, { natural: 0.15, mixed: 0.2, synthetic: 0.65 });
    case 'cap':
      return weighted<DyeKind>(rng, { natural: 0.07, mixed: 0.1, synthetic: 0.83 });
    case 'jumputan':
      return weighted<DyeKind>(rng, { natural: 0.3, synthetic: 0.7 });
    case 'songket':
      return weighted<DyeKind>(rng, { synthetic: 0.9, mixed: 0.1 });
  }
}

/** Price band in rupiah (brief §4), before fabric and dye premiums. */
function baseBand(technique: MadeTechnique, category: Category): [number, number] {
  const cloth = category === 'kain-panjang' || category === 'sarung';
  switch (technique) {
    case 'songket':
      return category === 'selendang' ? [750_000, 2_500_000] : [1_500_000, 5_000_000];
    case 'jumputan':
      return category === 'selendang' ? [100_000, 300_000] : [150_000, 400_000];
    case 'cap':
      if (cloth) return [100_000, 250_000];
      if (category === 'selendang') return [75_000, 200_000];
      if (category === 'kemeja') return [150_000, 350_000];
      if (category === 'tas') return [100_000, 300_000];
      return [50_000, 100_000];
    case 'kombinasi':
      if (cloth) return [300_000, 600_000];
      if (category === 'selendang') return [250_000, 450_000];
      if (category === 'kemeja') return [300_000, 700_000];
      if (category === 'tas') return [200_000, 500_000];
      return [75_000, 150_000];
    case 'tulis':
      if (cloth) return [600_000, 2_500_000];
      if (category === 'selendang') return [450_000, 1_500_000];
      if (category === 'kemeja') return [500_000, 1_200_000];
      if (category === 'tas') return [350_000, 800_000];
      return [100_000, 220_000];
  }
}

/** Hard limits per technique and category (brief §4); prices are clamped into them. */
function limits(technique: MadeTechnique, category: Category, dye: DyeKind, fabric: Fabric): [number, number] {
  if (technique === 'songket') return [750_000, 5_000_000];
  if (technique === 'jumputan') return [50_000, 400_000];
  if (category === 'kemeja') return technique === 'cap' ? [150_000, 400_000] : [300_000, 1_500_000];
  if (category === 'tas') return technique === 'cap' ? [100_000, 350_000] : [200_000, 900_000];
  if (category === 'dompet') return technique === 'cap' ? [50_000, 120_000] : [75_000, 250_000];
  if (technique === 'cap') return [75_000, 350_000];
  if (technique === 'kombinasi') return [250_000, 900_000];
  return dye === 'natural' && fabric === 'sutra' ? [450_000, 15_000_000] : [450_000, 5_000_000];
}

function round5k(n: number): number {
  return Math.round(n / 5_000) * 5_000;
}

function choosePrice(rng: Rng, technique: MadeTechnique, category: Category, dye: DyeKind, fabric: Fabric): number {
  const [lo, hi] = limits(technique, category, dye, fabric);
  let price: number;
  if (technique === 'tulis' && (category === 'kain-panjang' || category === 'sarung') && dye === 'natural' && fabric === 'sutra') {
    // Natural-dye silk tulis: the top of the market (Rp8–15 million for 2.5 m, brief §4).
    price = 8_000_000 + rng() ** 2 * 4_000_000;
  } else {
    const [bLo, bHi] = baseBand(technique, category);
    // Skewed towards the lower end: most pieces are ordinary, a few are fine.
    price = bLo + rng() ** 1.6 * (bHi - bLo);
    if (fabric === 'sutra') price *= 1.5 + rng() * 0.4;
    else if (fabric === 'santung') price *= 1.1;
    if (dye === 'natural') price *= 1.3 + rng() * 0.2;
    else if (dye === 'mixed') price *= 1.12;
  }
  return Math.min(hi, Math.max(lo, round5k(price)));
}

function chooseSize(
  rng: Rng,
  category: Category,
  technique: MadeTechnique,
  region: string,
  wideCloth: boolean,
): { lengthCm?: number; widthCm?: number } {
  switch (category) {
    case 'kain-panjang':
      if (technique === 'songket') return { lengthCm: stepped(rng, 225, 250, 5), widthCm: stepped(rng, 100, 110, 5) };
      if (wideCloth && rng() < 0.7) return { lengthCm: 250, widthCm: 120 };
      if (region === 'muara-enim' || region === 'prabumulih' || region === 'lampung') {
        return { lengthCm: stepped(rng, 225, 250, 5), widthCm: stepped(rng, 100, 115, 5) };
      }
      return { lengthCm: stepped(rng, 240, 260, 5), widthCm: stepped(rng, 100, 115, 5) };
    case 'sarung':
      return { lengthCm: pick(rng, [180, 190, 195, 200, 200]), widthCm: pick(rng, [105, 110, 110, 115]) };
    case 'selendang':
      return { lengthCm: stepped(rng, 180, 220, 10), widthCm: stepped(rng, 45, 60, 5) };
    case 'kemeja':
      return {};
    case 'tas':
      return { lengthCm: int(rng, 25, 45), widthCm: int(rng, 20, 38) };
    case 'dompet':
      return { lengthCm: int(rng, 10, 20), widthCm: int(rng, 8, 12) };
  }
}

function chooseWeight(rng: Rng, category: Category, technique: MadeTechnique, fabric: Fabric): number {
  const silk = fabric === 'sutra';
  const r = (lo: number, hi: number) => stepped(rng, lo, hi, 5);
  switch (category) {
    case 'kain-panjang':
      if (technique === 'songket') return r(450, 650);
      return silk ? r(150, 250) : r(250, 450);
    case 'sarung':
      return silk ? r(150, 230) : r(280, 400);
    case 'selendang':
      if (technique === 'songket') return r(200, 300);
      return silk ? r(60, 110) : r(100, 180);
    case 'kemeja':
      return silk ? r(170, 220) : r(230, 290);
    case 'tas':
      return r(300, 600);
    case 'dompet':
      return r(80, 150);
  }
}

interface Draft {
  artisan: ArtisanSpec;
  motifs: MotifInfo[];
  technique: MadeTechnique;
  category: Category;
  fabric: Fabric;
  dye: DyeKind;
  kind: L;
  colours: L[];
  size: { lengthCm?: number; widthCm?: number };
}

/**
 * One title style for every piece: in Indonesian, Title Case in the order kind, technique, motif,
 * then colour or fabric ("Kemeja Lengan Pendek Batik Tulis Teratai Putih Merah"); in English, sentence
 * case in the order motif, technique, kind, then fabric or colour ("Teratai Putih hand-drawn batik
 * short-sleeved shirt in red").
 */
function titles(rng: Rng, d: Draft): L {
  const names = d.motifs.map(shortName);
  const mId = joinNames(names.map((n) => n.id), 'dan');
  const mEn = joinNames(names.map((n) => n.en), 'and');
  const cId = titleCase(joinNames(d.colours.map((c) => c.id), 'dan'));
  const cEn = joinNames(d.colours.map((c) => c.en), 'and');
  const t = TECH[d.technique];
  const fab = FAB_TITLE[d.fabric];
  const kindEn = d.kind.en.replace(' (long cloth)', '');
  // Colours after several motifs would read as more motifs ("Gajah dan Kapal Krem dan Hitam"): fabric then.
  const byColour = rng() < 0.5 && d.motifs.length === 1;
  return {
    id: `${d.kind.id} ${t.id} ${mId} ${byColour ? cId : fab.id}`,
    en: `${mEn} ${t.enShort} ${kindEn}${byColour ? ` in ${cEn}` : `, ${fab.en}`}`,
  };
}

function descriptions(rng: Rng, d: Draft): L {
  const input = d.artisan.input;
  const region = input.region;
  const regionName = REGION_NAMES[region] ?? region;
  const mId = joinNames(d.motifs.map((m) => shortName(m).id), 'dan');
  const mEn = joinNames(d.motifs.map(glossedName), 'and');
  const motifWordEn = d.motifs.length > 1 ? 'motifs' : 'motif';
  const cat = CAT[d.category];
  const kindId = d.kind.id.toLowerCase();
  const kindEn = d.kind.en;
  const t = TECH[d.technique];
  const fab = FAB[d.fabric];
  const cId = joinNames(d.colours.map((c) => c.id), 'dan');
  const cEn = joinNames(d.colours.map((c) => c.en), 'and');
  const place = input.place;

  // First sentence: what it is.
  const openings: L[] = [
    {
      id: `${capitalise(kindId)} ${t.id.toLowerCase()} motif ${mId} dari ${place}, dikerjakan di atas ${fab.id}.`,
      en: `A ${kindEn} in ${t.en} with the ${mEn} ${motifWordEn}, made on ${fab.en} in ${place}.`,
    },
    {
      id: `Motif ${mId} khas ${regionName} pada ${kindId} ${fab.id}, dibuat sebagai ${t.id.toLowerCase()} dalam nuansa ${cId}.`,
      en: `The ${mEn} ${motifWordEn} of ${regionName} on a ${fab.en} ${kindEn}, made as ${t.en} in ${cEn}.`,
    },
    {
      id: `${input.workshop} membuat ${kindId} ini dengan motif ${mId} dalam warna ${cId}.`,
      en: `${input.workshop} made this ${kindEn} with the ${mEn} ${motifWordEn} in ${cEn}.`,
    },
  ];
  if (d.technique === 'jumputan' || d.technique === 'songket') {
    openings.push({
      id: `${cat.id} ${t.id.toLowerCase()} bermotif ${mId} dari ${place}, dari ${fab.id}.`,
      en: `A ${cat.en} in ${t.en} with the ${mEn} ${motifWordEn}, from ${place}, on ${fab.en}.`,
    });
  }
  const first = pick(rng, openings);

  // Second sentence: technique, dye, size or care.
  const seconds: L[] = [];
  switch (d.technique) {
    case 'tulis':
      seconds.push({
        id: 'Malamnya digambar tangan dengan canting, jadi setiap garis sedikit berbeda.',
        en: 'The wax is drawn by hand with a canting, so every line differs a little.',
      });
      break;
    case 'cap':
      seconds.push({
        id: 'Malamnya dibubuhkan dengan cap tembaga, lalu kain dicelup dan malamnya dilorod.',
        en: 'The wax is applied with a copper stamp, then the cloth is dyed and the wax boiled off.',
      });
      break;
    case 'kombinasi':
      seconds.push({
        id: 'Pola dasarnya dicap, lalu detailnya digambar tangan dengan canting.',
        en: 'The base pattern is stamped, then the details are drawn by hand with a canting.',
      });
      break;
    case 'jumputan':
      seconds.push({
        id: 'Kainnya diikat lalu dicelup tanpa malam, jadi jumputan ini bukan batik.',
        en: 'The cloth is tied and dyed without wax, so this jumputan is not batik.',
      });
      break;
    case 'songket':
      seconds.push({
        id: 'Ditenun tangan dengan benang logam; songket adalah kain tenun, bukan batik.',
        en: 'Hand-woven with metallic thread; songket is woven cloth, not batik.',
      });
      break;
  }
  if (d.dye === 'natural') {
    const dyes = NATURAL_DYES[d.technique === 'jumputan' ? 'jumputan' : region] ?? NATURAL_DEFAULT;
    seconds.push({
      id: `Warnanya dari pewarna alam seperti ${dyes.id}, sehingga sedikit lebih lembut.`,
      en: `Its colours come from natural dyes such as ${dyes.en}, so they are a little softer.`,
    });
  } else if (d.dye === 'mixed') {
    seconds.push({ id: 'Warnanya memadukan pewarna alam dan sintetis.', en: 'Its colours combine natural and synthetic dyes.' });
  }
  if (d.size.lengthCm !== undefined && d.size.widthCm !== undefined && CLOTH.includes(d.category)) {
    seconds.push({
      id: `Ukurannya sekitar ${d.size.lengthCm} × ${d.size.widthCm} cm.`,
      en: `It measures about ${d.size.lengthCm} × ${d.size.widthCm} cm.`,
    });
  }
  if (d.category === 'kemeja') {
    seconds.push({ id: 'Cocok untuk ke kantor maupun acara resmi.', en: 'It suits the office as well as formal occasions.' });
  }
  if (d.category === 'tas' || d.category === 'dompet') {
    seconds.push({ id: `Dijahit dari kain ${t.id.toLowerCase()} dengan lapisan dalam polos.`, en: `Sewn from ${t.en} cloth with a plain lining.` });
  }
  seconds.push({ id: 'Sebaiknya dicuci dengan tangan dan dijemur di tempat teduh.', en: 'Best washed by hand and dried in the shade.' });

  const parts: L[] = [first];
  const second = rng() < 0.85 ? pick(rng, seconds) : undefined;
  const owned = d.motifs.find((m) => REAL_MAKERS[m.id]);
  if (owned) parts.push(illustrationNote(owned));
  else if (second) parts.push(second);
  parts.push({ id: 'Contoh produk.', en: 'Sample listing.' });
  return { id: parts.map((p) => p.id).join(' '), en: parts.map((p) => p.en).join(' ') };
}

function chooseMotifs(
  rng: Rng,
  index: number,
  spec: ArtisanSpec,
  pool: MotifInfo[],
  order: MotifInfo[],
  guests: MotifInfo[],
  guestSlots: Set<number>,
  byRegion: MotifInfo[],
): MotifInfo[] {
  if (guestSlots.has(index)) return [pick(rng, guests)];
  // The first products cover every motif the artisan can make, so each motif appears.
  const first = index < order.length ? (order[index] as MotifInfo) : pickWeighted(rng, pool, spec.profile.motifWeights);
  // Motifs of a region are sometimes combined on one cloth (e.g. siger, gajah and kapal in Lampung).
  const combine = first.region === 'lampung' ? 0.25 : first.region === 'probolinggo' ? 0.12 : 0;
  if (combine > 0 && rng() < combine) {
    const partners = byRegion.filter((m) => m.id !== first.id && m.techniques.some((t) => first.techniques.includes(t) && spec.profile.techniques.includes(t as MadeTechnique)));
    if (partners.length > 0) {
      const extra = shuffle(rng, partners).slice(0, int(rng, 1, Math.min(2, partners.length)));
      return [first, ...extra];
    }
  }
  return [first];
}

function pickWeighted(rng: Rng, pool: MotifInfo[], weights: Record<string, number> | undefined): MotifInfo {
  const table: Record<string, number> = {};
  for (const m of pool) table[m.id] = weights?.[m.id] ?? 1;
  const id = weighted<string>(rng, table);
  return pool.find((m) => m.id === id) as MotifInfo;
}

function usableTechniques(motifs: MotifInfo[], profile: Profile): MadeTechnique[] {
  return profile.techniques.filter((t) => motifs.every((m) => m.techniques.includes(t)));
}

function chooseTechnique(rng: Rng, options: MadeTechnique[], profile: Profile): MadeTechnique {
  if (options.includes('songket')) return 'songket';
  if (options.includes('jumputan')) return 'jumputan';
  const tulis = options.includes('tulis');
  const cap = options.includes('cap');
  if (tulis && cap) return rng() < profile.tulisShare ? 'tulis' : 'cap';
  return options[0] as MadeTechnique;
}

function chooseCategory(rng: Rng, technique: MadeTechnique, profile: Profile): Category {
  const allowed = categoriesFor(technique);
  const table: Partial<Record<Category, number>> = {};
  for (const c of allowed) table[c] = profile.categories[c];
  return weighted<Category>(rng, table);
}

function chooseStock(
  rng: Rng,
  technique: MadeTechnique,
  category: Category,
): { stock: number; oneOfAKind: boolean; leadTimeDays?: number } {
  const cloth = CLOTH.includes(category);
  const uniqueShare =
    technique === 'tulis' ? (cloth ? 0.65 : category === 'kemeja' ? 0.3 : 0.1) : technique === 'songket' ? 0.5 : technique === 'jumputan' ? 0.25 : 0;
  if (rng() < uniqueShare) {
    // A single piece; now and then already sold.
    return { stock: rng() < 0.1 ? 0 : 1, oneOfAKind: true };
  }
  const madeToOrder = technique === 'tulis' || technique === 'songket' ? 0.3 : 0.08;
  if (rng() < madeToOrder) {
    const [lo, hi] = technique === 'tulis' || technique === 'songket' ? [14, 30] : [7, 14];
    return { stock: 0, oneOfAKind: false, leadTimeDays: int(rng, lo, hi) };
  }
  if (rng() < 0.04) return { stock: 0, oneOfAKind: false };
  if (technique === 'cap') return { stock: int(rng, 2, 20), oneOfAKind: false };
  if (technique === 'kombinasi') return { stock: int(rng, 2, 8), oneOfAKind: false };
  return { stock: int(rng, 2, technique === 'jumputan' ? 8 : 4), oneOfAKind: false };
}

/**
 * Generate the sample products for SAMPLE_ARTISANS. `motifs` is the motif catalogue (id,
 * region, techniques, name); artisans whose region has no usable motif get no products.
 */
export function generateSampleProducts(motifs: MotifInfo[], options: SampleOptions = {}): SampleProduct[] {
  const seed = options.seed ?? 1;
  const perArtisan = options.perArtisan ?? 21;
  const detailPictures = options.detailPictures ?? true;
  const sorted = [...motifs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const madeBy = (m: MotifInfo, profile: Profile) => m.techniques.some((t) => MADE_TECHNIQUES.includes(t) && profile.techniques.includes(t as MadeTechnique));
  const products: SampleProduct[] = [];
  let serial = 0;

  for (const spec of SPECS.slice(0, options.artisans ?? SPECS.length)) {
    const rng = mulberry32(fnv1a(spec.input.slug, seed));
    const byRegion = sorted.filter((m) => m.region === spec.input.region);
    const pool = byRegion.filter((m) => madeBy(m, spec.profile));
    if (pool.length === 0) continue;
    const guests = sorted.filter((m) => spec.profile.guestMotifs?.includes(m.id) && madeBy(m, spec.profile));
    // Guests are rare: one or two pieces, never among the first (coverage) products.
    const guestSlots = new Set<number>();
    if (guests.length > 0 && perArtisan > pool.length + 2) {
      const wanted = perArtisan >= 15 ? 2 : 1;
      while (guestSlots.size < wanted) guestSlots.add(int(rng, pool.length, perArtisan - 1));
    }
    const order = shuffle(rng, pool);

    for (let i = 0; i < perArtisan; i++) {
      let chosen = chooseMotifs(rng, i, spec, pool, order, guests, guestSlots, byRegion);
      let usable = usableTechniques(chosen, spec.profile);
      if (usable.length === 0) {
        // A combination with no technique in common: keep the first motif alone.
        chosen = chosen.slice(0, 1);
        usable = usableTechniques(chosen, spec.profile);
      }
      const technique = chooseTechnique(rng, usable, spec.profile);
      const category = chooseCategory(rng, technique, spec.profile);
      const fabric = chooseFabric(rng, technique, category, spec.profile.silk);
      const dye = chooseDye(rng, technique, spec.profile.naturalShare);
      const kind = KINDS[category] ? pick(rng, KINDS[category] ?? []) : { id: CAT[category].id, en: CAT[category].en };
      // The words name the colours the picture is drawn in (the first motif's palette, see seed.ts):
      // its ground first, then now and then one of its inks.
      const [ground, ...inks] = pictureColours(chosen[0]!.palette);
      const colours = ground ? [ground, ...chooseInk(rng, inks, RANDOM_DRAWS_FOR_COLOURS[spec.input.region] ?? 4)] : [];
      const size = chooseSize(rng, category, technique, spec.input.region, spec.profile.wideCloth === true);
      const draft: Draft = { artisan: spec, motifs: chosen, technique, category, fabric, dye, kind, colours, size };

      serial += 1;
      const fabricSlug = fabric === 'katun-primisima' ? 'primissima' : fabric === 'katun-prima' ? 'katun' : fabric;
      const slug = slugify(`${category}-${technique}-${chosen[0]?.id ?? 'motif'}-${fabricSlug}-${String(serial).padStart(3, '0')}`, { maxLength: 200 });
      const stock = chooseStock(rng, technique, category);

      const input: SampleProduct['input'] = {
        slug,
        title: titles(rng, draft),
        description: descriptions(rng, draft),
        motifs: chosen.map((m) => m.id),
        technique,
        dye,
        fabric,
        category,
        ...size,
        weightGrams: chooseWeight(rng, category, technique, fabric),
        priceIdr: choosePrice(rng, technique, category, dye, fabric),
        stock: stock.stock,
        oneOfAKind: stock.oneOfAKind,
        ...(stock.leadTimeDays !== undefined ? { leadTimeDays: stock.leadTimeDays } : {}),
        status: 'active',
        colors: [],
        isSample: true,
      };
      const images: SampleProduct['images'] = [{ shape: category, view: 0 }];
      // Drawn whether or not detail pictures are wanted, so the rest of the stream stays the same.
      if (rng() < 0.4 && detailPictures) images.push({ shape: category, view: 1 });
      products.push({ artisanSlug: spec.input.slug, input, images, facts: { kind: { ...kind }, colours: colours.map((c) => ({ ...c })) } });
    }
  }
  return products;
}

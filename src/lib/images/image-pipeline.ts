/**
 * The image pipeline: one untrusted upload (JPEG, PNG, WebP, AVIF, GIF, phone HEIC where the
 * decoder allows) in, a content-addressed set of AVIF + WebP widths out, with a blur-up
 * placeholder and the dominant colours. Server-side only (sharp).
 *
 * Safety, in order: byte limit → magic-byte sniff (SVG, TIFF, text… never reach a decoder) →
 * header-only metadata with the pixel limit (decompression bombs stop here, before any pixel is
 * allocated) → one sequential decode, auto-oriented, to an sRGB "master" no wider than the largest
 * variant → every output is encoded from that master, so no input metadata (EXIF, GPS, XMP, ICC)
 * can reach it. Images are processed one at a time per process to keep memory flat on small
 * servers.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../errors.ts';

export interface ProcessOptions {
  /** Target widths in CSS pixels; default [320, 640, 768, 1024]. Never upscaled. */
  widths?: number[];
  /** Default 15 MB. */
  maxInputBytes?: number;
  /** Default 40 megapixels (width × height of the first frame). */
  maxInputPixels?: number;
  /**
   * Default true: wait for other images in this process to finish first, keeping a server's memory
   * flat. Batch jobs that own the machine (the sample seed) may set false to use every core.
   */
  exclusive?: boolean;
}

export type VariantFormat = 'avif' | 'webp';

export interface ImageVariantData {
  format: VariantFormat;
  width: number;
  height: number;
  /** `${key.slice(0, 2)}/${key}-${width}.${format}`, relative to the media root. */
  path: string;
  bytes: Buffer;
}

export interface ProcessedImage {
  /** First 32 hex chars of the sha256 of the normalised pixels: identical pictures, identical keys. */
  key: string;
  /** Of the largest variant. */
  width: number;
  height: number;
  /** A tiny WebP as a data: URI, for a blur-up while the real image loads. */
  placeholder: string;
  /** 1–5 lowercase #rrggbb, most dominant first. */
  dominantColors: string[];
  /** Ascending width; AVIF then WebP at each width. */
  variants: ImageVariantData[];
}

/** What is kept of a processed image once its files are saved: everything but the bytes. */
export type StoredImage = Omit<ProcessedImage, 'variants'> & { variants: Omit<ImageVariantData, 'bytes'>[] };

/** The record of a saved image (the database's row and the sample-picture worker's answer). */
export function storedImage(processed: ProcessedImage): StoredImage {
  return {
    key: processed.key,
    width: processed.width,
    height: processed.height,
    placeholder: processed.placeholder,
    dominantColors: processed.dominantColors,
    variants: processed.variants.map(({ format, width, height, path }) => ({ format, width, height, path })),
  };
}

/**
 * 768 sits between 640 and 1024 for phones: a full-width photo on a 412 px screen at 1.75 dppx
 * (Lighthouse's mobile device) wants ~665 px and a 390 px iPhone at 2 dppx ~716 px; without it
 * the browser takes the 1024 variant, about twice the bytes (the product page's 60 KB budget).
 */
export const DEFAULT_WIDTHS: readonly number[] = [320, 640, 768, 1024];
export const DEFAULT_MAX_INPUT_BYTES = 15 * 1024 * 1024;
export const DEFAULT_MAX_INPUT_PIXELS = 40_000_000;

/**
 * Encoder settings, measured on a 2-core box with a 1024 px photo: AVIF effort 2 ≈ 0.3–0.4 s,
 * effort 3 about twice that, effort 4 about ten times, for 5–10 % fewer bytes; effort 1 saves
 * ~30 % of the time for ~4 % more bytes. WebP at 1024 px ≈ 0.1 s. 4:2:0 is faster and smaller.
 */
const AVIF = { quality: 55, effort: 2, chromaSubsampling: '4:2:0' } as const;
const WEBP = { quality: 78, effort: 4 } as const;
const PLACEHOLDER_SIZE = 16;
/** Longer side over shorter side. Beyond this a "photo" is a strip that would only waste memory and time. */
const MAX_ASPECT_RATIO = 10;
const PLACEHOLDER_MAX_CHARS = 600;

/**
 * No operation cache: every upload is different, and the cache would keep decoded images alive.
 * (Process-wide, like any sharp setting.) Thread count stays at sharp's default, which is already
 * 1 on glibc Linux without jemalloc.
 */
sharp.cache(false);

/** Formats we accept, as sniffed from the first bytes; anything else is refused before decoding. */
type Sniffed = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'heic';

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** Content sniffing by magic bytes; file names and declared MIME types are never trusted. */
export function sniffFormat(input: Uint8Array): Sniffed | null {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const ascii = (start: number, end: number) => bytes.toString('latin1', start, end);
  if (input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return 'jpeg';
  if (input.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (input.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (input.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (input.length >= 16 && ascii(4, 8) === 'ftyp') {
    // ISO-BMFF: major brand, minor version, then compatible brands up to the end of the box.
    const boxEnd = Math.min(input.length, bytes.readUInt32BE(0), 256);
    const brands = [ascii(8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(at, at + 4));
    if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
    if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
  }
  return null;
}

/** What sharp's metadata must report for each sniffed family. */
const SHARP_FORMAT: Record<Sniffed, string> = { jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', avif: 'heif', heic: 'heif' };

const UNSUPPORTED = 'This file is not a supported image. Please upload a JPEG, PNG or WebP photo.';
const UNREADABLE = 'This image could not be read; it may be damaged or incomplete.';
const HEIC_UNSUPPORTED = 'HEIC photos cannot be read here yet. Please upload a JPEG (set the camera to "Most Compatible").';

function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function normaliseWidths(widths: readonly number[]): number[] {
  if (widths.length === 0 || widths.some((w) => !Number.isInteger(w) || w < 1 || w > 8192)) {
    throw new AppError('invalid', 'Image widths must be whole numbers between 1 and 8192.');
  }
  return [...new Set(widths)].sort((a, b) => a - b);
}

/**
 * Widths to produce for a source `sourceWidth` wide: the requested ones that need no upscaling,
 * plus the source width itself when it falls short of a requested width (so a 800 px photo gets
 * 320, 640 and 800, and a 200 px one gets just 200).
 */
export function plannedWidths(requested: readonly number[], sourceWidth: number): number[] {
  const widths = normaliseWidths(requested);
  const kept = widths.filter((w) => w <= sourceWidth);
  if (kept.length < widths.length && kept.at(-1) !== sourceWidth) kept.push(sourceWidth);
  return kept;
}

export function variantPath(key: string, width: number, format: VariantFormat): string {
  return `${key.slice(0, 2)}/${key}-${width}.${format}`;
}

/** Decoded, oriented, sRGB 8-bit pixels, at most the largest variant wide. */
interface Master {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

/** Runs jobs one after another: at most one image is decoded/encoded at a time per process. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

export async function processImage(input: Buffer | Uint8Array, options: ProcessOptions = {}): Promise<ProcessedImage> {
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const maxInputPixels = options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;
  const widths = normaliseWidths(options.widths ?? DEFAULT_WIDTHS);

  if (!(input instanceof Uint8Array)) throw new AppError('invalid', UNSUPPORTED);
  if (input.length === 0) throw new AppError('invalid', 'The file is empty.');
  if (input.length > maxInputBytes) {
    throw new AppError('too_large', `The file is too large (${megabytes(input.length)}); the limit is ${megabytes(maxInputBytes)}.`);
  }
  const sniffed = sniffFormat(input);
  if (!sniffed) throw new AppError('invalid', UNSUPPORTED);

  const job = async () => {
    try {
      return await processDecoded(await decode(input, sniffed, maxInputPixels, widths.at(-1)!), widths);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('internal', 'The image could not be processed.', { cause: error });
    }
  };
  return options.exclusive === false ? job() : serialised(job);
}

async function processDecoded(master: Master, widths: readonly number[]): Promise<ProcessedImage> {
  const key = createHash('sha256')
    .update(`${master.width}x${master.height}x${master.channels}\n`)
    .update(master.data)
    .digest('hex')
    .slice(0, 32);

  const variants: ImageVariantData[] = [];
  for (const width of plannedWidths(widths, master.width)) {
    for (const format of ['avif', 'webp'] as const) variants.push(await encodeVariant(master, key, width, format));
  }
  const largest = variants.at(-1)!;
  return {
    key,
    width: largest.width,
    height: largest.height,
    placeholder: await placeholder(master),
    dominantColors: await dominantColors(master),
    variants,
  };
}

async function decode(input: Uint8Array, sniffed: Sniffed, maxInputPixels: number, maxWidth: number): Promise<Master> {
  const sharpOptions = { limitInputPixels: maxInputPixels, sequentialRead: true, failOn: 'error', pages: 1 } as const;

  // 1. Header only: no pixels are decoded here, so a 100 000 × 100 000 "bomb" costs nothing.
  let metadata: Metadata;
  try {
    metadata = await sharp(input, sharpOptions).metadata();
  } catch (error) {
    if (isPixelLimitError(error)) throw tooManyPixels(maxInputPixels, error);
    throw new AppError('invalid', sniffed === 'heic' ? HEIC_UNSUPPORTED : UNREADABLE, { cause: error });
  }
  if (metadata.format !== SHARP_FORMAT[sniffed]) throw new AppError('invalid', UNSUPPORTED);
  const frameHeight = metadata.pageHeight ?? metadata.height;
  if (!(metadata.width > 0 && frameHeight > 0)) throw new AppError('invalid', UNREADABLE);
  if (metadata.width * frameHeight > maxInputPixels) throw tooManyPixels(maxInputPixels);
  if (Math.max(metadata.width, frameHeight) > MAX_ASPECT_RATIO * Math.min(metadata.width, frameHeight)) {
    throw new AppError('invalid', 'The image is too long and narrow. Please crop it closer to a normal photo shape.');
  }

  // 2. One sequential decode: orient by EXIF, shrink (on load where the codec allows), sRGB, 8-bit.
  try {
    let pipeline = sharp(input, sharpOptions)
      .autoOrient()
      .resize({ width: maxWidth, withoutEnlargement: true })
      .toColourspace('srgb');
    pipeline = metadata.hasAlpha ? pipeline.ensureAlpha() : pipeline.removeAlpha();
    const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    const master: Master = { data, width: info.width, height: info.height, channels: metadata.hasAlpha ? 4 : 3 };
    return master.channels === 4 && isOpaque(master.data) ? await dropAlpha(master) : master;
  } catch (error) {
    if (isPixelLimitError(error)) throw tooManyPixels(maxInputPixels, error);
    const heic = sniffed === 'heic' || metadata.compression === 'hevc';
    throw new AppError('invalid', heic ? HEIC_UNSUPPORTED : UNREADABLE, { cause: error });
  }
}

function isOpaque(rgba: Buffer): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

/** An alpha channel that is opaque everywhere is dropped: smaller files, and the same key as without it. */
async function dropAlpha(master: Master): Promise<Master> {
  const data = await fromMaster(master).removeAlpha().raw().toBuffer();
  return { ...master, data, channels: 3 };
}

function tooManyPixels(maxInputPixels: number, cause?: unknown): AppError {
  const limit = `${Math.round(maxInputPixels / 1e5) / 10} megapixels`;
  return new AppError('too_large', `The image has too many pixels; the limit is ${limit}.`, { cause });
}

function fromMaster(master: Master): Sharp {
  return sharp(master.data, { raw: { width: master.width, height: master.height, channels: master.channels } });
}

async function encodeVariant(master: Master, key: string, width: number, format: VariantFormat): Promise<ImageVariantData> {
  let pipeline = fromMaster(master);
  if (width !== master.width) pipeline = pipeline.resize({ width });
  pipeline = format === 'avif' ? pipeline.avif(AVIF) : pipeline.webp(WEBP);
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { format, width: info.width, height: info.height, path: variantPath(key, info.width, format), bytes: data };
}

async function placeholder(master: Master): Promise<string> {
  let uri = '';
  for (const [size, quality] of [[PLACEHOLDER_SIZE, 50], [12, 40], [8, 30]] as const) {
    const bytes = await fromMaster(master)
      .resize({ width: size, height: size, fit: 'inside' })
      .blur(0.5)
      .webp({ quality, alphaQuality: 50, effort: 6 })
      .toBuffer();
    uri = `data:image/webp;base64,${bytes.toString('base64')}`;
    if (uri.length <= PLACEHOLDER_MAX_CHARS) break;
  }
  return uri;
}

/** sRGB (0–255) → CIELAB (D65), where Euclidean distance (ΔE76) roughly matches what eyes see. */
function toLab(rgb: readonly number[]): [number, number, number] {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const deltaE = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/** Colours closer than this (ΔE76) count as one: shading across a cloth is not a second colour. */
const MERGE_DELTA_E = 20;

const hex = (rgb: readonly number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/**
 * Dominant colours: sample 64×64 real pixels (nearest neighbour, so no invented in-between
 * colours), bucket them at 4 bits per channel, then merge buckets closer than a just-noticeable
 * step into weighted-mean clusters. Clusters under 3 % of the picture are noise and dropped.
 */
async function dominantColors(master: Master, maxColours = 5): Promise<string[]> {
  const { data } = await fromMaster(master)
    .resize({ width: 64, height: 64, fit: 'fill', kernel: 'nearest' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });

  const tally = (ignoreAlpha: boolean) => {
    const buckets = new Map<number, { n: number; r: number; g: number; b: number }>();
    for (let i = 0; i < data.length; i += 4) {
      if (!ignoreAlpha && data[i + 3]! < 128) continue;
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      const id = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
      const bucket = buckets.get(id) ?? { n: 0, r: 0, g: 0, b: 0 };
      bucket.n++;
      bucket.r += r;
      bucket.g += g;
      bucket.b += b;
      buckets.set(id, bucket);
    }
    return buckets;
  };
  let buckets = tally(false);
  if (buckets.size === 0) buckets = tally(true); // fully transparent: fall back to the hidden colours

  const clusters: { n: number; rgb: number[]; lab: number[] }[] = [];
  for (const { n, r, g, b } of [...buckets.values()].sort((x, y) => y.n - x.n)) {
    const rgb = [r / n, g / n, b / n];
    const lab = toLab(rgb);
    const near = clusters.find((c) => deltaE(c.lab, lab) < MERGE_DELTA_E);
    if (near) {
      const total = near.n + n;
      near.rgb = near.rgb.map((v, i) => (v * near.n + rgb[i]! * n) / total);
      near.lab = toLab(near.rgb);
      near.n = total;
    } else {
      clusters.push({ n, rgb, lab });
    }
  }
  const total = clusters.reduce((sum, c) => sum + c.n, 0);
  return clusters
    .sort((x, y) => y.n - x.n)
    .filter((c, i) => i === 0 || c.n / total >= 0.03)
    .slice(0, maxColours)
    .map((c) => hex(c.rgb));
}

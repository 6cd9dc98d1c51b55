import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/errors.ts';
import { plannedWidths, processImage, sniffFormat, type ProcessedImage } from '../../src/lib/images/image-pipeline.ts';
import { createMediaStore } from '../../src/lib/images/media-store.ts';
import {
  SVG_WITH_SCRIPT,
  batikPhotoJpeg,
  hexToRgb,
  jpegWithGps,
  pngClaimingSize,
  solidJpeg,
  solidPng,
  twoColourPng,
  withoutApp1,
} from '../fixtures/images.ts';

const SLOW = 30_000;

/** Resolves to the AppError a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const closeTo = (hex: string, expected: string, tolerance = 6) =>
  hexToRgb(hex).every((v, i) => Math.abs(v - hexToRgb(expected)[i]!) <= tolerance);

describe('processImage: a phone-sized JPEG', () => {
  let input: Buffer;
  let result: ProcessedImage;

  beforeAll(async () => {
    input = await batikPhotoJpeg(1200, 1200);
    result = await processImage(input);
  }, SLOW);

  it('makes AVIF and WebP at every default width, largest last', () => {
    expect(result.variants.map((v) => `${v.format}@${v.width}x${v.height}`)).toEqual([
      'avif@320x320',
      'webp@320x320',
      'avif@640x640',
      'webp@640x640',
      'avif@768x768',
      'webp@768x768',
      'avif@1024x1024',
      'webp@1024x1024',
    ]);
    expect([result.width, result.height]).toEqual([1024, 1024]);
  });

  it('encodes what each variant says it is, smaller than the input', async () => {
    for (const variant of result.variants) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.format).toBe(variant.format === 'avif' ? 'heif' : 'webp');
      if (variant.format === 'avif') expect(meta.compression).toBe('av1');
      expect([meta.width, meta.height]).toEqual([variant.width, variant.height]);
      expect(variant.bytes.length).toBeLessThan(input.length);
    }
  });

  it('names variants by content hash: `ab/ab…-width.format`', () => {
    expect(result.key).toMatch(/^[0-9a-f]{32}$/);
    for (const v of result.variants) expect(v.path).toBe(`${result.key.slice(0, 2)}/${result.key}-${v.width}.${v.format}`);
  });

  it('has a tiny WebP placeholder as a data: URI', async () => {
    expect(result.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/]+=*$/);
    expect(result.placeholder.length).toBeLessThanOrEqual(600);
    const bytes = Buffer.from(result.placeholder.split(',')[1]!, 'base64');
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(16);
  });

  it('finds the cloth and the motif among its dominant colours', () => {
    expect(result.dominantColors.length).toBeGreaterThanOrEqual(1);
    expect(result.dominantColors.length).toBeLessThanOrEqual(5);
    for (const c of result.dominantColors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    // Cream ground (#e9dcc0 under uneven light) first, the brown motif (#5a3320) next.
    expect(closeTo(result.dominantColors[0]!, '#e9dcc0', 40)).toBe(true);
    expect(result.dominantColors.some((c) => closeTo(c, '#5a3320', 40))).toBe(true);
  });

  it('gives identical inputs identical keys and variants', async () => {
    const again = await processImage(Buffer.from(input));
    expect(again.key).toBe(result.key);
    expect(again.variants.map((v) => v.bytes.length)).toEqual(result.variants.map((v) => v.bytes.length));
  }, SLOW);
});

describe('processImage: sizes', () => {
  it('never upscales: a 500 px photo gets 320 and 500, not 640 or 1024', async () => {
    const result = await processImage(await solidJpeg(500, 250));
    expect(result.variants.map((v) => `${v.format}@${v.width}x${v.height}`)).toEqual([
      'avif@320x160',
      'webp@320x160',
      'avif@500x250',
      'webp@500x250',
    ]);
    expect([result.width, result.height]).toEqual([500, 250]);
  });

  it('keeps a photo smaller than the smallest width at its own size', async () => {
    const result = await processImage(await solidJpeg(200, 120));
    expect(result.variants.map((v) => `${v.format}@${v.width}x${v.height}`)).toEqual(['avif@200x120', 'webp@200x120']);
  });

  it('plans widths without upscaling', () => {
    expect(plannedWidths([320, 640, 1024], 4000)).toEqual([320, 640, 1024]);
    expect(plannedWidths([1024, 320, 640, 640], 640)).toEqual([320, 640]);
    expect(plannedWidths([320, 640, 1024], 800)).toEqual([320, 640, 800]);
    expect(plannedWidths([320, 640, 1024], 100)).toEqual([100]);
  });

  it('refuses nonsense widths', async () => {
    for (const widths of [[], [0], [-320], [320.5], [100_000]]) {
      expect((await rejection(processImage(Buffer.from('x'), { widths }))).code).toBe('invalid');
    }
  });
});

describe('processImage: dominant colours', () => {
  it('reports the two colours of a two-colour image, the larger area first', async () => {
    const result = await processImage(await twoColourPng(300, 200, '#b03a2e', '#1f3a5f', 0.6));
    expect(result.dominantColors).toHaveLength(2);
    expect(closeTo(result.dominantColors[0]!, '#b03a2e')).toBe(true);
    expect(closeTo(result.dominantColors[1]!, '#1f3a5f')).toBe(true);
  });

  it('reports one colour for a flat image', async () => {
    const result = await processImage(await solidJpeg(64, 64, '#2e7d32'));
    expect(result.dominantColors).toHaveLength(1);
    expect(closeTo(result.dominantColors[0]!, '#2e7d32', 8)).toBe(true);
  });
});

describe('processImage: accepted formats, sniffed by content', () => {
  const solid = () => sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 200, g: 120, b: 40, alpha: 0.5 } } });

  it.each([
    ['PNG with alpha', () => solid().png().toBuffer()],
    ['WebP', () => solid().webp().toBuffer()],
    ['AVIF', () => solid().avif().toBuffer()],
    ['GIF', () => solid().gif().toBuffer()],
  ])('accepts %s', async (_name, make) => {
    const result = await processImage(await make());
    expect(result.variants.map((v) => `${v.format}@${v.width}x${v.height}`)).toEqual(['avif@40x30', 'webp@40x30']);
  });

  it.each(['gif', 'webp'] as const)('takes the first frame of an animated %s', async (format) => {
    const frames = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map((c) => solidJpeg(40, 30, c)));
    const animated = await sharp(frames, { join: { animated: true } })[format]().toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(3);
    const result = await processImage(animated);
    expect([result.width, result.height]).toEqual([40, 30]);
    expect(result.dominantColors).toHaveLength(1);
    expect(closeTo(result.dominantColors[0]!, '#ff0000', 12)).toBe(true);
  });

  it('drops an alpha channel that is opaque everywhere (same key as without it)', async () => {
    const rgb = await twoColourPng(90, 60, '#b03a2e', '#1f3a5f');
    const rgba = await sharp(rgb).ensureAlpha().png().toBuffer();
    expect((await sharp(rgba).metadata()).hasAlpha).toBe(true);
    const [a, b] = [await processImage(rgb), await processImage(rgba)];
    expect(b.key).toBe(a.key);
    for (const v of b.variants) expect((await sharp(v.bytes).metadata()).hasAlpha).toBe(false);
  });

  it('keeps transparency', async () => {
    const result = await processImage(await solid().png().toBuffer());
    for (const v of result.variants) expect((await sharp(v.bytes).metadata()).hasAlpha).toBe(true);
  });

  it('sniffs formats from bytes, not names', async () => {
    expect(sniffFormat(await solidJpeg(8, 8))).toBe('jpeg');
    expect(sniffFormat(await solid().avif().toBuffer())).toBe('avif');
    expect(sniffFormat(Buffer.from('hello.jpg'))).toBeNull();
    expect(sniffFormat(new Uint8Array())).toBeNull();
  });
});

describe('processImage: refusals', () => {
  it('refuses a text file, whatever it is called', async () => {
    const error = await rejection(processImage(Buffer.from('This is not a photo of batik, just text saved as kain.jpg\n')));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/not a supported image/);
  });

  it('refuses an empty file', async () => {
    expect((await rejection(processImage(Buffer.alloc(0)))).code).toBe('invalid');
  });

  it('refuses garbage behind a JPEG or PNG signature', async () => {
    const garbage = Buffer.alloc(2048, 0x5a);
    const fakeJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), garbage]);
    const fakePng = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), garbage]);
    for (const fake of [fakeJpeg, fakePng]) expect((await rejection(processImage(fake))).code).toBe('invalid');
  });

  it('refuses a truncated JPEG', async () => {
    const jpeg = await batikPhotoJpeg(600, 600);
    const error = await rejection(processImage(jpeg.subarray(0, Math.floor(jpeg.length / 2))));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/damaged or incomplete/);
  }, SLOW);

  it('refuses SVG (it can carry scripts) without rendering it', async () => {
    expect((await rejection(processImage(SVG_WITH_SCRIPT))).code).toBe('invalid');
    const padded = Buffer.concat([Buffer.from('\ufeff  \n'), SVG_WITH_SCRIPT]);
    expect((await rejection(processImage(padded))).code).toBe('invalid');
  });

  it('refuses strips more than 10 times longer than wide', async () => {
    const error = await rejection(processImage(await solidJpeg(60, 1200)));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/long and narrow/);
    expect((await processImage(await solidJpeg(1000, 250))).width).toBe(1000);
  });

  it('refuses TIFF (not a phone format, and a large attack surface)', async () => {
    const tiff = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } }).tiff().toBuffer();
    expect((await rejection(processImage(tiff))).code).toBe('invalid');
  });

  it('explains when a HEIC photo cannot be decoded', async () => {
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftypheic\0\0\0\0mif1heic', 4, 'latin1');
    const error = await rejection(processImage(Buffer.concat([ftyp, Buffer.alloc(512, 1)])));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/HEIC/);
  });

  it('refuses files over the byte limit before looking inside', async () => {
    const huge = Buffer.alloc(15 * 1024 * 1024 + 1, 0);
    huge.set([0xff, 0xd8, 0xff]);
    const error = await rejection(processImage(huge));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/15 MB/);
    expect((await rejection(processImage(await solidJpeg(300, 300), { maxInputBytes: 500 }))).code).toBe('too_large');
  });
});

describe('processImage: decompression bombs', () => {
  /** Runs `job` and returns how much the resident set grew at its peak, in MB. */
  async function peakGrowth(job: () => Promise<unknown>): Promise<number> {
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    try {
      await job();
    } finally {
      clearInterval(timer);
    }
    return (Math.max(peak, process.memoryUsage().rss) - before) / 1e6;
  }

  it('refuses a 100-byte PNG claiming 100 000 × 100 000 pixels, at once', async () => {
    const bomb = await pngClaimingSize(100_000, 100_000);
    expect(bomb.length).toBeLessThan(200);
    let error: AppError | undefined;
    const growth = await peakGrowth(async () => (error = await rejection(processImage(bomb))));
    expect(error?.code).toBe('too_large');
    expect(error?.message).toMatch(/too many pixels/);
    expect(growth).toBeLessThan(300);
  });

  it('refuses one just over our limit but under sharp’s own default (claims 8000 × 6000)', async () => {
    expect((await rejection(processImage(await pngClaimingSize(8000, 6000)))).code).toBe('too_large');
  });

  it('refuses a real, decodable 48-megapixel PNG of a few KB without decoding it', async () => {
    const bomb = await solidPng(8000, 6000); // 144 MB of RGB if decoded
    expect(bomb.length).toBeLessThan(200_000);
    let error: AppError | undefined;
    const growth = await peakGrowth(async () => (error = await rejection(processImage(bomb))));
    expect(error?.code).toBe('too_large');
    expect(growth).toBeLessThan(300);
  }, SLOW);

  it('honours a lower maxInputPixels', async () => {
    const error = await rejection(processImage(await solidJpeg(1000, 1000), { maxInputPixels: 500_000 }));
    expect(error.code).toBe('too_large');
  });
});

describe('processImage: metadata and orientation', () => {
  it('strips EXIF (GPS, camera), XMP, IPTC and ICC from every output', async () => {
    const input = await jpegWithGps(400, 300);
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif?.toString('latin1')).toContain('CheapPhone');
    const result = await processImage(input);
    for (const v of result.variants) {
      const meta = await sharp(v.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(v.bytes.includes('CheapPhone')).toBe(false);
      expect(v.bytes.includes('Exif\0\0')).toBe(false);
    }
  });

  it('gives the same key with or without EXIF (the key hashes pixels, not metadata)', async () => {
    const withGps = await jpegWithGps(120, 80);
    const stripped = withoutApp1(withGps);
    expect(stripped.length).toBeLessThan(withGps.length);
    expect((await sharp(stripped).metadata()).exif).toBeUndefined();
    const [a, b] = [await processImage(withGps), await processImage(stripped)];
    expect(a.key).toBe(b.key);
    const other = await processImage(await twoColourPng(120, 80, '#c0392b', '#f1c40f', 0.4));
    expect(other.key).not.toBe(a.key);
  });

  it('applies EXIF orientation 6 (rotate 90° clockwise): 100×50 becomes 50×100', async () => {
    const input = await jpegWithGps(100, 50, 6); // red left half, yellow right half, as stored
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const result = await processImage(input);
    expect([result.width, result.height]).toEqual([50, 100]);
    const webp = result.variants.find((v) => v.format === 'webp')!;
    expect([webp.width, webp.height]).toEqual([50, 100]);
    const { data } = await sharp(webp.bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => `#${[...data.subarray((y * 50 + x) * 3, (y * 50 + x) * 3 + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    // Turned clockwise, the stored left (red) half is now on top, the right (yellow) at the bottom.
    expect(closeTo(at(25, 10), '#c0392b', 30)).toBe(true);
    expect(closeTo(at(25, 90), '#f1c40f', 30)).toBe(true);
  });
});

describe('processImage: one at a time', () => {
  it('serves concurrent callers, each with its own result', async () => {
    const inputs = await Promise.all(['#aa3333', '#33aa33', '#3333aa'].map((c) => solidJpeg(120, 90, c)));
    const results = await Promise.all([...inputs.map((i) => processImage(i)), processImage(Buffer.from('nope')).catch((e: unknown) => e)]);
    expect(new Set(results.slice(0, 3).map((r) => (r as ProcessedImage).key)).size).toBe(3);
    expect(results[3]).toBeInstanceOf(AppError);
  });
});

describe('media store', () => {
  let root: string;
  let processed: ProcessedImage;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'canting-media-'));
    processed = await processImage(await twoColourPng(700, 400, '#b03a2e', '#1f3a5f'));
  }, SLOW);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('writes every variant under its content path, byte for byte, with no temp files left', async () => {
    const store = createMediaStore(root);
    const saved = await store.save(processed);
    expect(saved.written).toEqual(processed.variants.map((v) => v.path));
    expect(saved.skipped).toEqual([]);
    for (const v of processed.variants) {
      const file = store.resolve(v.path)!;
      expect(file).toBe(join(root, v.path));
      expect((await readFile(file)).equals(v.bytes)).toBe(true);
    }
    expect(await readdir(join(root, processed.key.slice(0, 2)))).toHaveLength(processed.variants.length);
  });

  it('dedups: saving the same picture again writes nothing and leaves the files alone', async () => {
    const store = createMediaStore(root);
    const first = await stat(store.resolve(processed.variants[0]!.path)!);
    const again = await processImage(await twoColourPng(700, 400, '#b03a2e', '#1f3a5f'));
    const saved = await store.save(again);
    expect(saved.written).toEqual([]);
    expect(saved.skipped).toHaveLength(processed.variants.length);
    expect((await stat(store.resolve(processed.variants[0]!.path)!)).mtimeMs).toBe(first.mtimeMs);
  });

  it('survives concurrent saves of the same picture', async () => {
    const other = await mkdtemp(join(tmpdir(), 'canting-media-'));
    try {
      const store = createMediaStore(other);
      await Promise.all([store.save(processed), store.save(processed), store.save(processed)]);
      const files = await readdir(join(other, processed.key.slice(0, 2)));
      expect(files.sort()).toEqual(processed.variants.map((v) => v.path.split('/')[1]).sort());
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('refuses to save a variant with a path that is not a media path', async () => {
    const store = createMediaStore(root);
    const bad = { variants: [{ ...processed.variants[0]!, path: '../escape.avif' }] };
    expect((await rejection(store.save(bad))).code).toBe('invalid');
  });

  it('resolves media paths inside the root and refuses everything else', () => {
    const store = createMediaStore(root);
    const good = processed.variants[0]!.path;
    expect(store.resolve(good)!.startsWith(root + sep)).toBe(true);
    const key = processed.key;
    for (const path of [
      '../../etc/passwd',
      '%2e%2e/x',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/etc/passwd',
      `/${good}`,
      `${root}/${good}`,
      'C:\\Windows\\win.ini',
      `${key.slice(0, 2)}\\${key}-640.avif`,
      `${key.slice(0, 2)}/../${key.slice(0, 2)}/${key}-640.avif`,
      `${key.slice(0, 2)}/${key}-640.avif/..`,
      `${key.slice(0, 2)}/${key}-640.avif\0.png`,
      `${key.slice(0, 2)}/${key}-640.avif\n`,
      `${key.slice(0, 2)}/${key}-640.png`,
      `${key.slice(0, 2)}/${key.toUpperCase()}-640.avif`,
      `${key.slice(0, 2)}/${key}.avif`,
      `${key.slice(0, 2)}//${key}-640.avif`,
      '',
      '.',
    ]) {
      expect(store.resolve(path), path).toBeNull();
    }
  });

  it('knows the content types', () => {
    const store = createMediaStore(root);
    expect(store.contentType('ab/x-320.avif')).toBe('image/avif');
    expect(store.contentType(join(root, 'ab', 'x-320.webp'))).toBe('image/webp');
    expect(store.contentType('passwd')).toBe('application/octet-stream');
  });
});

/**
 * Content-addressed storage for processed image variants on the local disk, served under /media/.
 * A file's name is the hash of its picture, so a name never changes meaning: writes are
 * write-once (temp file, then rename), an existing file is never rewritten (free dedup), and the
 * files can be cached forever.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve as resolvePath, sep } from 'node:path';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { ProcessedImage } from './image-pipeline.ts';

/** The only shape a media path may take: `ab/ab…(32 hex)-640.avif`. */
export const MEDIA_PATH = /^[0-9a-f]{2}\/[0-9a-f]{32}-\d{1,5}\.(avif|webp)$/;

const CONTENT_TYPES: Record<string, string> = { avif: 'image/avif', webp: 'image/webp' };

export interface SaveResult {
  /** Paths of files written now. */
  written: string[];
  /** Paths already present (same content), left untouched. */
  skipped: string[];
}

export interface MediaStore {
  readonly rootDir: string;
  /** Writes every variant that is not stored yet. */
  save(processed: Pick<ProcessedImage, 'variants'>): Promise<SaveResult>;
  /**
   * The absolute file for a request path such as `ab/ab…-640.avif`, or null for anything that is
   * not exactly a media path (traversal, absolute paths, backslashes, encoded tricks, other types).
   * Does not check that the file exists.
   */
  resolve(path: string): string | null;
  /** The MIME type for a media path or file by its extension; `application/octet-stream` if unknown. */
  contentType(path: string): string;
}

export function isMediaPath(path: unknown): path is string {
  return typeof path === 'string' && MEDIA_PATH.test(path);
}

export function createMediaStore(rootDir: string): MediaStore {
  const root = resolvePath(rootDir);

  function resolve(path: string): string | null {
    if (!isMediaPath(path)) return null;
    const file = join(root, path);
    // The pattern already rules traversal out; this is the belt to its braces.
    return file.startsWith(root + sep) ? file : null;
  }

  async function exists(file: string): Promise<boolean> {
    try {
      return (await stat(file)).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** Writes to a unique temp file beside the target, flushes it, then renames it into place. */
  async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.tmp`;
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Two concurrent saves of the same image rename identical bytes over each other: harmless.
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async function save(processed: Pick<ProcessedImage, 'variants'>): Promise<SaveResult> {
    const result: SaveResult = { written: [], skipped: [] };
    for (const variant of processed.variants) {
      const file = resolve(variant.path);
      if (!file) throw new AppError('invalid', `Not a media path: ${JSON.stringify(variant.path)}.`);
      if (await exists(file)) {
        result.skipped.push(variant.path);
        continue;
      }
      await writeAtomically(file, variant.bytes);
      result.written.push(variant.path);
    }
    return result;
  }

  function contentType(path: string): string {
    const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
    return CONTENT_TYPES[extension] ?? 'application/octet-stream';
  }

  return { rootDir: root, save, resolve, contentType };
}

/** Where processed images live: content-addressed files under DATA_DIR, served under /media/. */
export function mediaDir(config: Pick<Config, 'DATA_DIR'>): string {
  return join(resolvePath(config.DATA_DIR), 'media');
}

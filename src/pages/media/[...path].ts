import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { APIRoute } from 'astro';
import { createMediaStore } from '../../lib/images/media-store.ts';

export const prerender = false;

/** Serves processed images from DATA_DIR/media. Names are content hashes, so they never change. */
export const GET: APIRoute = async ({ params, locals }) => {
  const store = createMediaStore(locals.app.mediaDir);
  const file = store.resolve(params.path ?? '');
  if (!file) return new Response('Not found', { status: 404 });
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return new Response('Not found', { status: 404 });
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      'Content-Type': store.contentType(file),
      'Content-Length': String(info.size),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
};

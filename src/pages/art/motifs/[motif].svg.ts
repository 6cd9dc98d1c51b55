import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalogue } from '../../../collections.ts';
import { renderMotifTile } from '../../../lib/art/index.ts';

export const getStaticPaths = (async () => {
  const { motifs } = await loadCatalogue();
  return motifs.map((m) => ({ params: { motif: m.id }, props: { palette: m.palette.map((c) => c.hex) } }));
}) satisfies GetStaticPaths;

/** One seamless tile of the motif, used as a repeating CSS background. */
export const GET: APIRoute = ({ params, props }) =>
  new Response(renderMotifTile(params.motif!, (props as { palette: string[] }).palette), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });

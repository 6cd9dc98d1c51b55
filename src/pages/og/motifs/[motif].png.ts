import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalogue } from '../../../collections.ts';
import { renderSocialImagePng } from '../../../lib/art/social-image.ts';

export const getStaticPaths = (async () => {
  const { motifs, regions } = await loadCatalogue();
  return motifs.map((m) => ({
    params: { motif: m.id },
    props: {
      palette: m.palette.map((c) => c.hex),
      title: m.name.id,
      subtitle: `Batik ${regions.find((r) => r.id === m.region)?.name ?? ''} · Canting`,
    },
  }));
}) satisfies GetStaticPaths;

/** The motif's social image (Open Graph), 1200×630 PNG. */
export const GET: APIRoute = async ({ params, props }) => {
  const { palette, title, subtitle } = props as { palette: string[]; title: string; subtitle: string };
  const png = await renderSocialImagePng(params.motif!, palette, { title, subtitle });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

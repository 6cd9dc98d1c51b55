import type { APIRoute } from 'astro';
import { loadCatalogue } from '../../collections.ts';
import { renderSocialImagePng } from '../../lib/art/social-image.ts';

/** The site's default social image: the mega mendung pattern with the site name. */
export const GET: APIRoute = async () => {
  const { motifs } = await loadCatalogue();
  const motif = motifs.find((m) => m.id === 'mega-mendung') ?? motifs[0]!;
  const png = await renderSocialImagePng(motif.id, motif.palette.map((c) => c.hex), {
    title: 'Canting',
    subtitle: 'Motif batik Nusantara · Indonesian batik motifs',
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

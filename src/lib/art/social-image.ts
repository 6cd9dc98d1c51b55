/**
 * Social (Open Graph) images: the motif's pattern with a title band, rasterised to PNG by sharp.
 * Server-side only (sharp); used at build time by the /og/ endpoints.
 */
import sharp from 'sharp';
import { escapeXml, renderMotifPattern } from './index.ts';

export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;

export interface SocialImageText {
  title: string;
  subtitle: string;
}

/** The SVG of a social image; exported for tests. */
export function socialImageSvg(slug: string, palette: readonly string[], text: SocialImageText): string {
  const pattern = renderMotifPattern(slug, palette, { width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT, scale: 210 });
  const bandY = SOCIAL_HEIGHT - 190;
  const band =
    `<rect x="0" y="${bandY}" width="${SOCIAL_WIDTH}" height="190" fill="#17233f" fill-opacity="0.9"/>` +
    `<text x="60" y="${bandY + 85}" font-family="DejaVu Serif, Georgia, serif" font-size="64" font-weight="700" fill="#ffffff">${escapeXml(text.title)}</text>` +
    `<text x="60" y="${bandY + 140}" font-family="DejaVu Sans, Arial, sans-serif" font-size="32" fill="#f1e9dc">${escapeXml(text.subtitle)}</text>`;
  return pattern.replace(/<\/svg>$/, `${band}</svg>`);
}

export async function renderSocialImagePng(slug: string, palette: readonly string[], text: SocialImageText): Promise<Buffer> {
  return sharp(Buffer.from(socialImageSvg(slug, palette, text)), { limitInputPixels: SOCIAL_WIDTH * SOCIAL_HEIGHT * 4 })
    .png({ compressionLevel: 9, palette: true, quality: 90 })
    .toBuffer();
}

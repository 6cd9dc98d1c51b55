/** Turns a stored image's variants into `<picture>` sources: AVIF first, WebP as the fallback. */
import type { ProductImage } from '../store/model.ts';

export const MEDIA_PREFIX = '/media/';

export interface PictureData {
  avifSrcset: string;
  webpSrcset: string;
  src: string;
  width: number;
  height: number;
  placeholder: string;
}

export function toPicture(image: Pick<ProductImage, 'variants' | 'width' | 'height' | 'placeholder'>): PictureData {
  const of = (format: 'avif' | 'webp') =>
    image.variants
      .filter((v) => v.format === format)
      .sort((a, b) => a.width - b.width);
  const srcset = (format: 'avif' | 'webp') => of(format).map((v) => `${MEDIA_PREFIX}${v.path} ${v.width}w`).join(', ');
  const webp = of('webp');
  // The <img> fallback: a middle-sized WebP, good enough for browsers that ignore srcset.
  const fallback = webp[Math.min(1, webp.length - 1)] ?? image.variants[0];
  return {
    avifSrcset: srcset('avif'),
    webpSrcset: srcset('webp'),
    src: fallback ? `${MEDIA_PREFIX}${fallback.path}` : '',
    width: image.width,
    height: image.height,
    placeholder: image.placeholder,
  };
}

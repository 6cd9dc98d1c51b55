// src/lib/images/picture.ts
var MEDIA_PREFIX = "/media/";
function toPicture(image) {
	const of = (format) => image.variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width);
	const srcset = (format) => of(format).map((v) => `${MEDIA_PREFIX}${v.path} ${v.width}w`).join(", ");
	const webp = of("webp");
	const fallback = webp[Math.min(1, webp.length - 1)] ?? image.variants[0];
	return {
		avifSrcset: srcset("avif"),
		webpSrcset: srcset("webp"),
		src: fallback ? `${MEDIA_PREFIX}${fallback.path}` : "",
		width: image.width,
		height: image.height,
		placeholder: image.placeholder
	};
}
export { toPicture as n, MEDIA_PREFIX as t };

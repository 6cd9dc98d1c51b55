import { i as fromDatabaseError, r as AppError } from "./services.server_-_DkjSUe.mjs";
import { t as createMediaStore } from "./media-store_DLZdlZtN.mjs";
import { b as toImage, h as ownProductRow, r as atomically, u as isUuid } from "./products_B35zzXAM.mjs";
import { createHash } from "node:crypto";
import sharp from "sharp";
// src/lib/images/image-pipeline.ts
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
var DEFAULT_WIDTHS = [
	320,
	640,
	1024
];
var DEFAULT_MAX_INPUT_BYTES = 15728640;
/**
* Encoder settings, measured on a 2-core box with a 1024 px photo: AVIF effort 2 ≈ 0.3–0.4 s,
* effort 3 about twice that, effort 4 about ten times, for 5–10 % fewer bytes; effort 1 saves
* ~30 % of the time for ~4 % more bytes. WebP at 1024 px ≈ 0.1 s. 4:2:0 is faster and smaller.
*/
var AVIF = {
	quality: 55,
	effort: 2,
	chromaSubsampling: "4:2:0"
};
var WEBP = {
	quality: 78,
	effort: 4
};
var PLACEHOLDER_SIZE = 16;
/** Longer side over shorter side. Beyond this a "photo" is a strip that would only waste memory and time. */
var MAX_ASPECT_RATIO = 10;
var PLACEHOLDER_MAX_CHARS = 600;
/**
* No operation cache: every upload is different, and the cache would keep decoded images alive.
* (Process-wide, like any sharp setting.) Thread count stays at sharp's default, which is already
* 1 on glibc Linux without jemalloc.
*/
sharp.cache(false);
var HEIC_BRANDS = /* @__PURE__ */ new Set([
	"heic",
	"heix",
	"heim",
	"heis",
	"hevc",
	"hevx",
	"mif1",
	"msf1"
]);
var AVIF_BRANDS = /* @__PURE__ */ new Set(["avif", "avis"]);
/** Content sniffing by magic bytes; file names and declared MIME types are never trusted. */
function sniffFormat(input) {
	const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
	const ascii = (start, end) => bytes.toString("latin1", start, end);
	if (input.length >= 3 && input[0] === 255 && input[1] === 216 && input[2] === 255) return "jpeg";
	if (input.length >= 8 && ascii(0, 8) === "PNG\r\n\n") return "png";
	if (input.length >= 6 && (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a")) return "gif";
	if (input.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
	if (input.length >= 16 && ascii(4, 8) === "ftyp") {
		const boxEnd = Math.min(input.length, bytes.readUInt32BE(0), 256);
		const brands = [ascii(8, 12)];
		for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(at, at + 4));
		if (brands.some((b) => AVIF_BRANDS.has(b))) return "avif";
		if (brands.some((b) => HEIC_BRANDS.has(b))) return "heic";
	}
	return null;
}
/** What sharp's metadata must report for each sniffed family. */
var SHARP_FORMAT = {
	jpeg: "jpeg",
	png: "png",
	gif: "gif",
	webp: "webp",
	avif: "heif",
	heic: "heif"
};
var UNSUPPORTED = "This file is not a supported image. Please upload a JPEG, PNG or WebP photo.";
var UNREADABLE = "This image could not be read; it may be damaged or incomplete.";
var HEIC_UNSUPPORTED = "HEIC photos cannot be read here yet. Please upload a JPEG (set the camera to \"Most Compatible\").";
function isPixelLimitError(error) {
	return error instanceof Error && /pixel limit/i.test(error.message);
}
function megabytes(bytes) {
	return `${Math.round(bytes / 1048576 * 10) / 10} MB`;
}
function normaliseWidths(widths) {
	if (widths.length === 0 || widths.some((w) => !Number.isInteger(w) || w < 1 || w > 8192)) throw new AppError("invalid", "Image widths must be whole numbers between 1 and 8192.");
	return [...new Set(widths)].sort((a, b) => a - b);
}
/**
* Widths to produce for a source `sourceWidth` wide: the requested ones that need no upscaling,
* plus the source width itself when it falls short of a requested width (so a 800 px photo gets
* 320, 640 and 800, and a 200 px one gets just 200).
*/
function plannedWidths(requested, sourceWidth) {
	const widths = normaliseWidths(requested);
	const kept = widths.filter((w) => w <= sourceWidth);
	if (kept.length < widths.length && kept.at(-1) !== sourceWidth) kept.push(sourceWidth);
	return kept;
}
function variantPath(key, width, format) {
	return `${key.slice(0, 2)}/${key}-${width}.${format}`;
}
/** Runs jobs one after another: at most one image is decoded/encoded at a time per process. */
var queue = Promise.resolve();
function serialised(job) {
	const run = queue.then(job, job);
	queue = run.catch(() => void 0);
	return run;
}
async function processImage(input, options = {}) {
	const maxInputBytes = options.maxInputBytes ?? 15728640;
	const maxInputPixels = options.maxInputPixels ?? 4e7;
	const widths = normaliseWidths(options.widths ?? DEFAULT_WIDTHS);
	if (!(input instanceof Uint8Array)) throw new AppError("invalid", UNSUPPORTED);
	if (input.length === 0) throw new AppError("invalid", "The file is empty.");
	if (input.length > maxInputBytes) throw new AppError("too_large", `The file is too large (${megabytes(input.length)}); the limit is ${megabytes(maxInputBytes)}.`);
	const sniffed = sniffFormat(input);
	if (!sniffed) throw new AppError("invalid", UNSUPPORTED);
	const job = async () => {
		try {
			return await processDecoded(await decode(input, sniffed, maxInputPixels, widths.at(-1)), widths);
		} catch (error) {
			if (error instanceof AppError) throw error;
			throw new AppError("internal", "The image could not be processed.", { cause: error });
		}
	};
	return options.exclusive === false ? job() : serialised(job);
}
async function processDecoded(master, widths) {
	const key = createHash("sha256").update(`${master.width}x${master.height}x${master.channels}\n`).update(master.data).digest("hex").slice(0, 32);
	const variants = [];
	for (const width of plannedWidths(widths, master.width)) for (const format of ["avif", "webp"]) variants.push(await encodeVariant(master, key, width, format));
	const largest = variants.at(-1);
	return {
		key,
		width: largest.width,
		height: largest.height,
		placeholder: await placeholder(master),
		dominantColors: await dominantColors(master),
		variants
	};
}
async function decode(input, sniffed, maxInputPixels, maxWidth) {
	const sharpOptions = {
		limitInputPixels: maxInputPixels,
		sequentialRead: true,
		failOn: "error",
		pages: 1
	};
	let metadata;
	try {
		metadata = await sharp(input, sharpOptions).metadata();
	} catch (error) {
		if (isPixelLimitError(error)) throw tooManyPixels(maxInputPixels, error);
		throw new AppError("invalid", sniffed === "heic" ? HEIC_UNSUPPORTED : UNREADABLE, { cause: error });
	}
	if (metadata.format !== SHARP_FORMAT[sniffed]) throw new AppError("invalid", UNSUPPORTED);
	const frameHeight = metadata.pageHeight ?? metadata.height;
	if (!(metadata.width > 0 && frameHeight > 0)) throw new AppError("invalid", UNREADABLE);
	if (metadata.width * frameHeight > maxInputPixels) throw tooManyPixels(maxInputPixels);
	if (Math.max(metadata.width, frameHeight) > MAX_ASPECT_RATIO * Math.min(metadata.width, frameHeight)) throw new AppError("invalid", "The image is too long and narrow. Please crop it closer to a normal photo shape.");
	try {
		let pipeline = sharp(input, sharpOptions).autoOrient().resize({
			width: maxWidth,
			withoutEnlargement: true
		}).toColourspace("srgb");
		pipeline = metadata.hasAlpha ? pipeline.ensureAlpha() : pipeline.removeAlpha();
		const { data, info } = await pipeline.raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
		const master = {
			data,
			width: info.width,
			height: info.height,
			channels: metadata.hasAlpha ? 4 : 3
		};
		return master.channels === 4 && isOpaque(master.data) ? await dropAlpha(master) : master;
	} catch (error) {
		if (isPixelLimitError(error)) throw tooManyPixels(maxInputPixels, error);
		const heic = sniffed === "heic" || metadata.compression === "hevc";
		throw new AppError("invalid", heic ? HEIC_UNSUPPORTED : UNREADABLE, { cause: error });
	}
}
function isOpaque(rgba) {
	for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
	return true;
}
/** An alpha channel that is opaque everywhere is dropped: smaller files, and the same key as without it. */
async function dropAlpha(master) {
	const data = await fromMaster(master).removeAlpha().raw().toBuffer();
	return {
		...master,
		data,
		channels: 3
	};
}
function tooManyPixels(maxInputPixels, cause) {
	const limit = `${Math.round(maxInputPixels / 1e5) / 10} megapixels`;
	return new AppError("too_large", `The image has too many pixels; the limit is ${limit}.`, { cause });
}
function fromMaster(master) {
	return sharp(master.data, { raw: {
		width: master.width,
		height: master.height,
		channels: master.channels
	} });
}
async function encodeVariant(master, key, width, format) {
	let pipeline = fromMaster(master);
	if (width !== master.width) pipeline = pipeline.resize({ width });
	pipeline = format === "avif" ? pipeline.avif(AVIF) : pipeline.webp(WEBP);
	const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
	return {
		format,
		width: info.width,
		height: info.height,
		path: variantPath(key, info.width, format),
		bytes: data
	};
}
async function placeholder(master) {
	let uri = "";
	for (const [size, quality] of [
		[PLACEHOLDER_SIZE, 50],
		[12, 40],
		[8, 30]
	]) {
		uri = `data:image/webp;base64,${(await fromMaster(master).resize({
			width: size,
			height: size,
			fit: "inside"
		}).blur(.5).webp({
			quality,
			alphaQuality: 50,
			effort: 6
		}).toBuffer()).toString("base64")}`;
		if (uri.length <= PLACEHOLDER_MAX_CHARS) break;
	}
	return uri;
}
/** sRGB (0–255) → CIELAB (D65), where Euclidean distance (ΔE76) roughly matches what eyes see. */
function toLab(rgb) {
	const [r, g, b] = rgb.map((v) => {
		const c = v / 255;
		return c <= .04045 ? c / 12.92 : ((c + .055) / 1.055) ** 2.4;
	});
	const f = (t) => t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116;
	const x = f((.4124 * r + .3576 * g + .1805 * b) / .95047);
	const y = f(.2126 * r + .7152 * g + .0722 * b);
	const z = f((.0193 * r + .1192 * g + .9505 * b) / 1.08883);
	return [
		116 * y - 16,
		500 * (x - y),
		200 * (y - z)
	];
}
var deltaE = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
/** Colours closer than this (ΔE76) count as one: shading across a cloth is not a second colour. */
var MERGE_DELTA_E = 20;
var hex = (rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
/**
* Dominant colours: sample 64×64 real pixels (nearest neighbour, so no invented in-between
* colours), bucket them at 4 bits per channel, then merge buckets closer than a just-noticeable
* step into weighted-mean clusters. Clusters under 3 % of the picture are noise and dropped.
*/
async function dominantColors(master, maxColours = 5) {
	const { data } = await fromMaster(master).resize({
		width: 64,
		height: 64,
		fit: "fill",
		kernel: "nearest"
	}).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	const tally = (ignoreAlpha) => {
		const buckets = /* @__PURE__ */ new Map();
		for (let i = 0; i < data.length; i += 4) {
			if (!ignoreAlpha && data[i + 3] < 128) continue;
			const [r, g, b] = [
				data[i],
				data[i + 1],
				data[i + 2]
			];
			const id = r >> 4 << 8 | g >> 4 << 4 | b >> 4;
			const bucket = buckets.get(id) ?? {
				n: 0,
				r: 0,
				g: 0,
				b: 0
			};
			bucket.n++;
			bucket.r += r;
			bucket.g += g;
			bucket.b += b;
			buckets.set(id, bucket);
		}
		return buckets;
	};
	let buckets = tally(false);
	if (buckets.size === 0) buckets = tally(true);
	const clusters = [];
	for (const { n, r, g, b } of [...buckets.values()].sort((x, y) => y.n - x.n)) {
		const rgb = [
			r / n,
			g / n,
			b / n
		];
		const lab = toLab(rgb);
		const near = clusters.find((c) => deltaE(c.lab, lab) < MERGE_DELTA_E);
		if (near) {
			const total = near.n + n;
			near.rgb = near.rgb.map((v, i) => (v * near.n + rgb[i] * n) / total);
			near.lab = toLab(near.rgb);
			near.n = total;
		} else clusters.push({
			n,
			rgb,
			lab
		});
	}
	const total = clusters.reduce((sum, c) => sum + c.n, 0);
	return clusters.sort((x, y) => y.n - x.n).filter((c, i) => i === 0 || c.n / total >= .03).slice(0, maxColours).map((c) => hex(c.rgb));
}
// src/lib/portal/photos.ts
/** Largest upload accepted, in bytes (the pipeline's own limit). */
var MAX_PHOTO_BYTES = DEFAULT_MAX_INPUT_BYTES;
/** The message of the AppError('invalid') for a ninth photo; pages match it to say so in Indonesian. */
var TOO_MANY_PHOTOS = `A product has at most 8 photos; remove one first.`;
function photoNotFound() {
	return new AppError("not_found", "There is no such photo on this product.");
}
async function photosOf(db, productId) {
	return (await db.query("SELECT * FROM product_images WHERE product_id = $1 ORDER BY position", [productId])).map(toImage);
}
async function countPhotos(db, productId) {
	const [row] = await db.query("SELECT count(*)::int AS n FROM product_images WHERE product_id = $1", [productId]);
	return row.n;
}
/**
* Gives the photos the positions of `ids` (0 = cover). Two statements, because the table's
* UNIQUE (product_id, position) is checked row by row: first everything moves above the highest
* position in use (CHECK position >= 0 rules out negative ones), then each takes its place.
*/
async function writeOrder(tx, productId, ids) {
	await tx.query(`UPDATE product_images SET position = position + (SELECT max(position) + 1 FROM product_images WHERE product_id = $1)
     WHERE product_id = $1`, [productId]);
	await tx.query("UPDATE product_images SET position = array_position($2::uuid[], id) - 1 WHERE product_id = $1", [productId, ids]);
	await tx.query("UPDATE products SET updated_at = now() WHERE id = $1", [productId]);
}
/**
* Adds a photo at the end (the first photo becomes the cover). The upload is checked and
* re-encoded by the image pipeline, whose errors pass through: AppError('invalid') for anything
* that is not a supported image, AppError('too_large') beyond the byte or pixel limit.
* @param alt the photo's description; by default the product's title.
* @throws AppError('not_found') for someone else's product; AppError('invalid', TOO_MANY_PHOTOS).
*/
async function addOwnPhoto(db, mediaDir, artisanId, productId, bytes, alt, options = {}) {
	await ownProductRow(db, artisanId, productId);
	if (await countPhotos(db, productId) >= 8) throw new AppError("invalid", TOO_MANY_PHOTOS);
	const processed = await processImage(bytes, options);
	await createMediaStore(mediaDir).save(processed);
	return atomically(db, async (tx) => {
		const product = await ownProductRow(tx, artisanId, productId, true);
		const position = await countPhotos(tx, productId);
		if (position >= 8) throw new AppError("invalid", TOO_MANY_PHOTOS);
		const text = (value, fallback) => (value?.trim() || fallback).slice(0, 300);
		try {
			const [row] = await tx.query(`INSERT INTO product_images (product_id, position, image_key, width, height, placeholder, dominant_colors, variants, alt_id, alt_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING *`, [
				productId,
				position,
				processed.key,
				processed.width,
				processed.height,
				processed.placeholder,
				processed.dominantColors,
				JSON.stringify(processed.variants.map(({ format, width, height, path }) => ({
					format,
					width,
					height,
					path
				}))),
				text(alt?.id, product.title_id),
				text(alt?.en, product.title_en)
			]);
			await tx.query("UPDATE products SET updated_at = now() WHERE id = $1", [productId]);
			return toImage(row);
		} catch (error) {
			throw fromDatabaseError(error, `could not add a photo to product ${productId}`);
		}
	});
}
/**
* Removes a photo; the ones after it move up (removing the cover makes the next one the cover).
* The image files stay: they are content-addressed and may be shared with a duplicate.
* @returns the remaining photos in order.
*/
async function removeOwnPhoto(db, artisanId, productId, photoId) {
	return atomically(db, async (tx) => {
		await ownProductRow(tx, artisanId, productId, true);
		if (!isUuid(photoId)) throw photoNotFound();
		if (!(await tx.query("DELETE FROM product_images WHERE id = $1 AND product_id = $2 RETURNING id", [photoId, productId])).length) throw photoNotFound();
		const rest = await photosOf(tx, productId);
		if (rest.length) await writeOrder(tx, productId, rest.map((p) => p.id));
		else await tx.query("UPDATE products SET updated_at = now() WHERE id = $1", [productId]);
		return photosOf(tx, productId);
	});
}
/**
* Puts the photos in the given order; the first becomes the cover.
* @param photoIds every photo of the product, each once, in the new order.
* @throws AppError('invalid') when the list is not exactly the product's photos.
*/
async function reorderOwnPhotos(db, artisanId, productId, photoIds) {
	return atomically(db, async (tx) => {
		await ownProductRow(tx, artisanId, productId, true);
		const current = await photosOf(tx, productId);
		const known = new Set(current.map((p) => p.id));
		if (new Set(photoIds).size !== photoIds.length || photoIds.length !== current.length || !photoIds.every((id) => known.has(id))) throw new AppError("invalid", "order: list every photo of the product exactly once");
		if (current.length) await writeOrder(tx, productId, photoIds);
		return photosOf(tx, productId);
	});
}
/** Makes a photo the cover (position 0); the others keep their order after it. */
async function setOwnCover(db, artisanId, productId, photoId) {
	return atomically(db, async (tx) => {
		await ownProductRow(tx, artisanId, productId, true);
		const ids = (await photosOf(tx, productId)).map((p) => p.id);
		if (!ids.includes(photoId)) throw photoNotFound();
		await writeOrder(tx, productId, [photoId, ...ids.filter((id) => id !== photoId)]);
		return photosOf(tx, productId);
	});
}
/** Moves a photo one place earlier (-1) or later (+1); at either end nothing changes. */
async function moveOwnPhoto(db, artisanId, productId, photoId, by) {
	return atomically(db, async (tx) => {
		await ownProductRow(tx, artisanId, productId, true);
		const ids = (await photosOf(tx, productId)).map((p) => p.id);
		const from = ids.indexOf(photoId);
		if (from < 0) throw photoNotFound();
		const to = from + by;
		if (to < 0 || to >= ids.length) return photosOf(tx, productId);
		[ids[from], ids[to]] = [ids[to], ids[from]];
		await writeOrder(tx, productId, ids);
		return photosOf(tx, productId);
	});
}
/**
* Reads a raw request body of at most `limit` bytes: a declared Content-Length above it is refused
* before reading, and the stream is cut off as soon as it passes the limit (the header can lie).
* @throws AppError('too_large').
*/
async function readBodyBytes(request, limit = MAX_PHOTO_BYTES) {
	const tooLarge = () => new AppError("too_large", `The photo is larger than ${Math.round(limit / 1048576)} MB.`);
	const declared = Number(request.headers.get("content-length") ?? "NaN");
	if (Number.isFinite(declared) && declared > limit) throw tooLarge();
	if (!request.body) return /* @__PURE__ */ new Uint8Array(0);
	const chunks = [];
	let size = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel().catch(() => void 0);
			throw tooLarge();
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.byteLength;
	}
	return bytes;
}
export { readBodyBytes as a, setOwnCover as c, moveOwnPhoto as i, TOO_MANY_PHOTOS as n, removeOwnPhoto as o, addOwnPhoto as r, reorderOwnPhotos as s, MAX_PHOTO_BYTES as t };

import { r as AppError } from "./services.server_-_DkjSUe.mjs";
import { dirname, join, resolve, sep } from "node:path";
import { randomUUID } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
// src/lib/images/media-store.ts
/**
* Content-addressed storage for processed image variants on the local disk, served under /media/.
* A file's name is the hash of its picture, so a name never changes meaning: writes are
* write-once (temp file, then rename), an existing file is never rewritten (free dedup), and the
* files can be cached forever.
*/
/** The only shape a media path may take: `ab/ab…(32 hex)-640.avif`. */
var MEDIA_PATH = /^[0-9a-f]{2}\/[0-9a-f]{32}-\d{1,5}\.(avif|webp)$/;
var CONTENT_TYPES = {
	avif: "image/avif",
	webp: "image/webp"
};
function isMediaPath(path) {
	return typeof path === "string" && MEDIA_PATH.test(path);
}
function createMediaStore(rootDir) {
	const root = resolve(rootDir);
	function resolve$1(path) {
		if (!isMediaPath(path)) return null;
		const file = join(root, path);
		return file.startsWith(root + sep) ? file : null;
	}
	async function exists(file) {
		try {
			return (await stat(file)).isFile();
		} catch (error) {
			if (error.code === "ENOENT") return false;
			throw error;
		}
	}
	/** Writes to a unique temp file beside the target, flushes it, then renames it into place. */
	async function writeAtomically(file, bytes) {
		await mkdir(dirname(file), { recursive: true });
		const temp = `${file}.${randomUUID()}.tmp`;
		try {
			const handle = await open(temp, "wx");
			try {
				await handle.writeFile(bytes);
				await handle.sync();
			} finally {
				await handle.close();
			}
			await rename(temp, file);
		} catch (error) {
			await rm(temp, { force: true });
			throw error;
		}
	}
	async function save(processed) {
		const result = {
			written: [],
			skipped: []
		};
		for (const variant of processed.variants) {
			const file = resolve$1(variant.path);
			if (!file) throw new AppError("invalid", `Not a media path: ${JSON.stringify(variant.path)}.`);
			if (await exists(file)) {
				result.skipped.push(variant.path);
				continue;
			}
			await writeAtomically(file, variant.bytes);
			result.written.push(variant.path);
		}
		return result;
	}
	function contentType(path) {
		return CONTENT_TYPES[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ""] ?? "application/octet-stream";
	}
	return {
		rootDir: root,
		save,
		resolve: resolve$1,
		contentType
	};
}
export { createMediaStore as t };

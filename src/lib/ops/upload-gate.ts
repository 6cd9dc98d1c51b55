/**
 * Bounds how many large request bodies (photo uploads) the server reads at the same time, so memory
 * stays bounded however many arrive at once: a body is read whole before it is processed, so N
 * uploads of 120 MB would need N × 120 MB. Requests beyond the slots wait their turn (their bodies stay
 * in the client's socket, not in our memory) and are answered 503 with Retry-After if no slot frees
 * within `waitMs`.
 */
import type { IncomingMessage } from 'node:http';

/** A body above this (declared), or any streamed upload without a length, takes a slot. */
export const LARGE_BODY_BYTES = 1024 * 1024;

export interface UploadGate {
  /** Resolves with a release function, or null when no slot freed in time. */
  acquire(): Promise<(() => void) | null>;
  /** Slots in use and requests waiting, for tests and the status page. */
  readonly inUse: number;
  readonly waiting: number;
}

export function createUploadGate(slots: number, waitMs = 15_000): UploadGate {
  let inUse = 0;
  const queue: Array<(release: (() => void) | null) => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next(once());
    else inUse -= 1;
  };
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };
  return {
    get inUse() {
      return inUse;
    },
    get waiting() {
      return queue.length;
    },
    acquire() {
      if (inUse < slots) {
        inUse += 1;
        return Promise.resolve(once());
      }
      return new Promise((resolve) => {
        const entry = (granted: (() => void) | null) => {
          clearTimeout(timer);
          resolve(granted);
        };
        const timer = setTimeout(() => {
          const at = queue.indexOf(entry);
          if (at !== -1) queue.splice(at, 1);
          resolve(null);
        }, waitMs);
        timer.unref();
        queue.push(entry);
      });
    },
  };
}

/** Whether a request brings a large body: a declared length over 1 MB, or an upload streamed without one. */
export function isLargeUpload(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const declared = Number(req.headers['content-length'] ?? 'NaN');
  if (Number.isFinite(declared)) return declared > LARGE_BODY_BYTES;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  return req.headers['transfer-encoding'] !== undefined && (type.startsWith('multipart/') || type.startsWith('image/') || type.startsWith('application/octet-stream'));
}

import { describe, expect, it } from 'vitest';
import { createReadCache } from '../../src/lib/store/read-cache.ts';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createReadCache', () => {
  it('serves a value for ttlMs, then reads again', async () => {
    const c = clock();
    const cache = createReadCache({ ttlMs: 5_000, now: c.now });
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.get('k', load)).toBe(1);
    c.advance(4_999);
    expect(await cache.get('k', load)).toBe(1);
    c.advance(1);
    expect(await cache.get('k', load)).toBe(2);
    expect(reads).toBe(2);
  });

  it('keeps keys apart', async () => {
    const cache = createReadCache({ ttlMs: 5_000 });
    expect(await cache.get('a', async () => 'A')).toBe('A');
    expect(await cache.get('b', async () => 'B')).toBe('B');
    expect(await cache.get('a', async () => 'other')).toBe('A');
  });

  it('reads again after invalidate()', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    let value = 'old';
    const load = async () => value;
    expect(await cache.get('k', load)).toBe('old');
    value = 'new';
    expect(await cache.get('k', load)).toBe('old');
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect(await cache.get('k', load)).toBe('new');
  });

  it('forgets a load that was in flight when invalidated: the next caller reads again', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    let release!: (v: string) => void;
    const slow = cache.get('k', () => new Promise<string>((r) => (release = r)));
    cache.invalidate(); // a write committed while the old row was being read
    release('old');
    expect(await slow).toBe('old'); // its own caller still gets an answer
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('shares one load between concurrent misses of a key', async () => {
    const cache = createReadCache({ ttlMs: 5_000 });
    let reads = 0;
    let release!: (v: number) => void;
    const load = () => {
      reads++;
      return new Promise<number>((r) => (release = r));
    };
    const both = Promise.all([cache.get('k', load), cache.get('k', load)]);
    release(42);
    expect(await both).toEqual([42, 42]);
    expect(reads).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const cache = createReadCache({ ttlMs: 5_000 });
    await expect(cache.get('k', async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await cache.get('k', async () => 'back')).toBe('back');
  });

  it('drops the oldest entries beyond maxEntries', async () => {
    const cache = createReadCache({ ttlMs: 60_000, maxEntries: 2 });
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('c', async () => 3);
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'reloaded')).toBe('reloaded');
    expect(await cache.get('c', async () => 'x')).toBe(3);
  });

  it('with ttlMs 0 always reads', async () => {
    const cache = createReadCache({ ttlMs: 0 });
    let reads = 0;
    await cache.get('k', async () => ++reads);
    await cache.get('k', async () => ++reads);
    expect(reads).toBe(2);
  });
});

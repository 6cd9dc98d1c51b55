import { describe, expect, it } from 'vitest';
import { formatDateRange, isLang, localizedPath, otherLang, splitLangPath } from '../../src/lib/i18n/index.ts';
import { id } from '../../src/i18n/id.ts';
import { en } from '../../src/i18n/en.ts';

describe('language paths', () => {
  it('prefixes every path with its language', () => {
    expect(localizedPath('id', '/')).toBe('/id/');
    expect(localizedPath('en', '/motifs/kopi')).toBe('/en/motifs/kopi');
    expect(localizedPath('en', 'regions/')).toBe('/en/regions/');
  });

  it('splits a path into language and the neutral rest, so the switch keeps the page', () => {
    expect(splitLangPath('/en/motifs/kopi')).toEqual({ lang: 'en', path: '/motifs/kopi' });
    expect(splitLangPath('/id')).toEqual({ lang: 'id', path: '/' });
    expect(splitLangPath('/fr/motifs/kopi')).toBeNull();
    expect(splitLangPath('/motifs/kopi')).toBeNull();
    const { lang, path } = splitLangPath('/id/regions/cirebon')!;
    expect(localizedPath(otherLang(lang), path)).toBe('/en/regions/cirebon');
  });

  it('knows only id and en', () => {
    expect([isLang('id'), isLang('en'), isLang('fr'), isLang(undefined)]).toEqual([true, true, false, false]);
  });
});

describe('dates', () => {
  it('formats a single day and a range in each language, without time-zone drift', () => {
    expect(formatDateRange('2026-10-02', '2026-10-02', 'id')).toBe('2 Oktober 2026');
    expect(formatDateRange('2026-10-02', '2026-10-02', 'en')).toBe('2 October 2026');
    expect(formatDateRange('2025-11-27', '2025-12-01', 'id')).toMatch(/^27 Nov.*1 Des.*2025$/);
  });
});

describe('interface strings', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it('English has exactly the Indonesian keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
    for (const strings of [id, en]) {
      for (const key of keys(strings)) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], strings);
        if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('is one system: the portal, the admin, the order desk and the guard’s refusals are in it, in both languages', () => {
    for (const key of ['portal.admin.title', 'portal.desk.flash.confirmed', 'portal.access.pendingTitle', 'portalProducts.photos.errors.tooMany', 'refusals.suspended', 'form.tooLarge']) {
      expect(keys(id), key).toContain(key);
      expect(keys(en), key).toContain(key);
    }
    // The same key is the same kind of thing: a sentence, or a function of the same arity.
    for (const key of keys(id)) {
      const get = (strings: object) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], strings);
      const [a, b] = [get(id), get(en)];
      expect(typeof b, key).toBe(typeof a);
      if (typeof a === 'function') expect((b as (...args: unknown[]) => unknown).length, key).toBe(a.length);
    }
  });

  it('counts motifs in each language', () => {
    expect(id.motifs.count(1)).toBe('1 motif');
    expect(en.motifs.count(1)).toBe('1 motif');
    expect(en.motifs.count(3)).toBe('3 motifs');
  });
});

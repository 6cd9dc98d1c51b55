import { describe, expect, it } from 'vitest';
import { workshopSlug as slugify } from '../../src/lib/auth/accounts.ts';

describe('workshop slugs', () => {
  it('turns a workshop name into lowercase words joined by hyphens', () => {
    expect(slugify('Sanggar Batik Tulis "Kopi Semendo"')).toBe('sanggar-batik-tulis-kopi-semendo');
    expect(slugify('Rumah Batik Ibu Şükriye')).toBe('rumah-batik-ibu-sukriye');
    expect(slugify('\u000e\u0001 ☕')).toBe('sanggar');
  });

  it('never ends with a hyphen when a long name is cut at 60 characters', () => {
    const hostile = '1; SELECT pg_sleep(5)..\\..\\windows\\win.ini"><img src=x onerror=alert(1)>../../etc/passwd';
    const slug = slugify(hostile);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (let cut = 50; cut < 70; cut += 1) {
      expect(slugify(`${'ab-'.repeat(30)}${'x'.repeat(cut)}`)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});

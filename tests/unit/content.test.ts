import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load-content.ts';
import { checkContentIntegrity } from '../../src/lib/content/integrity.ts';

const contentDir = new URL('../../content/', import.meta.url).pathname;
// The brief, and the few reports checked after it (docs/sources-checked.md).
const facts = [
  await readFile(new URL('../../docs/batik-facts.md', import.meta.url), 'utf8'),
  await readFile(new URL('../../docs/sources-checked.md', import.meta.url), 'utf8'),
].join('\n');
const { content, problems } = await loadContent(contentDir);

describe('content/', () => {
  it('every entry matches its schema (both languages, sources present)', () => {
    expect(problems).toEqual([]);
  });

  it('references, sources and coverage hold across collections', () => {
    expect(checkContentIntegrity(content, facts)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkContentIntegrity, extractUrls } from '../../src/lib/catalogue/integrity.ts';
import { plainSchemas } from '../../src/lib/catalogue/schemas.ts';
import { buildContent, buildEvent, buildMotif, FACTS } from '../fixtures/builders.ts';

const messages = (problems: { message: string }[]) => problems.map((p) => p.message);

describe('content schemas catch what a writer forgets', () => {
  it('accepts a complete motif', () => {
    expect(plainSchemas.motifs.safeParse(buildMotif()).success).toBe(true);
  });

  it('rejects a missing English translation', () => {
    const motif = buildMotif({ meaning: { id: 'Penopang.' } as never });
    const result = plainSchemas.motifs.safeParse(motif);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['meaning', 'en']);
  });

  it('rejects an empty Indonesian text', () => {
    expect(plainSchemas.motifs.safeParse(buildMotif({ history: { id: '  ', en: 'Recorded.' } })).success).toBe(false);
  });

  it('rejects a motif without sources', () => {
    const result = plainSchemas.motifs.safeParse(buildMotif({ sources: [] }));
    expect(result.error!.issues[0]!.message).toBe('at least one source');
  });

  it('rejects colours that are not lowercase #rrggbb', () => {
    const palette = buildMotif().palette.map((c, i) => (i === 1 ? { ...c, hex: 'brown' } : c));
    expect(plainSchemas.motifs.safeParse(buildMotif({ palette })).success).toBe(false);
  });

  it('rejects an event that ends before it starts', () => {
    expect(plainSchemas.events.safeParse(buildEvent({ endDate: '2026-10-01' })).success).toBe(false);
  });
});

describe('integrity across collections', () => {
  const known = (content = buildContent()) =>
    messages(checkContentIntegrity(content, FACTS)).filter((m) => !/required entry|at least/.test(m));

  it('passes a consistent catalogue', () => {
    expect(known()).toEqual([]);
  });

  it('reports a reference to a motif that does not exist', () => {
    const content = buildContent();
    content.motifs[0]!.data.related = ['kopi', 'durian'];
    expect(known(content)).toEqual(['related: no motifs entry "durian"']);
  });

  it('reports a source that the facts brief does not list', () => {
    const content = buildContent();
    content.motifs[1]!.data.sources = ['https://example.com/made-up'];
    expect(known(content)).toEqual(['sources: https://example.com/made-up is not in batik-facts.md']);
  });

  it('reports a signature motif that belongs to another region', () => {
    const content = buildContent();
    content.motifs[1]!.data.region = 'prabumulih';
    expect(known(content)).toContain('signatureMotifs: "kopi" belongs to prabumulih');
  });

  it('reports a synonym that is another motif\'s name, gloss or name word', () => {
    const content = buildContent();
    content.motifs[1]!.data.synonyms = { id: ['biji kopi', 'tengkiang'], en: ['rice barn', 'coffee bean'] };
    content.motifs[0]!.data.name = { id: 'Tengkiang Kopi', en: 'Tengkiang Kopi (rice barn)' };
    content.motifs[0]!.data.synonyms = { id: ['lumbung'], en: ['granary'] };
    expect(known(content)).toEqual(['synonyms: "tengkiang" names the motif "tengkiang"', 'synonyms: "rice barn" names the motif "tengkiang"']);
  });

  it('accepts a generic word listed under several motifs, and a motif\'s own gloss', () => {
    const content = buildContent();
    content.motifs[0]!.data.synonyms = { id: ['lumbung', 'semende'], en: ['rice barn', 'semende custom'] };
    content.motifs[1]!.data.synonyms = { id: ['biji kopi', 'semende'], en: ['coffee bean'] };
    expect(known(content)).toEqual([]);
  });

  it('reports a single word of another motif\'s own name, but not a phrase containing it', () => {
    const content = buildContent();
    content.motifs[0]!.data.name = { id: 'Paksi Naga Liman', en: 'Paksi Naga Liman (eagle, dragon)' };
    content.motifs[1]!.data.synonyms = { id: ['naga', 'naga cina'], en: ['coffee bean'] };
    expect(known(content)).toEqual(['synonyms: "naga" names the motif "tengkiang"']);
  });

  it('reports missing required entries and thin coverage', () => {
    const all = messages(checkContentIntegrity(buildContent(), FACTS));
    expect(all).toContain('missing required entry "mega-mendung"');
    expect(all).toContain('2 motifs; at least 18 expected');
  });

  it('reads URLs out of markdown without trailing punctuation', () => {
    expect([...extractUrls('see https://a.example/x. and (https://b.example/y)')]).toEqual(['https://a.example/x', 'https://b.example/y']);
  });
});

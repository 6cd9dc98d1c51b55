import { describe, expect, it } from 'vitest';
import { checkContentIntegrity, extractUrls, RIMAUNEWS_PRABUMULIH_2025, SEED_MUARA_ENIM_2021 } from '../../src/lib/content/integrity.ts';
import { describeSource } from '../../src/lib/content/sources.ts';
import { plainSchemas } from '../../src/lib/content/schemas.ts';
import { buildContent, buildEvent, buildMotif, buildRegion, FACT_URL, FACTS } from '../fixtures/builders.ts';

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

describe('sources without a URL: the seed articles of the brief', () => {
  const SEED_FACTS = `${FACTS}- Muara Enim, 3 Jun 2021 (full text in \`seeds/001_0095a07b9ff065cf.txt\`; no URL known)\n`;
  const withSource = (source: string) => {
    const content = buildContent();
    content.motifs[1]!.data.sources = [FACT_URL, source];
    return messages(checkContentIntegrity(content, SEED_FACTS)).filter((m) => m.startsWith('sources'));
  };

  it('accepts a seed article the brief names, and the schema takes seed:file as a source', () => {
    expect(withSource(SEED_MUARA_ENIM_2021)).toEqual([]);
    expect(plainSchemas.motifs.safeParse(buildMotif({ sources: [SEED_MUARA_ENIM_2021] })).success).toBe(true);
  });

  it('rejects a seed the brief does not name, and a malformed one', () => {
    expect(withSource('seed:002_c471c76f2e377c49')).toEqual(['sources: seed:002_c471c76f2e377c49 is not a seed article of batik-facts.md']);
    expect(plainSchemas.motifs.safeParse(buildMotif({ sources: ['seed:pojoksumsel'] })).success).toBe(false);
  });

  it('shows a seed as outlet and date in the page language, without a link', () => {
    expect(describeSource(SEED_MUARA_ENIM_2021, 'id')).toEqual({ label: 'Pojoksumsel, 3 Juni 2021', note: 'berita cetak; tautannya tidak diketahui' });
    expect(describeSource(SEED_MUARA_ENIM_2021, 'en').label).toBe('Pojoksumsel, 3 June 2021');
    expect(describeSource('https://www.palpos.id/x', 'en')).toEqual({ label: 'palpos.id', href: 'https://www.palpos.id/x' });
  });
});

describe('certainty: what the brief leaves open is not stated as fact', () => {
  const FULL_FACTS = `${FACTS}- seeds/001_0095a07b9ff065cf.txt\n- ${RIMAUNEWS_PRABUMULIH_2025}\n`;
  const check = (content: ReturnType<typeof buildContent>) =>
    messages(checkContentIntegrity(content, FULL_FACTS)).filter((m) => !/required entry|at least/.test(m));
  const note = (id: string, en: string) => ({ id, en });
  const withMeraje = (overrides: Parameters<typeof buildMotif>[0]) => {
    const content = buildContent();
    content.motifs.push({ id: 'meraje', file: 'motifs/meraje.yaml', data: buildMotif({ sources: [FACT_URL, SEED_MUARA_ENIM_2021], ...overrides }) });
    return check(content);
  };

  it('passes an open point tagged partly confirmed, with a note that says what is unconfirmed', () => {
    expect(withMeraje({ certainty: 'partly-confirmed', certaintyNote: note('Bentuknya belum terkonfirmasi.', 'Its drawing is unconfirmed.') })).toEqual([]);
  });

  it('reports an open point of the brief tagged confirmed', () => {
    expect(withMeraje({ certainty: 'confirmed' })).toEqual(['certainty: confirmed, but the brief leaves open what the tumpal meraje and the meraje stamp look like']);
  });

  it('reports an open point whose certainty note does not say it is unconfirmed, in either language', () => {
    expect(withMeraje({ certainty: 'partly-confirmed', certaintyNote: note('Bentuknya belum terkonfirmasi.', 'Its drawing is a border.') })).toEqual([
      'certaintyNote: must say in both languages that what the tumpal meraje and the meraje stamp look like is unconfirmed',
    ]);
  });

  it('reports a motif that is not fully confirmed but has no certainty note', () => {
    expect(withMeraje({ certainty: 'partly-confirmed' })).toEqual(['certaintyNote: required for a partly-confirmed motif']);
  });

  it('reports a confirmed motif whose text calls something unconfirmed', () => {
    const content = buildContent();
    content.motifs[1]!.data.history = note('Dicatat 2020.', 'Recorded in 2020; its colours are unconfirmed.');
    expect(check(content)).toContain('certainty: confirmed, but the text calls something unconfirmed');
  });

  it('reports a hedge repeated in the story instead of the certainty note', () => {
    const content = buildContent();
    content.motifs[1]!.data.meaning = note('Penopang. Sumber kami tidak menyebut makna lain.', 'Support.');
    expect(check(content)).toEqual(['"Sumber kami tidak" in the story: say it once, in certaintyNote']);
  });

  it('reports a point the brief has settled that the text still calls unconfirmed, and the missing source', () => {
    const content = buildContent();
    const prabumulih = buildRegion({
      name: 'Prabumulih',
      signatureMotifs: [],
      story: note('Kunjungan studi ke Cirebon atau Lampung belum terkonfirmasi.', 'Study visits to Cirebon or Lampung are unconfirmed.'),
    });
    content.regions.push({ id: 'prabumulih', file: 'regions/prabumulih.yaml', data: prabumulih });
    const problems = check(content).filter((m) => !m.startsWith('regions/') && !/per region/.test(m));
    expect(problems).toEqual([
      `sources: the working visits to Cirebon and Lampung is settled by ${RIMAUNEWS_PRABUMULIH_2025}; cite it`,
      'the brief has settled the working visits to Cirebon and Lampung, but the text says: "Kunjungan studi ke Cirebon atau Lampung belum terkonfirmasi."',
      'the brief has settled the working visits to Cirebon and Lampung, but the text says: "Study visits to Cirebon or Lampung are unconfirmed."',
    ]);
  });

  it("reports a place pinned at its region's centre that does not say so", () => {
    const content = buildContent();
    const place = { name: 'Desa Wisata Seleman', kind: 'sentra', region: 'muara-enim', address: 'Desa Seleman', coordinates: { lat: -3.65, lng: 103.77, approximate: true }, description: note('Desa.', 'Village.'), activities: note('Lihat.', 'See.'), sources: [FACT_URL] };
    content.sentra.push({ id: 'desa-seleman', file: 'sentra/desa-seleman.yaml', data: place as never });
    expect(check(content)).toEqual(["coordinates: the pin is muara-enim's centre; say approximate: region"]);
    place.coordinates.approximate = 'region' as never;
    expect(check(content)).toEqual([]);
  });
});

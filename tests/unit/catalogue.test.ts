import { describe, expect, it } from 'vitest';
import { excerpt, filterMotifs, motifsOfRegion, sortByName, type Catalogue } from '../../src/lib/content/catalogue.ts';
import { nextOccurrence } from '../../src/lib/visit/schedule.ts';
import { buildEvent, buildMotif, buildRegion } from '../fixtures/builders.ts';

const catalogue = {
  regions: [{ id: 'muara-enim', ...buildRegion({ signatureMotifs: ['tengkiang', 'kopi'] }) }, { id: 'cirebon', ...buildRegion({ name: 'Cirebon', signatureMotifs: [] }) }],
  motifs: [
    { id: 'kopi', ...buildMotif({ name: { id: 'Kopi', en: 'Coffee' }, techniques: ['cap', 'tulis'] }) },
    { id: 'padi', ...buildMotif({ name: { id: 'Padi', en: 'Rice' }, techniques: ['tulis'] }) },
    { id: 'tengkiang', ...buildMotif({ techniques: ['cap'] }) },
    { id: 'wadasan', ...buildMotif({ name: { id: 'Wadasan', en: 'Wadasan' }, region: 'cirebon', techniques: ['tulis'] }) },
  ],
  techniques: [],
  dyes: [],
  sentra: [],
  events: [],
  glossary: [],
} as unknown as Catalogue;

describe('motif queries', () => {
  it('filters by region, by technique, and by both', () => {
    expect(filterMotifs(catalogue, { region: 'cirebon' }).map((m) => m.id)).toEqual(['wadasan']);
    expect(filterMotifs(catalogue, { technique: 'cap' }).map((m) => m.id)).toEqual(['kopi', 'tengkiang']);
    expect(filterMotifs(catalogue, { region: 'muara-enim', technique: 'tulis' }).map((m) => m.id)).toEqual(['kopi', 'padi']);
    expect(filterMotifs(catalogue, { region: 'atlantis' })).toEqual([]);
    expect(filterMotifs(catalogue, {})).toHaveLength(4);
  });

  it("lists a region's signature motifs first, in their curated order", () => {
    expect(motifsOfRegion(catalogue, 'muara-enim').map((m) => m.id)).toEqual(['tengkiang', 'kopi', 'padi']);
  });

  it('sorts by name in the reader language', () => {
    expect(sortByName(catalogue.motifs, 'en').map((m) => m.id)).toEqual(['kopi', 'padi', 'tengkiang', 'wadasan']);
  });
});

describe('events', () => {
  it('moves a yearly event to its next occurrence', () => {
    const hbn = buildEvent({ startDate: '2024-10-02', endDate: '2024-10-02' });
    expect(nextOccurrence(hbn, '2026-09-30')).toEqual({ startDate: '2026-10-02', endDate: '2026-10-02', upcoming: true });
    expect(nextOccurrence(hbn, '2026-10-02')).toEqual({ startDate: '2026-10-02', endDate: '2026-10-02', upcoming: true });
    expect(nextOccurrence(hbn, '2026-11-23')).toEqual({ startDate: '2027-10-02', endDate: '2027-10-02', upcoming: true });
  });

  it('keeps a one-off event on its dates and says when it is past', () => {
    const fair = buildEvent({ startDate: '2025-11-27', endDate: '2025-12-01', recurrence: 'varies' });
    expect(nextOccurrence(fair, '2026-11-23')).toEqual({ startDate: '2025-11-27', endDate: '2025-12-01', upcoming: false });
    expect(nextOccurrence(fair, '2025-11-30').upcoming).toBe(true);
  });

  it('shifts a year-crossing yearly event as a whole', () => {
    const e = buildEvent({ startDate: '2024-12-30', endDate: '2025-01-02' });
    expect(nextOccurrence(e, '2026-06-01')).toEqual({ startDate: '2026-12-30', endDate: '2027-01-02', upcoming: true });
  });
});

describe('excerpt', () => {
  it('keeps the first sentence when it is short enough', () => {
    expect(excerpt('Kopi adalah penghidupan Semende. Kalimat kedua.')).toBe('Kopi adalah penghidupan Semende.');
  });
  it('cuts a long sentence at a word and marks the cut', () => {
    const cut = excerpt('satu dua tiga empat lima enam tujuh delapan sembilan sepuluh', 20);
    expect(cut).toBe('satu dua tiga empat…');
  });
});

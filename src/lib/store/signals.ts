/**
 * Process-wide signals, as named `node:diagnostics_channel` channels: the built server bundles its own
 * copies of src/lib while scripts/start.mjs imports the source modules, and a channel of a given name
 * is the same object for both.
 */

/** `{ db }`: a catalogue table of that database changed (cached-reads.ts publishes; page caches listen). */
export const CATALOGUE_WRITE_CHANNEL = 'canting:catalogue-write';

/** `{ done, failed }`: every pending sample picture is in (sample-pictures.ts publishes; the embedded search engine listens). */
export const SAMPLE_PICTURES_CHANNEL = 'canting:sample-pictures';

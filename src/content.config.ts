/**
 * Content collections over `content/` (editorial truth, in git). The schemas live in
 * src/lib/content/schemas.ts so that tests validate content with exactly the same rules;
 * here references become Astro `reference()`s. Places and events are not here: they live in the
 * database and reach pages through the live collections of src/live.config.ts (content/sentra and
 * content/events are only the one-time import's input, checked by tests/unit/content-integrity.test.ts).
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { makeSchemas, type EditorialCollectionName } from './lib/content/schemas.ts';

const schemas = makeSchemas((collection) => reference(collection));
const yamlIn = (name: EditorialCollectionName) => glob({ base: `./content/${name}`, pattern: '*.{yaml,yml}' });

export const collections = {
  regions: defineCollection({ loader: yamlIn('regions'), schema: schemas.regions }),
  motifs: defineCollection({ loader: yamlIn('motifs'), schema: schemas.motifs }),
  techniques: defineCollection({ loader: yamlIn('techniques'), schema: schemas.techniques }),
  dyes: defineCollection({ loader: yamlIn('dyes'), schema: schemas.dyes }),
  glossary: defineCollection({ loader: yamlIn('glossary'), schema: schemas.glossary }),
};

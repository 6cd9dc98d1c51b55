/**
 * Content collections over `content/` (editorial truth, in git). The schemas live in
 * src/lib/content/schemas.ts so that tests validate content with exactly the same rules;
 * here references become Astro `reference()`s.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { makeSchemas, type CollectionName } from './lib/content/schemas.ts';

const schemas = makeSchemas((collection) => reference(collection));
const yamlIn = (name: CollectionName) => glob({ base: `./content/${name}`, pattern: '*.{yaml,yml}' });

export const collections = {
  regions: defineCollection({ loader: yamlIn('regions'), schema: schemas.regions }),
  motifs: defineCollection({ loader: yamlIn('motifs'), schema: schemas.motifs }),
  techniques: defineCollection({ loader: yamlIn('techniques'), schema: schemas.techniques }),
  dyes: defineCollection({ loader: yamlIn('dyes'), schema: schemas.dyes }),
  sentra: defineCollection({ loader: yamlIn('sentra'), schema: schemas.sentra }),
  events: defineCollection({ loader: yamlIn('events'), schema: schemas.events }),
  glossary: defineCollection({ loader: yamlIn('glossary'), schema: schemas.glossary }),
};

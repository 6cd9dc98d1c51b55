/**
 * Live content collections over the database (issue #15): places to visit and events, read at request
 * time from the published rows through the composition root's database (src/lib/app.server.ts
 * `appDatabase`, the handle `Astro.locals.app.db` is) and the catalogue read cache. Editorial content
 * stays in src/content.config.ts (git).
 */
import { defineLiveCollection } from 'astro:content';
import { appDatabase } from './lib/app.server.ts';
import { eventsLoader, placesLoader } from './lib/visit/live-loaders.ts';

export const collections = {
  places: defineLiveCollection({ loader: placesLoader(appDatabase) }),
  events: defineLiveCollection({ loader: eventsLoader(appDatabase) }),
};

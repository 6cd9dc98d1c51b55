import type { APIRoute } from 'astro';
import { liveEvents, livePlaces } from '../../../collections.ts';
import { byId } from '../../../lib/content/catalogue.ts';
import { regionCalendar, regionCalendarEntries } from '../../../lib/visit/calendar.ts';

// On demand: events live in the database (src/live.config.ts).
export const prerender = false;

/** A region's calendar feed: every published event held in it (and its classes), in the page's language. */
export const GET: APIRoute = async ({ params, site, locals, rewrite }) => {
  const { lang } = locals;
  const catalogue = await locals.app.catalogue();
  const region = byId(catalogue.regions, params.region ?? '');
  if (!region) return rewrite('/404');
  const [events, places, others] = await Promise.all([liveEvents(region.id), livePlaces(region.id), regionCalendarEntries(locals.app.db, region.id, lang, site!)]);
  const body = regionCalendar({ region, regions: catalogue.regions, events, places, others, lang, site: site! });
  return new Response(body, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="batik-${region.id}.ics"` },
  });
};

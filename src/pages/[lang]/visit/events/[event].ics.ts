import type { APIRoute } from 'astro';
import { liveEvent, livePlaces } from '../../../../collections.ts';
import { toIcs } from '../../../../lib/calendar/ics.ts';
import { eventIcs, eventLocation } from '../../../../lib/visit/page-data.ts';

// On demand: events live in the database (src/live.config.ts).
export const prerender = false;

/** One published event as an iCalendar file, in the page's language; 404 for an unknown or unpublished one. */
export const GET: APIRoute = async ({ params, site, locals, rewrite }) => {
  const { lang } = locals;
  const event = await liveEvent(params.event ?? '');
  if (!event) return rewrite('/404');
  const [places, catalogue] = await Promise.all([livePlaces(), locals.app.catalogue()]);
  const body = toIcs(
    eventIcs(event, eventLocation(event, places, catalogue.regions, lang), lang, site!),
    // A fixed stamp (the event's own start) keeps the answer the same until the event changes.
    `${event.startDate}T00:00:00Z`,
  );
  return new Response(body, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="${event.id}.ics"` },
  });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalogue } from '../../../../collections.ts';
import { byId } from '../../../../lib/content/catalogue.ts';
import { toIcs } from '../../../../lib/calendar/ics.ts';
import { LANGS, localizedPath, type Lang } from '../../../../lib/i18n/index.ts';

export const getStaticPaths = (async () => {
  const { events } = await loadCatalogue();
  return LANGS.flatMap((lang) => events.map((e) => ({ params: { lang, event: e.id } })));
}) satisfies GetStaticPaths;

/** One event as an iCalendar file, in the page's language. */
export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const catalogue = await loadCatalogue();
  const event = byId(catalogue.events, params.event!)!;
  const place = event.place ? byId(catalogue.sentra, event.place) : undefined;
  const region = byId(catalogue.regions, event.region ?? place?.region ?? '');
  const where = region ? `${region.name}, ${region.province[lang]}` : 'Indonesia';
  const location = place ? `${place.name}, ${place.address}` : event.venue ? `${event.venue}, ${region?.province[lang] ?? 'Indonesia'}` : where;
  const url = new URL(localizedPath(lang, `/visit/#event-${event.id}`), site).href;
  const body = toIcs(
    {
      uid: `${event.id}@canting`,
      title: event.name[lang],
      description: event.description[lang],
      location,
      url,
      startDate: event.startDate,
      endDate: event.endDate,
      yearly: event.recurrence === 'yearly',
    },
    // A fixed stamp (the event's own start) keeps builds reproducible.
    `${event.startDate}T00:00:00Z`,
  );
  return new Response(body, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="${event.id}.ics"` },
  });
};

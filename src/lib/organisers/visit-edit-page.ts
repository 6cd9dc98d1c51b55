/**
 * The organiser's place and event pages, apart from their markup (the pages only render): the list of
 * its own of one kind, and the form of one item — new or existing — with what a post of it leads to.
 * One view per kind, so the place's and the event's pages are the same few lines; the API's handlers
 * for both kinds are `visitCollectionRoutes` and `visitItemRoutes`.
 *
 * The section speaks Indonesian (decision 016): the texts come from `useStrings('id').organiser`.
 */
import type { Database } from '../db/database.ts';
import { requireOrganiser, type OrganiserScopeLike } from '../auth/guard.ts';
import { flashFrom, type FormPage } from '../form-action.ts';
import { otherMethods, readJson } from '../http.ts';
import type { EventRow, PlaceRow, VisitRow } from '../visit/repository.ts';
import type { EventRecord, Photo, PlaceRecord } from '../visit/schemas.ts';
import { useStrings } from '../../i18n/index.ts';
import {
  eventFormValues,
  eventPlaceChoices,
  findOwnEvent,
  findOwnPlace,
  listOwn,
  ownEvent,
  ownPlace,
  placeFormValues,
  saveOwnEvent,
  saveOwnPlace,
  visitFormPost,
  visitState,
  type FieldErrors,
  type FormValues,
  type VisitFormDeps,
  type VisitState,
} from './visit-edit.ts';

export type VisitKind = 'place' | 'event';
export type VisitSection = 'places' | 'events';

/** The signed-in account as these pages need it (the guard has let only organisers in). */
export interface OrganiserAccount {
  id: string;
  role: string;
  organiser?: (OrganiserScopeLike & { name?: string }) | null;
}

const o = useStrings('id').organiser;

/** What differs between places and events: names, addresses, texts and which store functions. */
const KINDS = {
  place: {
    section: 'places',
    list: '/portal/organiser/places',
    publicBase: '/id/visit/places',
    newTitle: o.form.newPlace,
    editTitle: o.form.editPlace,
    listTitle: o.home.places,
    addLabel: o.home.addPlace,
    empty: o.home.noPlaces,
    find: findOwnPlace,
    own: ownPlace,
    save: saveOwnPlace,
  },
  event: {
    section: 'events',
    list: '/portal/organiser/events',
    publicBase: '/id/visit/events',
    newTitle: o.form.newEvent,
    editTitle: o.form.editEvent,
    listTitle: o.home.events,
    addLabel: o.home.addEvent,
    empty: o.home.noEvents,
    find: findOwnEvent,
    own: ownEvent,
    save: saveOwnEvent,
  },
} as const;

/** The kind a section of the address names (`places`, `events`), or null for any other. */
export function visitKindOf(section: string | undefined): VisitKind | null {
  return section === 'places' ? 'place' : section === 'events' ? 'event' : null;
}

// ---------------------------------------------------------------------------------------------
// The organiser's home

/** The organiser's home: what it looks after, whether its changes wait for a curator, its places and events. */
export interface OrganiserHomeView {
  kind: 'region' | 'place';
  /** The region's name (a tourism office), or its one place's (a cooperative). */
  scopeName: string;
  trusted: boolean;
  places: PlaceRow[];
  events: EventRow[];
}

/**
 * @throws AppError('unauthorized' | 'forbidden') for anyone but an organiser (the guard has already sent them away).
 */
export async function organiserHomePage(db: Database, catalogue: { regions: readonly { id: string; name: string }[] }, user: OrganiserAccount | null): Promise<OrganiserHomeView> {
  const scope = requireOrganiser(user);
  const { places, events } = await listOwn(db, scope);
  const scopeName =
    scope.kind === 'region'
      ? (catalogue.regions.find((r) => r.id === scope.scopeId)?.name ?? scope.scopeId)
      : (places.map((p) => (p.draft ?? p.published)!.name.id)[0] ?? scope.scopeId);
  return { kind: scope.kind, scopeName, trusted: scope.trusted, places, events };
}

// ---------------------------------------------------------------------------------------------
// The list of one kind

/** The page of the organiser's places or events. */
export interface VisitListView {
  section: VisitSection;
  title: string;
  flash: string | null;
  /** The "add" button: a cooperative adds no place (it has its one). */
  add: { href: string; label: string } | null;
  rows: VisitRow<{ name: { id: string }; startDate?: string }>[];
  base: '/portal/organiser/places' | '/portal/organiser/events';
  empty: string;
}

/**
 * The organiser's places (by id) or events (the latest start first) — `section` is the address's —
 * with the flash a save or a withdrawal sent it back with; null for any other section (no page).
 * @throws AppError('unauthorized' | 'forbidden') for anyone but an organiser (the guard has already sent them away).
 */
export async function visitListPage(db: Database, user: OrganiserAccount | null, section: string | undefined, url: URL): Promise<VisitListView | null> {
  const kind = visitKindOf(section);
  if (!kind) return null;
  const scope = requireOrganiser(user);
  const k = KINDS[kind];
  const own = await listOwn(db, scope);
  const latestFirst = (a: EventRow, b: EventRow) => (b.draft ?? b.published)!.startDate.localeCompare((a.draft ?? a.published)!.startDate);
  return {
    section: k.section,
    title: k.listTitle,
    flash: flashFrom(url, o.flash),
    add: kind === 'place' && scope.kind !== 'region' ? null : { href: `${k.list}/new`, label: k.addLabel },
    rows: kind === 'place' ? own.places : [...own.events].sort(latestFirst),
    base: k.list,
    empty: k.empty,
  };
}

// ---------------------------------------------------------------------------------------------
// The form of one item

/** What the form page of one place or event shows. */
export interface VisitFormView {
  found: true;
  kind: VisitKind;
  section: VisitSection;
  title: string;
  /** Where the form posts (the page itself). */
  action: string;
  back: string;
  /** Saving publishes at once (a trusted organiser) rather than making a draft for a curator. */
  trusted: boolean;
  /** Null for a new item. */
  state: VisitState | null;
  flash: string | null;
  values: FormValues;
  errors: FieldErrors;
  photos: Photo[];
  /** The item on the public site (once it is published there). */
  publicUrl: string | null;
  /** An event's places to choose from (the organiser's own); none for a place. */
  places: { id: string; name: string }[];
  /** An event may be held at a venue that is not a place (a tourism office's); a cooperative's are all at its place. */
  venueAllowed: boolean;
}

/** Another's item, or none: the page answers 404 and says so. */
export interface VisitNotFoundView {
  found: false;
  section: VisitSection;
  title: string;
}

/** The part of a page's `Astro` these pages use: `/portal/organiser/{section}/{id}`. */
export interface VisitPageContext extends FormPage {
  params: { section?: string | undefined; id?: string | undefined };
  locals: { app: VisitFormDeps; user: OrganiserAccount | null };
}

/**
 * The form page of a place or an event (`/portal/organiser/places/{id}`, `…/events/{id}`), or of a new
 * one (id `new`): renders it as it is now (the waiting draft, else the published version), or handles
 * its post — a save, or withdrawing a waiting change — and answers the 303 to follow, or the form
 * again with the messages under its fields and the page's status set. Another region's item, or none,
 * is a 404 (and its post is not read). A cooperative's "new place" goes to its one place. Null for any
 * other section (no page).
 * @example
 * const view = await visitFormPage(Astro);
 * if (view === null) return Astro.rewrite('/404');
 * if (view instanceof Response) return view;
 */
export async function visitFormPage(page: VisitPageContext): Promise<Response | VisitFormView | VisitNotFoundView | null> {
  const kind = visitKindOf(page.params.section);
  if (!kind) return null;
  const id = page.params.id === 'new' ? null : (page.params.id ?? '');
  const { app, user } = page.locals;
  const scope = requireOrganiser(user);
  const k = KINDS[kind];
  if (id === null && kind === 'place' && scope.kind === 'place') return page.redirect(`${k.list}/${scope.scopeId}`, 303);
  const places = kind === 'event' ? await eventPlaceChoices(app.db, scope) : [];
  let row: PlaceRow | EventRow | null = id === null ? null : await k.find(app.db, scope, id);
  if (id !== null && !row) {
    page.response.status = 404;
    return { found: false, section: k.section, title: o.home.notFound };
  }
  let values: FormValues = {};
  let errors: FieldErrors = {};
  if (page.request.method === 'POST') {
    const outcome = await visitFormPost(app, { userId: user!.id, scope }, kind, row, page.request);
    if ('redirect' in outcome) return page.redirect(outcome.redirect, 303);
    page.response.status = outcome.status;
    ({ values, errors } = outcome);
    if (id !== null) row = await k.find(app.db, scope, id);
  }
  const record = row ? (row.draft ?? row.published) : null;
  if (id !== null && !row) return { found: false, section: k.section, title: o.home.notFound };
  if (page.request.method !== 'POST') {
    values = kind === 'place' ? placeFormValues(record as PlaceRecord | null) : eventFormValues(record as EventRecord | null, user!.organiser?.name ?? '');
  }
  return {
    found: true,
    kind,
    section: k.section,
    title: row ? k.editTitle : k.newTitle,
    action: row ? `${k.list}/${row.id}` : `${k.list}/new`,
    back: k.list,
    trusted: scope.trusted,
    state: row ? visitState(row) : null,
    flash: row && Object.keys(errors).length === 0 ? flashFrom(page.url, o.flash) : null,
    values,
    errors,
    photos: record?.photos ?? [],
    publicUrl: row ? `${k.publicBase}/${row.id}` : null,
    places,
    venueAllowed: scope.kind === 'region',
  };
}

// ---------------------------------------------------------------------------------------------
// The API: /api/portal/organiser/places and …/events, one handler set for both kinds

/** The part of an API route's context these handlers use. */
export interface VisitRouteContext {
  locals: { app: { db: Database }; user: OrganiserAccount | null };
  params: Record<string, string | undefined>;
  request: Request;
}
type Handler = (context: VisitRouteContext) => Promise<Response>;

/**
 * `GET` → `{ places }` or `{ events }`: the organiser's own (published or not), each with its draft;
 * `POST` a record (src/lib/visit/schemas.ts) → 201 `{ place|event, published }`: a draft, or published
 * at once for a trusted organiser. Another region → 403; a bad record → 400 naming each field.
 * @example export const { GET, POST, ALL } = visitCollectionRoutes('place');
 */
export function visitCollectionRoutes(kind: VisitKind): { GET: Handler; POST: Handler; ALL: Handler } {
  const k = KINDS[kind];
  const GET: Handler = async ({ locals }) => {
    const scope = requireOrganiser(locals.user);
    return Response.json({ [k.section]: (await listOwn(locals.app.db, scope))[k.section] });
  };
  const POST: Handler = async ({ locals, request }) => {
    const scope = requireOrganiser(locals.user);
    const saved = await k.save(locals.app.db, { userId: locals.user!.id, scope }, null, await readJson(request));
    return Response.json({ [kind]: saved.row, published: saved.published }, { status: 201 });
  };
  return { GET, POST, ALL: otherMethods({ GET, POST }) };
}

/**
 * `GET /{id}` → `{ place|event }` with its draft; another region's is a 404. `PUT /{id}` with the whole
 * record → `{ place|event, published }`: another region's item → 404 (before the body is read); moving
 * it to another region (or an event to another's place) → 403; a bad record → 400.
 * @example export const { GET, PUT, ALL } = visitItemRoutes('event');
 */
export function visitItemRoutes(kind: VisitKind): { GET: Handler; PUT: Handler; ALL: Handler } {
  const k = KINDS[kind];
  const GET: Handler = async ({ locals, params }) => {
    const scope = requireOrganiser(locals.user);
    return Response.json({ [kind]: await k.own(locals.app.db, scope, params.id ?? '') });
  };
  const PUT: Handler = async ({ locals, params, request }) => {
    const scope = requireOrganiser(locals.user);
    const id = params.id ?? '';
    await k.own(locals.app.db, scope, id);
    const saved = await k.save(locals.app.db, { userId: locals.user!.id, scope }, id, await readJson(request));
    return Response.json({ [kind]: saved.row, published: saved.published });
  };
  return { GET, PUT, ALL: otherMethods({ GET, PUT }) };
}

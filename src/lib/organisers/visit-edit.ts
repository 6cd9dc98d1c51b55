/**
 * What an organiser does with its places and events, apart from the pages: list its own, open one,
 * save one (a draft, or published at once for a trusted organiser), from a phone-first form or from
 * JSON. The guard's rule (`organiserCovers`) is asked of every version of a row — published and
 * draft — so an item that is, or would become, another region's is a 404 (reading) or a 403 (moving
 * something into another region). Saving is one transaction: a refused record leaves nothing behind.
 *
 * The records, their rules and their Indonesian messages are src/lib/visit's; this module turns a form
 * (field names are the record's paths: `name.id`, `coordinates.lat`, `openingHours.0.days`) into a
 * record and the record's issues back into messages under those fields.
 */
import type { Database, Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { notAmongYours, organiserCovers, type OrganiserScopeLike, type ScopedItem } from '../auth/guard.ts';
import {
  discardEventDraft,
  discardPlaceDraft,
  getEvent,
  getPlace,
  listEvents,
  listPlaces,
  parseEventInput,
  parsePlaceInput,
  publishEvent,
  publishPlace,
  saveEventDraft,
  savePlaceDraft,
  VisitInputError,
  type EventRow,
  type PlaceRow,
  type VisitIssue,
  type VisitRow,
} from '../visit/repository.ts';
import { storeVisitPhoto } from '../visit/photos.ts';
import { DAYS, MAX_VISIT_PHOTOS, PLACE_KINDS, TIME_ZONES, type EventRecord, type Photo, type PlaceRecord } from '../visit/schemas.ts';
import { useStrings } from '../../i18n/index.ts';
import { MAX_PHOTO_BYTES } from '../portal/photos.ts';
import { readForm } from '../http.ts';
import { parseRupiah } from '../money.ts';

export type Scope = Pick<OrganiserScopeLike, 'kind' | 'scopeId' | 'trusted'>;
export type VisitState = 'draft' | 'published' | 'changed';

/** A row's state for its organiser: never published, published, or published with a change waiting. */
export function visitState(row: VisitRow<object>): VisitState {
  return row.published === null ? 'draft' : row.draft ? 'changed' : 'published';
}

/** The regions of every place (published or drafted), for placing events held there. */
async function placeRegions(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; region: string }>('SELECT id, region FROM visit_places');
  return new Map(rows.map((r) => [r.id, r.region]));
}

function placeItems(row: PlaceRow): ScopedItem[] {
  return [row.published, row.draft].filter((r): r is PlaceRecord => r !== null).map((r) => ({ region: r.region, placeId: row.id }));
}

function eventItem(record: Pick<EventRecord, 'region' | 'place'>, regions: Map<string, string>): ScopedItem {
  return { region: record.region ?? (record.place ? (regions.get(record.place) ?? null) : null), placeId: record.place ?? null };
}

function eventItems(row: EventRow, regions: Map<string, string>): ScopedItem[] {
  return [row.published, row.draft].filter((r): r is EventRecord => r !== null).map((r) => eventItem(r, regions));
}

const coversAll = (scope: Scope, items: ScopedItem[]) => items.length > 0 && items.every((item) => organiserCovers(scope, item));

/** The organiser's places and events (published or not), by id. */
export async function listOwn(db: Queryable, scope: Scope): Promise<{ places: PlaceRow[]; events: EventRow[] }> {
  const [places, events, regions] = await Promise.all([listPlaces(db), listEvents(db), placeRegions(db)]);
  return {
    places: places.filter((row) => coversAll(scope, placeItems(row))),
    events: events.filter((row) => coversAll(scope, eventItems(row, regions))),
  };
}

/** One of the organiser's places. @throws AppError('not_found') for another's (or none). */
export async function ownPlace(db: Queryable, scope: Scope, id: string): Promise<PlaceRow> {
  const row = await getPlace(db, id);
  if (!row || !coversAll(scope, placeItems(row))) throw notAmongYours();
  return row;
}

/** One of the organiser's events. @throws AppError('not_found') for another's (or none). */
export async function ownEvent(db: Queryable, scope: Scope, id: string): Promise<EventRow> {
  const row = await getEvent(db, id);
  if (!row || !coversAll(scope, eventItems(row, await placeRegions(db)))) throw notAmongYours();
  return row;
}

/** One of the organiser's places, or null for another's or none (a page answers 404). */
export async function findOwnPlace(db: Queryable, scope: Scope, id: string): Promise<PlaceRow | null> {
  return ownPlace(db, scope, id).catch((error) => (error instanceof AppError && error.code === 'not_found' ? null : Promise.reject(error)));
}

/** One of the organiser's events, or null for another's or none (a page answers 404). */
export async function findOwnEvent(db: Queryable, scope: Scope, id: string): Promise<EventRow | null> {
  return ownEvent(db, scope, id).catch((error) => (error instanceof AppError && error.code === 'not_found' ? null : Promise.reject(error)));
}

/** The places an event of this organiser may be held at (its own, published or drafted), with Indonesian names. */
export async function eventPlaceChoices(db: Queryable, scope: Scope): Promise<{ id: string; name: string }[]> {
  const { places } = await listOwn(db, scope);
  return places.map((row) => ({ id: row.id, name: (row.draft ?? row.published)!.name.id }));
}

const notYours = () => new AppError('forbidden', 'That place or region is not one this organiser looks after.');

export interface SaveBy {
  /** The organiser's user id (who wrote the draft, and who published it when trusted). */
  userId: string;
  scope: Scope;
}

/**
 * Saves one of the organiser's places from a record: a draft, published at once when the organiser
 * is trusted, in one transaction. A cooperative (one place) changes only its place; a tourism office
 * adds and changes its region's.
 * @throws AppError('not_found') for another's place; AppError('forbidden') for a record in another
 *   region or a new place from a cooperative; VisitInputError (AppError 'invalid') naming each problem.
 */
export async function saveOwnPlace(db: Database, by: SaveBy, id: string | null, input: unknown): Promise<{ row: PlaceRow; published: boolean }> {
  const record = parsePlaceInput(input);
  return db.transaction(async (tx) => {
    if (id !== null) await ownPlace(tx, by.scope, id);
    else if (by.scope.kind === 'place') throw notYours();
    if (!organiserCovers(by.scope, { region: record.region, placeId: id })) throw notYours();
    const saved = await savePlaceDraft(tx, { id: id ?? undefined, input: record, by: by.userId });
    if (!by.scope.trusted) return { row: saved, published: false };
    return { row: await publishPlace(tx, saved.id, by.userId), published: true };
  });
}

/**
 * Saves one of the organiser's events, as `saveOwnPlace`: the event must be held in the organiser's
 * region (at one of its places, or at a venue there), or at the cooperative's place.
 */
export async function saveOwnEvent(db: Database, by: SaveBy, id: string | null, input: unknown): Promise<{ row: EventRow; published: boolean }> {
  const record = parseEventInput(input);
  return db.transaction(async (tx) => {
    if (id !== null) await ownEvent(tx, by.scope, id);
    if (!organiserCovers(by.scope, eventItem(record, await placeRegions(tx)))) throw notYours();
    const saved = await saveEventDraft(tx, { id: id ?? undefined, input: record, by: by.userId });
    if (!by.scope.trusted) return { row: saved, published: false };
    return { row: await publishEvent(tx, saved.id, by.userId), published: true };
  });
}

/**
 * The organiser takes back its own waiting change: the published version stays; an item never published
 * goes altogether. @throws AppError('not_found') for another's; AppError('conflict') when nothing waits (or,
 * for a never-published place, an event is held there).
 */
export async function withdrawOwnDraft(db: Database, scope: Scope, kind: 'place' | 'event', id: string): Promise<'discarded' | 'deleted'> {
  return db.transaction(async (tx) => {
    if (kind === 'place') {
      await ownPlace(tx, scope, id);
      return discardPlaceDraft(tx, id);
    }
    await ownEvent(tx, scope, id);
    return discardEventDraft(tx, id);
  });
}

// ---------------------------------------------------------------------------------------------
// The phone-first forms

/** What the form shows: the raw text of every field by its path (days as a list), as typed. */
export type FormValues = Record<string, string | string[]>;
/** A message under a field, by the field's path (or `form` for the page). */
export type FieldErrors = Record<string, string>;
/** What each part of the form is given: the fields as typed and the messages under them. */
export interface FieldProps {
  values: FormValues;
  errors: FieldErrors;
}

/** The form's own messages (the record's come from src/lib/visit in Indonesian). */
export interface FormMessages {
  required: string;
  number: string;
  notAnImage: string;
  imageTooLarge: string;
  wholeRupiah: string;
  notYours: string;
}

/** How many rows of opening hours the form offers. */
export const HOUR_ROWS = 3;

const text = (values: FormValues, key: string) => {
  const v = values[key];
  return (typeof v === 'string' ? v : '').trim();
};
const optional = (s: string) => (s === '' ? undefined : s);

/** Every field of a form post, as typed (files left out; checkbox groups as lists). */
export function valuesFromForm(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (key.endsWith('.days') || key === 'removePhoto') values[key] = [...((values[key] as string[] | undefined) ?? []), value];
    else values[key] = value;
  }
  return values;
}

function valuesOfBilingual(values: FormValues, key: string, b: { id: string; en: string } | undefined) {
  if (!b) return;
  values[`${key}.id`] = b.id;
  values[`${key}.en`] = b.en;
}

/** The form's fields for a place (new: empty). */
export function placeFormValues(record: PlaceRecord | null): FormValues {
  const values: FormValues = { kind: record?.kind ?? 'sentra' };
  if (!record) return values;
  valuesOfBilingual(values, 'name', record.name);
  valuesOfBilingual(values, 'description', record.description);
  valuesOfBilingual(values, 'activities', record.activities);
  valuesOfBilingual(values, 'hoursNote', record.hoursNote);
  valuesOfBilingual(values, 'tickets', record.tickets);
  values.address = record.address;
  values['coordinates.lat'] = String(record.coordinates.lat);
  values['coordinates.lng'] = String(record.coordinates.lng);
  record.openingHours.slice(0, HOUR_ROWS).forEach((h, i) => {
    values[`openingHours.${i}.days`] = [...h.days];
    values[`openingHours.${i}.opens`] = h.opens;
    values[`openingHours.${i}.closes`] = h.closes;
  });
  for (const key of ['phone', 'whatsapp', 'email', 'website'] as const) values[`contact.${key}`] = record.contact[key] ?? '';
  values.links = record.links.join('\n');
  return values;
}

/** The form's fields for an event (new: Jakarta's zone, the organiser's name as organiser). */
export function eventFormValues(record: EventRecord | null, organiserName = ''): FormValues {
  const values: FormValues = { timeZone: record?.timeZone ?? 'Asia/Jakarta', status: 'scheduled' };
  if (!record) return { ...values, organiser: organiserName };
  valuesOfBilingual(values, 'name', record.name);
  valuesOfBilingual(values, 'description', record.description);
  values.place = record.place ?? '';
  values.venue = record.venue ?? '';
  values.startDate = record.startDate;
  values.endDate = record.endDate;
  values.startTime = record.startTime ?? '';
  values.endTime = record.endTime ?? '';
  values.priceIdr = record.priceIdr ? String(record.priceIdr) : '';
  if (record.priceIdr === 0) values.free = 'on';
  values.organiser = record.organiser ?? '';
  values.link = record.link ?? '';
  values.status = record.status;
  return values;
}

/** "-6,8886" or "-6.8886" → a number; anything else an issue. */
function decimal(values: FormValues, key: string, issues: VisitIssue[], m: FormMessages): number | undefined {
  const raw = text(values, key).replace(',', '.');
  if (raw === '') issues.push({ path: key, message: m.required });
  else if (!/^[-+]?\d{1,3}(?:\.\d+)?$/.test(raw)) issues.push({ path: key, message: m.number });
  else return Number(raw);
  return undefined;
}

/** An event's price as typed (`parseRupiah`); empty is unknown, a fraction or anything else an issue. */
export function rupiahFromText(raw: string): number | null | 'bad' {
  const rupiah = parseRupiah(raw);
  return rupiah === 'empty' ? null : typeof rupiah === 'number' ? rupiah : 'bad';
}

function bilingual(values: FormValues, key: string) {
  return { id: text(values, `${key}.id`), en: text(values, `${key}.en`) };
}

function optionalBilingual(values: FormValues, key: string) {
  const b = bilingual(values, key);
  return b.id || b.en ? b : undefined;
}

/** Keeps the record's photos but those the organiser ticked for removal, and adds the new one. */
function photosOf(base: { photos: Photo[] } | null, values: FormValues, added: Photo | null): Photo[] {
  const removed = new Set((values.removePhoto as string[] | undefined) ?? []);
  const kept = (base?.photos ?? []).filter((p) => !removed.has(p.key));
  return added ? [...kept, added] : kept;
}

/** A place record from the form; the region is the organiser's (or, for its one place, that place's). */
export function placeInputFromValues(values: FormValues, base: PlaceRecord | null, region: string, added: Photo | null, m: FormMessages): { input: unknown; issues: VisitIssue[] } {
  const issues: VisitIssue[] = [];
  const lat = decimal(values, 'coordinates.lat', issues, m);
  const lng = decimal(values, 'coordinates.lng', issues, m);
  const sameSpot = base && base.coordinates.lat === lat && base.coordinates.lng === lng;
  const openingHours = Array.from({ length: HOUR_ROWS }, (_, i) => ({
    days: ((values[`openingHours.${i}.days`] as string[] | undefined) ?? []).filter((d) => (DAYS as readonly string[]).includes(d)),
    opens: text(values, `openingHours.${i}.opens`),
    closes: text(values, `openingHours.${i}.closes`),
  })).filter((h) => h.days.length || h.opens || h.closes);
  const kind = text(values, 'kind');
  const input = {
    ...(base ?? {}),
    name: bilingual(values, 'name'),
    kind: (PLACE_KINDS as readonly string[]).includes(kind) ? kind : (base?.kind ?? 'sentra'),
    region,
    address: text(values, 'address'),
    coordinates: { lat: lat ?? 0, lng: lng ?? 0, approximate: sameSpot ? base.coordinates.approximate : false },
    description: bilingual(values, 'description'),
    activities: bilingual(values, 'activities'),
    openingHours,
    hoursNote: optionalBilingual(values, 'hoursNote'),
    tickets: optionalBilingual(values, 'tickets'),
    contact: {
      phone: optional(text(values, 'contact.phone').replace(/[\s-]/g, '')),
      whatsapp: optional(text(values, 'contact.whatsapp').replace(/[\s-]/g, '')),
      email: optional(text(values, 'contact.email')),
      website: optional(text(values, 'contact.website')),
    },
    links: text(values, 'links').split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
    photos: photosOf(base, values, added),
  };
  return { input, issues };
}

/** An event record from the form; its region is the place's, or the tourism office's own. */
export function eventInputFromValues(
  values: FormValues,
  base: EventRecord | null,
  scope: Scope,
  placeRegion: (placeId: string) => string | undefined,
  added: Photo | null,
  m: FormMessages,
): { input: unknown; issues: VisitIssue[] } {
  const issues: VisitIssue[] = [];
  const place = optional(text(values, 'place'));
  const region = place ? placeRegion(place) : scope.kind === 'region' ? scope.scopeId : undefined;
  let priceIdr: number | undefined;
  if (values.free === 'on') priceIdr = 0;
  else {
    const price = rupiahFromText(text(values, 'priceIdr'));
    if (price === 'bad') issues.push({ path: 'priceIdr', message: m.wholeRupiah });
    else priceIdr = price ?? undefined;
  }
  const startDate = text(values, 'startDate');
  const zone = text(values, 'timeZone');
  const { place: _place, region: _region, priceIdr: _price, venue: _venue, startTime: _st, endTime: _et, organiser: _org, link: _link, ...kept } = base ?? ({} as Partial<EventRecord>);
  const input = {
    ...kept,
    name: bilingual(values, 'name'),
    ...(region ? { region } : {}),
    ...(place ? { place } : {}),
    ...(optional(text(values, 'venue')) ? { venue: text(values, 'venue') } : {}),
    startDate,
    endDate: text(values, 'endDate') || startDate,
    ...(optional(text(values, 'startTime')) ? { startTime: text(values, 'startTime') } : {}),
    ...(optional(text(values, 'endTime')) ? { endTime: text(values, 'endTime') } : {}),
    timeZone: (TIME_ZONES as readonly string[]).includes(zone) ? zone : zone || 'Asia/Jakarta',
    ...(text(values, 'status') ? { status: text(values, 'status') } : {}),
    description: bilingual(values, 'description'),
    ...(priceIdr !== undefined ? { priceIdr } : {}),
    ...(optional(text(values, 'organiser')) ? { organiser: text(values, 'organiser') } : {}),
    ...(optional(text(values, 'link')) ? { link: text(values, 'link') } : {}),
    photos: photosOf(base, values, added),
  };
  return { input, issues };
}

/** The photo of a form post, if one was chosen: stored through the image pipeline, or an issue. */
async function uploadedPhoto(form: FormData, values: FormValues, mediaDir: string, base: { photos: Photo[] } | null, m: FormMessages, tooMany: string): Promise<{ photo: Photo | null; issue?: VisitIssue }> {
  const file = form.get('photo');
  if (!file || typeof file === 'string' || file.size === 0) return { photo: null };
  if ((base?.photos.length ?? 0) >= MAX_VISIT_PHOTOS) return { photo: null, issue: { path: 'photo', message: tooMany } };
  if (file.size > MAX_PHOTO_BYTES) return { photo: null, issue: { path: 'photo', message: m.imageTooLarge } };
  try {
    const alt = text(values, 'photo.alt') || text(values, 'name.id');
    return { photo: await storeVisitPhoto(mediaDir, new Uint8Array(await file.arrayBuffer()), { id: alt }) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'too_large') return { photo: null, issue: { path: 'photo', message: m.imageTooLarge } };
    if (error.code === 'invalid') return { photo: null, issue: { path: 'photo', message: m.notAnImage } };
    throw error;
  }
}

/** What a form post leads to: the item's page, or the form again with the messages under the fields. */
export type VisitFormOutcome = { redirect: string } | { status: number; values: FormValues; errors: FieldErrors };

function errorsFrom(issues: readonly VisitIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    // A message about a row of hours shows under that row; one about a whole nested value under its first part.
    const path = issue.path || 'form';
    errors[path] ??= issue.message;
  }
  return errors;
}

export interface VisitFormDeps {
  db: Database;
  mediaDir: string;
}

/** The organiser's section speaks Indonesian: the form's messages, and the record's for a ninth photo. */
const FORM_MESSAGES = useStrings('id').organiser.form.errors;
const TOO_MANY_PHOTOS = FORM_MESSAGES.tooManyPhotos;

/** Answers a save with the form again, or the item's address with `?done=draft|published`. */
async function answer<R>(
  values: FormValues,
  issues: VisitIssue[],
  save: () => Promise<{ row: VisitRow<R>; published: boolean }>,
  address: (id: string) => string,
  m: FormMessages,
): Promise<VisitFormOutcome> {
  if (issues.length) return { status: 400, values, errors: errorsFrom(issues) };
  try {
    const { row, published } = await save();
    return { redirect: `${address(row.id)}?done=${published ? 'published' : 'draft'}` };
  } catch (error) {
    if (error instanceof VisitInputError) return { status: 400, values, errors: errorsFrom(error.issues) };
    if (error instanceof AppError && error.code === 'forbidden') return { status: 403, values, errors: { place: m.notYours, form: m.notYours } };
    throw error;
  }
}

/** Every issue of a record: the form's own (numbers, prices, the photo) and the record's rules. */
function allIssues(own: VisitIssue[], parse: () => unknown): VisitIssue[] {
  try {
    parse();
    return own;
  } catch (error) {
    if (!(error instanceof VisitInputError)) throw error;
    const taken = new Set(own.map((i) => i.path));
    return [...own, ...error.issues.filter((i) => !taken.has(i.path))];
  }
}

/**
 * `POST` of the place form (new when `current` is null). The page has already found `current` among the
 * organiser's own (a 404 otherwise).
 */
export async function placeFormPost(deps: VisitFormDeps, by: SaveBy, current: PlaceRow | null, form: FormData): Promise<VisitFormOutcome> {
  const values = valuesFromForm(form);
  const base = current ? (current.draft ?? current.published) : null;
  const region = by.scope.kind === 'region' ? by.scope.scopeId : (base?.region ?? '');
  const upload = await uploadedPhoto(form, values, deps.mediaDir, base, FORM_MESSAGES, TOO_MANY_PHOTOS);
  const { input, issues } = placeInputFromValues(values, base, region, upload.photo, FORM_MESSAGES);
  if (upload.issue) issues.push(upload.issue);
  return answer(values, allIssues(issues, () => parsePlaceInput(input)), () => saveOwnPlace(deps.db, by, current?.id ?? null, input), (id) => `/portal/organiser/places/${id}`, FORM_MESSAGES);
}

/** `POST` of the event form (new when `current` is null). */
export async function eventFormPost(deps: VisitFormDeps, by: SaveBy, current: EventRow | null, form: FormData): Promise<VisitFormOutcome> {
  const values = valuesFromForm(form);
  const base = current ? (current.draft ?? current.published) : null;
  const regions = await placeRegions(deps.db);
  const upload = await uploadedPhoto(form, values, deps.mediaDir, base, FORM_MESSAGES, TOO_MANY_PHOTOS);
  const { input, issues } = eventInputFromValues(values, base, by.scope, (id) => regions.get(id), upload.photo, FORM_MESSAGES);
  if (upload.issue) issues.push(upload.issue);
  return answer(values, allIssues(issues, () => parseEventInput(input)), () => saveOwnEvent(deps.db, by, current?.id ?? null, input), (id) => `/portal/organiser/events/${id}`, FORM_MESSAGES);
}

/** The largest form post: one photo at its largest and the text. */
export const MAX_VISIT_FORM_BYTES = MAX_PHOTO_BYTES + 512 * 1024;

/**
 * A form post to one of the organiser's place or event pages, read with room for one photo: the outcome,
 * or the form's problem when it cannot be read at all (too large, not a form).
 */
export async function visitFormPost(
  deps: VisitFormDeps,
  by: SaveBy,
  kind: 'place' | 'event',
  current: PlaceRow | EventRow | null,
  request: Request,
): Promise<VisitFormOutcome> {
  const read = await readForm(request, MAX_VISIT_FORM_BYTES, { maxFileBytes: MAX_PHOTO_BYTES, maxFiles: 1 });
  if (!read.ok) return { status: read.status, values: {}, errors: { form: read.status === 413 ? FORM_MESSAGES.tooLarge : FORM_MESSAGES.unreadable } };
  if (read.form.get('intent') === 'withdraw' && current) {
    const list = kind === 'place' ? '/portal/organiser/places' : '/portal/organiser/events';
    try {
      const outcome = await withdrawOwnDraft(deps.db, by.scope, kind, current.id);
      return { redirect: outcome === 'deleted' ? `${list}?done=withdrawn` : `${list}/${current.id}?done=withdrawn` };
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return { status: 409, values: {}, errors: { form: FORM_MESSAGES.cannotWithdraw } };
      throw error;
    }
  }
  return kind === 'place'
    ? placeFormPost(deps, by, current as PlaceRow | null, read.form)
    : eventFormPost(deps, by, current as EventRow | null, read.form);
}

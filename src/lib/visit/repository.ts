/**
 * Places to visit and events in the database (migration 009): each row has its id (a slug), its region,
 * the published record and at most one pending draft, with who wrote each and when. Organisers save
 * drafts; a curator (or a trusted organiser) publishes. Every record is validated by
 * src/lib/visit/schemas.ts when saved and again when read, and every change is one statement or one
 * transaction: nothing is half-saved.
 *
 * Who may do what (an organiser's region or place) is the guard's business, not this module's: these
 * functions take the row's id and do what they are asked.
 */
import type { Queryable } from '../db/database.ts';
import { AppError, fromDatabaseError } from '../errors.ts';
import { jsonForDatabase, slugify } from '../text.ts';
import type { z } from 'astro/zod';
import { eventRecordSchema, placeRecordSchema, type EventInput, type EventRecord, type PlaceInput, type PlaceRecord, type Place, type VisitEvent } from './schemas.ts';

export type VisitKind = 'place' | 'event';

/** One row: the published record (null until first published) and the pending draft (null when none). */
export interface VisitRow<R> {
  id: string;
  /** The region of the published record (of the draft while never published); null for a national event. */
  region: string | null;
  published: R | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  draft: R | null;
  draftAt: Date | null;
  draftBy: string | null;
  createdAt: Date;
}
export type PlaceRow = VisitRow<PlaceRecord>;
export type EventRow = VisitRow<EventRecord>;

/** One field that differs between the published record and the draft, e.g. `name.en` or `openingHours`. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The issues of a refused record, each with its field path and Indonesian message. */
export interface VisitIssue {
  path: string;
  message: string;
}

const TABLE = { place: 'visit_places', event: 'visit_events' } as const;
const SCHEMA = { place: placeRecordSchema, event: eventRecordSchema } as const;

/** The record's region and (for events) place: the row's columns mirror them for lookups and the foreign key. */
function columnsOf(kind: VisitKind, record: PlaceRecord | EventRecord): { region: string | null; placeId: string | null } {
  if (kind === 'place') return { region: (record as PlaceRecord).region, placeId: null };
  const e = record as EventRecord;
  return { region: e.region ?? null, placeId: e.place ?? null };
}

/** An AppError('invalid') naming every problem; `issues` on it for forms. */
export class VisitInputError extends AppError {
  readonly issues: VisitIssue[];
  constructor(issues: VisitIssue[]) {
    super('invalid', issues.map((i) => `${i.path || 'input'}: ${i.message}`).join('; '));
    this.issues = issues;
  }
}

function issuesOf(error: z.ZodError): VisitIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Validates an organiser's record; throws a VisitInputError listing every problem. */
export function parsePlaceInput(input: unknown): PlaceRecord {
  const parsed = placeRecordSchema.safeParse(input);
  if (!parsed.success) throw new VisitInputError(issuesOf(parsed.error));
  return parsed.data;
}

/** Validates an organiser's event; throws a VisitInputError listing every problem. */
export function parseEventInput(input: unknown): EventRecord {
  const parsed = eventRecordSchema.safeParse(input);
  if (!parsed.success) throw new VisitInputError(issuesOf(parsed.error));
  return parsed.data;
}

interface RawRow {
  id: string;
  region: string | null;
  published: unknown;
  published_at: Date | string | null;
  published_by: string | null;
  draft: unknown;
  draft_at: Date | string | null;
  draft_by: string | null;
  created_at: Date | string;
}

const asDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
const asJson = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);

/** A stored record read back: validated again, so a row that breaks today's rules is a loud fault, not a broken page. */
function readRecord<R>(kind: VisitKind, id: string, value: unknown): R | null {
  if (value === null || value === undefined) return null;
  const parsed = SCHEMA[kind].safeParse(asJson(value));
  if (!parsed.success) {
    throw new AppError('internal', `stored ${kind} "${id}" does not pass its schema: ${issuesOf(parsed.error).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  return parsed.data as R;
}

function toRow<R>(kind: VisitKind, raw: RawRow): VisitRow<R> {
  return {
    id: raw.id,
    region: raw.region,
    published: readRecord<R>(kind, raw.id, raw.published),
    publishedAt: asDate(raw.published_at),
    publishedBy: raw.published_by,
    draft: readRecord<R>(kind, raw.id, raw.draft),
    draftAt: asDate(raw.draft_at),
    draftBy: raw.draft_by,
    createdAt: asDate(raw.created_at)!,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading: what the public pages show (published records only)

/** Published places, of one region when given, by id. */
export async function listPublishedPlaces(db: Queryable, filter: { region?: string | undefined } = {}): Promise<Place[]> {
  const rows = await db.query<{ id: string; published: unknown }>(
    `SELECT id, published FROM visit_places WHERE published IS NOT NULL AND ($1::text IS NULL OR region = $1) ORDER BY id`,
    [filter.region ?? null],
  );
  return rows.map((r) => ({ ...readRecord<PlaceRecord>('place', r.id, r.published)!, id: r.id }));
}

/**
 * Published events, by id. With `region`: the events held in that region, directly or at one of its
 * places (a national event, with no region, is in no region's list).
 */
export async function listPublishedEvents(db: Queryable, filter: { region?: string | undefined } = {}): Promise<VisitEvent[]> {
  const rows = await db.query<{ id: string; published: unknown }>(
    `SELECT e.id, e.published FROM visit_events e LEFT JOIN visit_places p ON p.id = e.place_id
     WHERE e.published IS NOT NULL AND ($1::text IS NULL OR e.region = $1 OR p.region = $1) ORDER BY e.id`,
    [filter.region ?? null],
  );
  return rows.map((r) => ({ ...readRecord<EventRecord>('event', r.id, r.published)!, id: r.id }));
}

/** One published place, or null (unknown, or not yet published). */
export async function findPublishedPlace(db: Queryable, id: string): Promise<Place | null> {
  const row = await getPlace(db, id);
  return row?.published ? { ...row.published, id } : null;
}

/** One published event, or null. */
export async function findPublishedEvent(db: Queryable, id: string): Promise<VisitEvent | null> {
  const row = await getEvent(db, id);
  return row?.published ? { ...row.published, id } : null;
}

/** Every published place's and event's id and when it was last published (the sitemap). */
export async function listPublishedDates(db: Queryable): Promise<{ kind: VisitKind; id: string; publishedAt: Date }[]> {
  const rows = await db.query<{ kind: VisitKind; id: string; published_at: Date | string }>(
    `SELECT 'place' AS kind, id, published_at FROM visit_places WHERE published IS NOT NULL
     UNION ALL SELECT 'event' AS kind, id, published_at FROM visit_events WHERE published IS NOT NULL ORDER BY kind, id`,
  );
  return rows.map((r) => ({ kind: r.kind, id: r.id, publishedAt: asDate(r.published_at)! }));
}

// ---------------------------------------------------------------------------------------------
// Rows with their drafts: for organisers and curators

async function getRow<R>(db: Queryable, kind: VisitKind, id: string, lock = false): Promise<VisitRow<R> | null> {
  const [raw] = await db.query<RawRow>(`SELECT * FROM ${TABLE[kind]} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return raw ? toRow<R>(kind, raw) : null;
}

export const getPlace = (db: Queryable, id: string) => getRow<PlaceRecord>(db, 'place', id);
export const getEvent = (db: Queryable, id: string) => getRow<EventRecord>(db, 'event', id);

async function listRows<R>(db: Queryable, kind: VisitKind, filter: { region?: string | undefined; withDraft?: boolean }): Promise<VisitRow<R>[]> {
  const rows = await db.query<RawRow>(
    `SELECT * FROM ${TABLE[kind]} WHERE ($1::text IS NULL OR region = $1) AND ($2::boolean IS NOT TRUE OR draft IS NOT NULL) ORDER BY id`,
    [filter.region ?? null, filter.withDraft ?? null],
  );
  return rows.map((r) => toRow<R>(kind, r));
}

/** Every place row (published or not), of one region when given; `withDraft` keeps those with a pending draft. */
export const listPlaces = (db: Queryable, filter: { region?: string | undefined; withDraft?: boolean } = {}) => listRows<PlaceRecord>(db, 'place', filter);
/** Every event row (published or not), of one region when given; `withDraft` keeps those with a pending draft. */
export const listEvents = (db: Queryable, filter: { region?: string | undefined; withDraft?: boolean } = {}) => listRows<EventRecord>(db, 'event', filter);

// ---------------------------------------------------------------------------------------------
// Writing

/** Runs `work` in a transaction when `db` can open one, else directly (already inside one). */
async function atomically<T>(db: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const maybe = db as Partial<{ transaction: <U>(w: (tx: Queryable) => Promise<U>) => Promise<U> }>;
  return typeof maybe.transaction === 'function' ? maybe.transaction(work) : work(db);
}

/** A new row's id: the slug of the Indonesian name, with -2, -3… when taken (in either table). */
async function freeId(tx: Queryable, kind: VisitKind, name: string): Promise<string> {
  const base = slugify(name, { maxLength: 70, fallback: kind === 'place' ? 'tempat' : 'acara' });
  const taken = new Set(
    (await tx.query<{ id: string }>(`SELECT id FROM ${TABLE[kind]} WHERE id = $1 OR id LIKE $2`, [base, `${base}-%`])).map((r) => r.id),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** An event's place must exist, and lie in the event's region when it names one. */
async function checkEventPlace(tx: Queryable, record: EventRecord): Promise<void> {
  if (!record.place) return;
  const [place] = await tx.query<{ region: string }>('SELECT region FROM visit_places WHERE id = $1', [record.place]);
  if (!place || (record.region && place.region !== record.region)) {
    throw new VisitInputError([{ path: 'place', message: 'Tempat tidak dikenal atau bukan di wilayah ini.' }]);
  }
}

export interface SaveDraft<I> {
  /** The row to change; absent for a new place or event (its id is made from the Indonesian name). */
  id?: string | undefined;
  input: I;
  /** The user who wrote it (null for the import or a script). */
  by: string | null;
}

async function saveDraft<R extends PlaceRecord | EventRecord>(db: Queryable, kind: VisitKind, save: SaveDraft<unknown>): Promise<VisitRow<R>> {
  const record = (kind === 'place' ? parsePlaceInput(save.input) : parseEventInput(save.input)) as R;
  try {
    return await atomically(db, async (tx) => {
      if (kind === 'event') await checkEventPlace(tx, record as EventRecord);
      const json = jsonForDatabase(record);
      const { region, placeId } = columnsOf(kind, record);
      if (save.id === undefined) {
        const id = await freeId(tx, kind, record.name.id);
        const [raw] = await tx.query<RawRow>(
          `INSERT INTO ${TABLE[kind]} (id, region, ${kind === 'event' ? 'place_id, ' : ''}draft, draft_at, draft_by)
           VALUES ($1, $2, ${kind === 'event' ? '$5, ' : ''}$3::jsonb, now(), $4) RETURNING *`,
          kind === 'event' ? [id, region, json, save.by, placeId] : [id, region, json, save.by],
        );
        return toRow<R>(kind, raw!);
      }
      const current = await getRow<R>(tx, kind, save.id, true);
      if (!current) throw new AppError('not_found', `there is no ${kind} "${save.id}"`);
      // A row never published follows its draft's region and place; a published one keeps the published one's until published again.
      const follow = current.published === null;
      const [raw] = await tx.query<RawRow>(
        `UPDATE ${TABLE[kind]} SET draft = $2::jsonb, draft_at = now(), draft_by = $3
           ${follow ? `, region = $4${kind === 'event' ? ', place_id = $5' : ''}` : ''}
         WHERE id = $1 RETURNING *`,
        follow ? (kind === 'event' ? [save.id, json, save.by, region, placeId] : [save.id, json, save.by, region]) : [save.id, json, save.by],
      );
      return toRow<R>(kind, raw!);
    });
  } catch (error) {
    throw fromDatabaseError(error, `could not save the ${kind}'s draft`);
  }
}

/**
 * Saves a place's draft: validated as a whole (a VisitInputError names every problem, nothing saved).
 * Without `id`, a new row (not public until published) whose id is the slug of the Indonesian name.
 * @throws VisitInputError (AppError 'invalid'); AppError('not_found') for an unknown id.
 */
export const savePlaceDraft = (db: Queryable, save: SaveDraft<PlaceInput>) => saveDraft<PlaceRecord>(db, 'place', save);

/**
 * Saves an event's draft, as `savePlaceDraft`; its `place`, when given, must be a place of its region.
 */
export const saveEventDraft = (db: Queryable, save: SaveDraft<EventInput>) => saveDraft<EventRecord>(db, 'event', save);

async function publish<R extends PlaceRecord | EventRecord>(db: Queryable, kind: VisitKind, id: string, by: string | null): Promise<VisitRow<R>> {
  return atomically(db, async (tx) => {
    const current = await getRow<R>(tx, kind, id, true);
    if (!current) throw new AppError('not_found', `there is no ${kind} "${id}"`);
    if (!current.draft) throw new AppError('conflict', `the ${kind} "${id}" has no draft to publish`);
    if (kind === 'event') await checkEventPlace(tx, current.draft as EventRecord);
    const { region, placeId } = columnsOf(kind, current.draft);
    const [raw] = await tx.query<RawRow>(
      `UPDATE ${TABLE[kind]} SET published = draft, published_at = now(), published_by = $2, draft = NULL, draft_at = NULL, draft_by = NULL,
         region = $3${kind === 'event' ? ', place_id = $4' : ''}
       WHERE id = $1 RETURNING *`,
      kind === 'event' ? [id, by, region, placeId] : [id, by, region],
    );
    return toRow<R>(kind, raw!);
  });
}

/** Makes the place's draft its published version (the draft is cleared). @throws not_found; conflict when there is no draft. */
export const publishPlace = (db: Queryable, id: string, by: string | null) => publish<PlaceRecord>(db, 'place', id, by);
/** Makes the event's draft its published version. @throws not_found; conflict when there is no draft. */
export const publishEvent = (db: Queryable, id: string, by: string | null) => publish<EventRecord>(db, 'event', id, by);

async function discard(db: Queryable, kind: VisitKind, id: string): Promise<'discarded' | 'deleted'> {
  return atomically(db, async (tx) => {
    const current = await getRow(tx, kind, id, true);
    if (!current) throw new AppError('not_found', `there is no ${kind} "${id}"`);
    if (!current.draft) throw new AppError('conflict', `the ${kind} "${id}" has no draft to discard`);
    if (current.published === null) {
      if (kind === 'place') {
        const [used] = await tx.query('SELECT 1 FROM visit_events WHERE place_id = $1 LIMIT 1', [id]);
        if (used) throw new AppError('conflict', `an event is held at the place "${id}"; change that event first`);
      }
      await tx.query(`DELETE FROM ${TABLE[kind]} WHERE id = $1`, [id]);
      return 'deleted';
    }
    await tx.query(`UPDATE ${TABLE[kind]} SET draft = NULL, draft_at = NULL, draft_by = NULL WHERE id = $1`, [id]);
    return 'discarded';
  });
}

/**
 * Drops the place's draft (a rejected change). A place that was never published goes altogether.
 * @returns `deleted` when the row went, `discarded` when the published version stays.
 */
export const discardPlaceDraft = (db: Queryable, id: string) => discard(db, 'place', id);
/** Drops the event's draft; an event never published goes altogether. */
export const discardEventDraft = (db: Queryable, id: string) => discard(db, 'event', id);

// ---------------------------------------------------------------------------------------------
// What changed

/**
 * The fields in which the draft differs from the published version, leaf by leaf (`name.en`,
 * `coordinates.lat`); arrays (opening hours, photos, sources) compare as a whole. A row never published
 * lists every field of its draft as new (`before` undefined); no draft, no changes.
 */
export function diffRecords(published: object | null, draft: object | null): FieldChange[] {
  if (!draft) return [];
  const changes: FieldChange[] = [];
  const walk = (before: unknown, after: unknown, path: string) => {
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (isObject(before) || isObject(after)) {
      const b = isObject(before) ? before : {};
      const a = isObject(after) ? after : {};
      for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])]) walk(b[key], a[key], path ? `${path}.${key}` : key);
      return;
    }
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field: path, before, after });
  };
  walk(published ?? undefined, draft, '');
  return changes;
}

/** What a row's draft would change. */
export function draftChanges(row: VisitRow<object>): FieldChange[] {
  return diffRecords(row.published, row.draft);
}

/** Whether the two tables are empty (the one-time import runs only then). */
export async function visitTablesEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM visit_places) + (SELECT count(*) FROM visit_events) AS n');
  return Number(row!.n) === 0;
}

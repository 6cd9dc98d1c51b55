/**
 * Batik classes (kelas membatik): dated sessions of a place whose seats are stock (decision 015).
 * A session is made in one INSERT (nothing half-saved), its seats are taken by a conditional UPDATE in
 * the checkout's transaction (`takeSeats`, as `takeStock` takes pieces) and given back only by the
 * order state machine (`releaseSeats`). Cancelling a session ends or refunds every booking through
 * the order desk's own operations (`cancelClassSession`).
 */
import { z } from 'astro/zod';
import type { Database, Queryable, Row } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { isSlug, isUuid } from '../ids.ts';
import { hasNul } from '../text.ts';
import { parseRupiah } from '../money.ts';

/** The time zones of Indonesia (none has daylight saving): WIB, WITA, WIT. */
export const CLASS_TIME_ZONES = { 'Asia/Jakarta': { offsetHours: 7, abbr: 'WIB' }, 'Asia/Makassar': { offsetHours: 8, abbr: 'WITA' }, 'Asia/Jayapura': { offsetHours: 9, abbr: 'WIT' } } as const;
export type ClassTimeZone = keyof typeof CLASS_TIME_ZONES;
export const CLASS_LANGUAGES = ['id', 'en', 'id-en'] as const;
export type ClassLanguage = (typeof CLASS_LANGUAGES)[number];
/** The most seats one cart line may hold of a session. */
export const MAX_SEATS_PER_BOOKING = 20;

export interface ClassSession {
  id: string;
  placeId: string;
  placeName: string;
  title: { id: string; en: string };
  startsAt: Date;
  timeZone: ClassTimeZone;
  durationMinutes: number;
  language: ClassLanguage;
  priceIdr: number;
  seats: number;
  seatsLeft: number;
  includes: { id: string; en: string };
  status: 'scheduled' | 'cancelled';
  isSample: boolean;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export function toClassSession(r: Row): ClassSession {
  return {
    id: r.id as string,
    placeId: r.place_id as string,
    placeName: r.place_name as string,
    title: { id: r.title_id as string, en: r.title_en as string },
    startsAt: new Date(r.starts_at as string),
    timeZone: r.time_zone as ClassTimeZone,
    durationMinutes: r.duration_minutes as number,
    language: r.language as ClassLanguage,
    priceIdr: r.price_idr as number,
    seats: r.seats as number,
    seatsLeft: r.seats_left as number,
    includes: { id: r.includes_id as string, en: r.includes_en as string },
    status: r.status as 'scheduled' | 'cancelled',
    isSample: r.is_sample === true,
    cancelledAt: r.cancelled_at == null ? null : new Date(r.cancelled_at as string),
    cancelReason: (r.cancel_reason as string | null) ?? null,
  };
}

/** When a session ends. */
export function endsAt(session: Pick<ClassSession, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(session.startsAt.getTime() + session.durationMinutes * 60_000);
}

/** When a class starts, in its place's time zone and said so (e.g. "12 Des 2026, 09.00 WIB"). */
export function formatClassStart(session: { startsAt: Date; timeZone: ClassTimeZone }, lang: 'id' | 'en'): string {
  const text = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: session.timeZone }).format(session.startsAt);
  return `${text} ${CLASS_TIME_ZONES[session.timeZone].abbr}`;
}

/** Whether seats of it can be booked now: scheduled, not started, a seat left. */
export function isBookable(session: Pick<ClassSession, 'status' | 'startsAt' | 'seatsLeft'>, now: Date = new Date()): boolean {
  return session.status === 'scheduled' && session.startsAt.getTime() > now.getTime() && session.seatsLeft > 0;
}

// ---------------------------------------------------------------------------------------------
// Making a session

/**
 * The keys of the problems a session form can have; pages say them with `classes.fieldErrors` in
 * the reader's language (Indonesian first).
 */
export type SessionProblem =
  | 'place' | 'title' | 'titleEn' | 'start' | 'startPast' | 'timeZone' | 'duration' | 'language'
  | 'price' | 'priceWhole' | 'priceRange' | 'seats' | 'seatsZero' | 'includes' | 'includesEn';

const text = (min: number, max: number, problem: SessionProblem) =>
  z.string().trim().min(min, problem).max(max, problem).refine((s) => !hasNul(s), problem);

/** A class's price as typed (`parseRupiah`): a fraction is `priceWhole`, nothing or anything else `price`. */
export function rupiahFromForm(value: unknown): number | SessionProblem {
  const rupiah = parseRupiah(String(value ?? ''));
  return typeof rupiah === 'number' ? rupiah : rupiah === 'cents' ? 'priceWhole' : 'price';
}

/** A whole number as a form sends it ("3"), or NaN. */
function wholeFromForm(value: unknown): number {
  const raw = String(value ?? '').trim();
  return /^-?\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** A local wall-clock time (`2026-12-12T09:00`) in an Indonesian time zone, as an instant; null if malformed. */
export function instantFromLocal(local: string, zone: ClassTimeZone): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h - CLASS_TIME_ZONES[zone].offsetHours, mi);
  const back = new Date(utc + CLASS_TIME_ZONES[zone].offsetHours * 3_600_000);
  if (back.getUTCDate() !== d) return null; // 31 February and the like
  return new Date(utc);
}

/** The wall-clock time of an instant in a zone, as a datetime-local input shows it. */
export function localFromInstant(at: Date, zone: ClassTimeZone): string {
  return new Date(at.getTime() + CLASS_TIME_ZONES[zone].offsetHours * 3_600_000).toISOString().slice(0, 16);
}

/** The fields of the session form, as strings (what a form posts, and what it shows again). */
export interface SessionFormValues {
  placeId: string;
  titleId: string;
  titleEn: string;
  start: string;
  timeZone: string;
  durationMinutes: string;
  language: string;
  price: string;
  seats: string;
  includesId: string;
  includesEn: string;
}

export function sessionValuesFromForm(form: FormData): SessionFormValues {
  const get = (k: string) => String(form.get(k) ?? '');
  return {
    placeId: get('placeId'), titleId: get('titleId'), titleEn: get('titleEn'), start: get('start'), timeZone: get('timeZone') || 'Asia/Jakarta',
    durationMinutes: get('durationMinutes'), language: get('language') || 'id', price: get('price'), seats: get('seats'), includesId: get('includesId'), includesEn: get('includesEn'),
  };
}

/** A checked session form: a session's own fields, its title and what it includes in both languages. */
export interface NewSession extends Pick<ClassSession, 'placeId' | 'placeName' | 'startsAt' | 'timeZone' | 'durationMinutes' | 'language' | 'priceIdr' | 'seats'> {
  titleId: string;
  titleEn: string;
  includesId: string;
  includesEn: string;
}

export type SessionCheck = { ok: true; session: NewSession } | { ok: false; problems: Partial<Record<keyof SessionFormValues, SessionProblem>> };

/**
 * Checks a session form: every problem at once, each a key the page says in the reader's language.
 * `placeName` answers the name of a place that exists (null otherwise).
 */
export function checkSessionForm(values: SessionFormValues, placeName: (id: string) => string | null, now: Date = new Date()): SessionCheck {
  const problems: Partial<Record<keyof SessionFormValues, SessionProblem>> = {};
  const name = isSlug(values.placeId, 120) ? placeName(values.placeId) : null;
  if (!name) problems.placeId = 'place';
  const titleId = text(3, 160, 'title').safeParse(values.titleId);
  if (!titleId.success) problems.titleId = 'title';
  const titleEn = text(0, 160, 'titleEn').safeParse(values.titleEn);
  if (!titleEn.success) problems.titleEn = 'titleEn';
  const zone = values.timeZone in CLASS_TIME_ZONES ? (values.timeZone as ClassTimeZone) : null;
  if (!zone) problems.timeZone = 'timeZone';
  const startsAt = zone ? instantFromLocal(values.start, zone) : null;
  if (zone && !startsAt) problems.start = 'start';
  else if (startsAt && startsAt.getTime() <= now.getTime()) problems.start = 'startPast';
  const duration = wholeFromForm(values.durationMinutes);
  if (!(duration >= 30 && duration <= 720)) problems.durationMinutes = 'duration';
  if (!(CLASS_LANGUAGES as readonly string[]).includes(values.language)) problems.language = 'language';
  const price = rupiahFromForm(values.price);
  if (typeof price === 'string') problems.price = price;
  else if (price < 1000 || price > 100_000_000) problems.price = 'priceRange';
  const seats = wholeFromForm(values.seats);
  if (seats === 0) problems.seats = 'seatsZero';
  else if (!(seats >= 1 && seats <= 200)) problems.seats = 'seats';
  const includesId = text(3, 1000, 'includes').safeParse(values.includesId);
  if (!includesId.success) problems.includesId = 'includes';
  const includesEn = text(0, 1000, 'includesEn').safeParse(values.includesEn);
  if (!includesEn.success) problems.includesEn = 'includesEn';
  if (Object.keys(problems).length) return { ok: false, problems };
  return {
    ok: true,
    session: {
      placeId: values.placeId, placeName: name!, titleId: titleId.data!, titleEn: titleEn.data!, startsAt: startsAt!, timeZone: zone!,
      durationMinutes: duration, language: values.language as ClassLanguage, priceIdr: price as number, seats, includesId: includesId.data!, includesEn: includesEn.data!,
    },
  };
}

/** Saves a checked session (one INSERT: all of it or nothing). */
export async function createClassSession(db: Queryable, session: NewSession, who: { actor: string; isSample?: boolean }): Promise<ClassSession> {
  const [row] = await db.query(
    `INSERT INTO class_sessions (place_id, place_name, title_id, title_en, starts_at, time_zone, duration_minutes, language, price_idr, seats, seats_left, includes_id, includes_en, is_sample, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14) RETURNING *`,
    [session.placeId, session.placeName, session.titleId, session.titleEn, session.startsAt, session.timeZone, session.durationMinutes, session.language, session.priceIdr,
      session.seats, session.includesId, session.includesEn, who.isSample ?? false, who.actor],
  );
  return toClassSession(row!);
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function findClassSession(db: Queryable, id: string): Promise<ClassSession | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.query('SELECT * FROM class_sessions WHERE id = $1', [id]);
  return row ? toClassSession(row) : null;
}

/**
 * Sessions still to come (scheduled or cancelled, so a cancelled one says so until its date), next
 * first; of one place, or of several, or all.
 */
export async function listUpcomingClassSessions(db: Queryable, filter: { placeIds?: readonly string[]; now?: Date; limit?: number } = {}): Promise<ClassSession[]> {
  const rows = await db.query(
    `SELECT * FROM class_sessions WHERE starts_at > $1 AND ($2::text[] IS NULL OR place_id = ANY ($2::text[]))
     ORDER BY starts_at, id LIMIT $3`,
    [filter.now ?? new Date(), filter.placeIds ? [...filter.placeIds] : null, Math.min(Math.max(filter.limit ?? 100, 1), 500)],
  );
  return rows.map(toClassSession);
}

/** Every session (the class desk): upcoming first by date, then past ones, newest first. */
export async function listClassSessionsForDesk(db: Queryable, filter: { placeIds?: readonly string[]; now?: Date } = {}): Promise<ClassSession[]> {
  const rows = await db.query(
    `SELECT * FROM class_sessions WHERE ($2::text[] IS NULL OR place_id = ANY ($2::text[]))
     ORDER BY (starts_at < $1), CASE WHEN starts_at >= $1 THEN starts_at END, starts_at DESC LIMIT 500`,
    [filter.now ?? new Date(), filter.placeIds ? [...filter.placeIds] : null],
  );
  return rows.map(toClassSession);
}

/** One booking of a session, as the organiser's attendee list shows it. */
export interface Attendee {
  orderNumber: string;
  checkoutNumber: string;
  status: string;
  name: string;
  email: string;
  phone: string;
  seats: number;
  paymentMethod: 'stripe' | 'bank_transfer';
  bookedAt: Date;
}

/** Statuses whose seats are taken (held while unpaid, or bought). */
export const SEAT_HOLDING_STATUSES = ['awaiting_payment', 'paid'] as const;

/** The bookings of a session: those that hold seats first (paid, then awaiting payment), then the ended ones. */
export async function listAttendees(db: Queryable, sessionId: string): Promise<Attendee[]> {
  if (!isUuid(sessionId)) return [];
  const rows = await db.query<Omit<Attendee, 'bookedAt'> & { bookedAt: string | Date }>(
    `SELECT o.number AS "orderNumber", c.number AS "checkoutNumber", o.status, o.buyer_name AS name, o.buyer_email AS email,
       o.buyer_phone AS phone, s.quantity AS seats, o.payment_method AS "paymentMethod", o.created_at AS "bookedAt"
     FROM order_seats s JOIN orders o ON o.id = s.order_id JOIN checkouts c ON c.id = o.checkout_id
     WHERE s.session_id = $1
     ORDER BY CASE o.status WHEN 'paid' THEN 0 WHEN 'awaiting_payment' THEN 1 ELSE 2 END, o.created_at, o.number`,
    [sessionId],
  );
  return rows.map((r) => ({ ...r, bookedAt: new Date(r.bookedAt) }));
}

// ---------------------------------------------------------------------------------------------
// Seats as stock (called only from the checkout and the order state machine)

/**
 * Takes `quantity` seats of a session if it is scheduled, not started and has them: one conditional
 * UPDATE, so two checkouts can never both take the last seat.
 * @returns the seats left after, or null when it cannot.
 */
export async function takeSeats(tx: Queryable, sessionId: string, quantity: number): Promise<number | null> {
  if (!Number.isInteger(quantity) || quantity < 1) throw new AppError('invalid', 'seats must be a positive whole number');
  const [row] = await tx.query<{ seats_left: number }>(
    `UPDATE class_sessions SET seats_left = seats_left - $2, updated_at = now()
     WHERE id = $1 AND status = 'scheduled' AND starts_at > now() AND seats_left >= $2 RETURNING seats_left`,
    [sessionId, quantity],
  );
  return row ? row.seats_left : null;
}

/** Gives seats back (the order state machine, when a booking's hold ends). The table's CHECK refuses giving back more than there are. */
export async function releaseSeats(tx: Queryable, sessionId: string, quantity: number): Promise<void> {
  await tx.query('UPDATE class_sessions SET seats_left = seats_left + $2, updated_at = now() WHERE id = $1', [sessionId, quantity]);
}

// ---------------------------------------------------------------------------------------------
// Cancelling a session

export interface CancelOutcome {
  /** Whether this call marked the session cancelled (false: it already was). */
  cancelled: boolean;
  /** Unpaid bookings whose checkout was cancelled. */
  ended: string[];
  /** Paid bookings refunded. */
  refunded: string[];
}

/** The order desk's operations a cancellation goes through (orders.ts: endCheckout, refundOrder). */
export interface CancelDeps {
  endCheckout: (db: Database, checkoutId: string, status: 'cancelled', who: { actor: string; note?: string | null }) => Promise<unknown>;
  refundOrder: (db: Database, orderId: string, who: { actor: string; note?: string | null; method: 'stripe' | 'bank' }) => Promise<unknown>;
}

/**
 * Cancels a session: it is marked cancelled first (so no seat of it can be taken any more), then every
 * booking goes through the order desk — an unpaid one ends its checkout (`cancelled`: the one payment
 * covers the whole checkout), a paid one (or one paid after it ended, `needs_refund`) is refunded:
 * through Stripe for a card payment, recorded as a bank refund for a transfer. Each booking is its own
 * transaction and the whole is idempotent: calling it again after a crash finishes what is left.
 */
export async function cancelClassSession(db: Database, sessionId: string, who: { actor: string; reason: string }, deps: CancelDeps): Promise<CancelOutcome> {
  if (!isUuid(sessionId)) throw new AppError('not_found', 'no such class');
  const reason = who.reason.trim().slice(0, 300);
  const [marked] = await db.query<{ id: string }>(
    `UPDATE class_sessions SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3, updated_at = now()
     WHERE id = $1 AND status = 'scheduled' RETURNING id`,
    [sessionId, who.actor, reason || null],
  );
  if (!marked && !(await findClassSession(db, sessionId))) throw new AppError('not_found', 'no such class');
  const note = `kelas dibatalkan${reason ? `: ${reason}` : ''}`;
  const outcome: CancelOutcome = { cancelled: Boolean(marked), ended: [], refunded: [] };
  const bookings = async () =>
    db.query<{ id: string; number: string; status: string; checkout_id: string; payment_method: string }>(
      `SELECT o.id, o.number, o.status, o.checkout_id, o.payment_method FROM order_seats s JOIN orders o ON o.id = s.order_id
       WHERE s.session_id = $1 ORDER BY o.number`,
      [sessionId],
    );
  for (const b of await bookings()) {
    if (b.status === 'awaiting_payment') {
      await deps.endCheckout(db, b.checkout_id, 'cancelled', { actor: who.actor, note });
      outcome.ended.push(b.number);
    }
  }
  // Read again: a payment may have arrived meanwhile (it is then refunded here too).
  for (const b of await bookings()) {
    if (b.status === 'paid' || b.status === 'needs_refund') {
      await deps.refundOrder(db, b.id, { actor: who.actor, note, method: b.payment_method === 'stripe' ? 'stripe' : 'bank' });
      outcome.refunded.push(b.number);
    }
  }
  return outcome;
}

/**
 * The curators' review of what organisers sent: every place and event with a waiting draft, what it
 * changes field by field (src/lib/visit `draftChanges`), who sent it, and the two verdicts — publish
 * (the draft becomes the published version) or reject (the draft goes; the published version stays,
 * and a never-published item goes altogether).
 */
import type { Database, Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { useStrings } from '../../i18n/index.ts';
import { discardEventDraft, discardPlaceDraft, draftChanges, listEvents, listPlaces, publishEvent, publishPlace, type FieldChange, type VisitKind, type VisitRow } from '../visit/repository.ts';

export interface ReviewItem {
  kind: VisitKind;
  id: string;
  /** The Indonesian name the draft gives it. */
  name: string;
  region: string | null;
  /** Never published (all its fields are new), or a change to a published one. */
  isNew: boolean;
  changes: FieldChange[];
  draftAt: Date;
  /** Who sent it: the account's e-mail and its organiser's name (null for a script or a deleted account). */
  by: { email: string; organiser: string | null } | null;
}

/** Every waiting draft, oldest first (the one waiting longest at the top). */
export async function reviewQueue(db: Queryable): Promise<ReviewItem[]> {
  const [places, events] = await Promise.all([listPlaces(db, { withDraft: true }), listEvents(db, { withDraft: true })]);
  const rows: [VisitKind, VisitRow<{ name: { id: string } }>][] = [...places.map((r) => ['place', r] as [VisitKind, typeof r]), ...events.map((r) => ['event', r] as [VisitKind, typeof r])];
  const userIds = [...new Set(rows.map(([, r]) => r.draftBy).filter((id): id is string => Boolean(id)))];
  const users = userIds.length
    ? await db.query<{ id: string; email: string; organiser: string | null }>(
        'SELECT u.id, u.email, o.name AS organiser FROM users u LEFT JOIN organisers o ON o.id = u.organiser_id WHERE u.id = ANY($1::uuid[])',
        [userIds],
      )
    : [];
  const byId = new Map(users.map((u) => [u.id, { email: u.email, organiser: u.organiser }]));
  return rows
    .map(([kind, row]) => ({
      kind,
      id: row.id,
      name: row.draft!.name.id,
      region: row.region,
      isNew: row.published === null,
      changes: draftChanges(row),
      draftAt: row.draftAt!,
      by: row.draftBy ? (byId.get(row.draftBy) ?? null) : null,
    }))
    .sort((a, b) => a.draftAt.getTime() - b.draftAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * A curator's verdict on a draft. `publish` makes it public; `reject` drops it.
 * @throws AppError('not_found') for an unknown item; AppError('conflict') when it has no draft (already handled).
 */
export async function reviewVerdict(db: Database, curatorId: string, kind: VisitKind, id: string, verdict: 'publish' | 'reject'): Promise<void> {
  if (verdict === 'publish') await (kind === 'place' ? publishPlace(db, id, curatorId) : publishEvent(db, id, curatorId));
  else if (verdict === 'reject') await (kind === 'place' ? discardPlaceDraft(db, id) : discardEventDraft(db, id));
  else throw new AppError('invalid', 'a verdict is publish or reject');
}

/** The curators' review speaks Indonesian: names of days and of coded values from the section's strings. */
const FORM = useStrings('id').organiser.form;
const DAY_NAMES: Record<string, string> = FORM.days;
const VALUE_NAMES: Record<string, Record<string, string>> = { kind: FORM.kinds, timeZone: FORM.zones, status: FORM.statuses, recurrence: FORM.recurrences };

/** A field's value as a curator reads it in the review table (Indonesian, short). */
export function describeValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (typeof value === 'string' && VALUE_NAMES[field]?.[value]) return VALUE_NAMES[field][value];
  if (typeof value === 'number' || typeof value === 'string') return field === 'priceIdr' && value === 0 ? 'gratis (0)' : String(value);
  if (Array.isArray(value)) {
    if (field === 'photos') return `${value.length} foto`;
    if (field === 'openingHours') {
      return (value as { days: string[]; opens: string; closes: string }[]).map((h) => `${h.days.map((d) => DAY_NAMES[d] ?? d).join(', ')} ${h.opens}–${h.closes}`).join('; ') || '—';
    }
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') || '—';
  }
  return JSON.stringify(value).slice(0, 300);
}

/** How many drafts wait for a curator (for the admin's front page). */
export async function pendingReviewCount(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM visit_places WHERE draft IS NOT NULL) + (SELECT count(*) FROM visit_events WHERE draft IS NOT NULL))::int AS n`,
  );
  return row!.n;
}

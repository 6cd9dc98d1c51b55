/**
 * The class desk's two pages, apart from their templates: the list of class dates with the form for
 * a new one (`/portal/classes`), and one date with its attendees and cancelling it
 * (`/portal/classes/{id}`). Curators see every place's classes; an organiser only its region's or its
 * place's (`classDeskScope` + `organiserCovers`): another's class is null, the page's 404, as a missing one.
 * Every text is the desk's Indonesian (`classes.desk`).
 */
import { useStrings } from '../../i18n/index.ts';
import { classDeskScope, organiserCovers } from '../auth/guard.ts';
import type { Database } from '../db/database.ts';
import { handleFormPost, type FormPage } from '../form-action.ts';
import { readForm } from '../http.ts';
import { findPublishedPlace, listPublishedPlaces } from '../visit/repository.ts';
import { cancelSessionPost, cancelSessionSchema, createSessionPost } from './class-desk.ts';
import {
  CLASS_LANGUAGES,
  CLASS_TIME_ZONES,
  findClassSession,
  listAttendees,
  listClassSessionsForDesk,
  type Attendee,
  type ClassSession,
  type SessionFormValues,
  type SessionProblem,
} from './sessions.ts';

/** Who is at the desk: a curator, or an organiser with its scope. */
export type DeskUser = Parameters<typeof classDeskScope>[0] & { email: string };

export interface ClassDeskDeps {
  db: Database;
  /** Delivers the refunds' e-mails and Stripe calls now, rather than in a few seconds. */
  deliverEffects: () => Promise<void>;
}

/** One field of the new-date form: an input, or a select with its choices; its value and its message. */
export interface SessionField {
  name: keyof SessionFormValues;
  label: string;
  options?: { value: string; text: string }[];
  input?: { type?: 'datetime-local'; inputmode?: 'numeric'; required?: boolean };
  value: string;
  error: string | null;
}

export interface ClassDeskView {
  /** Which section of the back office the page belongs to. */
  area: 'admin' | 'organiser';
  sessions: ClassSession[];
  fields: SessionField[];
  /** Why the form was not saved, in Indonesian. */
  error: string | null;
}

/** The fields of the new-date form, in the form's order, with the values posted and each one's message. */
export function sessionFields(places: readonly { id: string; name: string }[], values: SessionFormValues | null, problems: Partial<Record<keyof SessionFormValues, SessionProblem>>): SessionField[] {
  const c = useStrings('id').classes;
  const d = c.desk;
  const numeric = { inputmode: 'numeric', required: true } as const;
  const fields: Omit<SessionField, 'label' | 'value' | 'error'>[] = [
    { name: 'placeId', options: places.map((p) => ({ value: p.id, text: p.name })) },
    { name: 'titleId', input: { required: true } },
    { name: 'titleEn', input: {} },
    { name: 'start', input: { type: 'datetime-local', required: true } },
    { name: 'timeZone', options: Object.entries(CLASS_TIME_ZONES).map(([zone, z]) => ({ value: zone, text: `${z.abbr} (${zone})` })) },
    { name: 'durationMinutes', input: numeric },
    { name: 'language', options: CLASS_LANGUAGES.map((l) => ({ value: l, text: c.language[l] })) },
    { name: 'price', input: numeric },
    { name: 'seats', input: numeric },
    { name: 'includesId', input: { required: true } },
    { name: 'includesEn', input: {} },
  ];
  const defaults: Partial<SessionFormValues> = { timeZone: 'Asia/Jakarta', durationMinutes: '180', language: 'id' };
  return fields.map((f) => {
    const problem = problems[f.name];
    return { ...f, label: d.fields[f.name], value: values?.[f.name] ?? defaults[f.name] ?? '', error: problem ? d.fieldErrors[problem] : null };
  });
}

/** `/portal/classes`: the dates this account looks after, and the new-date form (a post saves it: a 303 to the new date). */
export async function classDeskPage(page: FormPage, db: Database, user: DeskUser): Promise<Response | ClassDeskView> {
  const all = useStrings('id');
  const scope = classDeskScope(user);
  // The published places (visit_places) this account looks after, by their Indonesian name.
  const places = (await listPublishedPlaces(db))
    .filter((p) => !scope || organiserCovers(scope, { region: p.region, placeId: p.id }))
    .map((p) => ({ id: p.id, name: p.name.id }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  let values: SessionFormValues | null = null;
  let problems: Partial<Record<keyof SessionFormValues, SessionProblem>> = {};
  let error: string | null = null;
  if (page.request.method === 'POST') {
    const read = await readForm(page.request);
    if (!read.ok) {
      error = read.status === 413 ? all.form.tooLarge : all.form.unreadable;
      page.response.status = read.status;
    } else {
      const outcome = await createSessionPost(db, read.form, { actor: user.email }, (id) => places.find((p) => p.id === id)?.name ?? null);
      if ('id' in outcome) return page.redirect(`/portal/classes/${outcome.id}?done=created`, 303);
      ({ values, problems } = outcome);
      error = all.classes.desk.fix;
      page.response.status = 400;
    }
  }
  const sessions = await listClassSessionsForDesk(db, scope ? { placeIds: places.map((p) => p.id) } : {});
  return { area: scope ? 'organiser' : 'admin', sessions, fields: sessionFields(places, values, problems), error };
}

export interface ClassSessionView {
  area: 'admin' | 'organiser';
  session: ClassSession;
  /** Every booking, paid first. */
  attendees: Attendee[];
  /** The seats held by paid and awaiting bookings. */
  heldSeats: number;
  /** What the last action did (`?done=created` or `cancelled`), unless a refusal is shown. */
  outcome: string | null;
  /** The refusal of the cancel form just posted. */
  error: string | null;
}

/** `/portal/classes/{id}`: one date, its attendees, and cancelling it (a 303 after); null when it is not this account's. */
export async function classSessionPage(page: FormPage, deps: ClassDeskDeps, user: DeskUser, id: string): Promise<Response | ClassSessionView | null> {
  const all = useStrings('id');
  const d = all.classes.desk;
  const found = await findClassSession(deps.db, id);
  if (!found) return null;
  const scope = classDeskScope(user);
  if (scope && !organiserCovers(scope, { region: (await findPublishedPlace(deps.db, found.placeId))?.region ?? null, placeId: found.placeId })) return null;
  const posted = await handleFormPost(page, {
    schema: cancelSessionSchema,
    act: async (input) => {
      const outcome = await cancelSessionPost(deps.db, id, { actor: user.email }, input);
      await deps.deliverEffects();
      return `/portal/classes/${id}?done=cancelled&ended=${outcome.ended.length}&refunded=${outcome.refunded.length}`;
    },
    message: (e) => (e.reason === 'confirm_required' ? d.check : d.fix),
    texts: all.form,
  });
  if (posted instanceof Response) return posted;
  const params = page.url.searchParams;
  const done = posted ? null : params.get('done');
  const outcome = done === 'cancelled' ? d.cancelledDone(Number(params.get('ended')) || 0, Number(params.get('refunded')) || 0) : done === 'created' ? d.created : null;
  const attendees = await listAttendees(deps.db, id);
  const heldSeats = attendees.filter((a) => a.status === 'paid' || a.status === 'awaiting_payment').reduce((n, a) => n + a.seats, 0);
  return { area: scope ? 'organiser' : 'admin', session: (await findClassSession(deps.db, id))!, attendees, heldSeats, outcome, error: posted };
}

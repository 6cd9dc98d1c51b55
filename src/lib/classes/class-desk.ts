/**
 * The class desk's form posts, apart from its pages: a new session (checked, then one INSERT), and
 * cancelling a session (every booking through the order desk's own operations: `endCheckout` for the
 * unpaid, `refundOrder` for the paid). Answers are keys the pages say in Indonesian (`classes.desk`).
 */
import { z } from 'astro/zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { endCheckout, refundOrder } from '../commerce/orders.ts';
import { cancelClassSession, checkSessionForm, createClassSession, sessionValuesFromForm, type CancelOutcome, type SessionCheck, type SessionFormValues } from './sessions.ts';

/** A new session from the desk's form: saved (its id), or the form again with a problem per field. */
export async function createSessionPost(
  db: Database,
  form: FormData,
  who: { actor: string },
  placeName: (id: string) => string | null,
  now: Date = new Date(),
): Promise<{ id: string } | { values: SessionFormValues; problems: Extract<SessionCheck, { ok: false }>['problems'] }> {
  const values = sessionValuesFromForm(form);
  const checked = checkSessionForm(values, placeName, now);
  if (!checked.ok) return { values, problems: checked.problems };
  const session = await createClassSession(db, checked.session, who);
  return { id: session.id };
}

export const cancelSessionSchema = z.object({ reason: z.string().max(2000).catch(''), sure: z.string().catch('') });

/**
 * Cancels a session from the desk: the box must be ticked (it refunds everyone).
 * @throws AppError('invalid', reason confirm_required) when it is not.
 */
export async function cancelSessionPost(db: Database, sessionId: string, who: { actor: string }, input: z.infer<typeof cancelSessionSchema>): Promise<CancelOutcome> {
  if (input.sure !== 'yes') throw new AppError('invalid', 'tick the box to confirm', { reason: 'confirm_required' });
  return cancelClassSession(db, sessionId, { actor: who.actor, reason: input.reason }, { endCheckout, refundOrder });
}

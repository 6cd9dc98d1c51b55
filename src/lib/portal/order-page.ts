/**
 * The artisan's page of one own order (`/portal/orders/{number}`), apart from its template: the
 * post (mark shipped with a tracking number, or cancel while unpaid) and what the page shows after
 * it, in Indonesian. Someone else's order, or none, is null: the page's 404.
 */
import { useStrings } from '../../i18n/index.ts';
import type { Database } from '../db/database.ts';
import { flashFrom, recordFormPage, type FormPage, type RecordPageState } from '../form-action.ts';
import { getOwnOrder, ownOrderAction, ownOrderActionSchema, ownOrderRefusal, type OwnOrder } from './orders.ts';

export interface PortalOrderDeps {
  db: Database;
  /** Delivers the queued e-mails now (the shipped mail), rather than in a few seconds. */
  deliverEffects: () => Promise<void>;
  /** Brings the search index up to date for the pieces a cancelled order gives back. */
  reindex: (slugs: readonly string[]) => Promise<boolean>;
}

export type PortalOrderView = RecordPageState & { order: OwnOrder };

/** The page of order `number` for artisan `artisanId`: a 303 after an action, the view, or null (404). */
export async function portalOrderPage(page: FormPage, deps: PortalOrderDeps, artisanId: string, number: string): Promise<Response | PortalOrderView | null> {
  const strings = useStrings('id');
  const t = strings.portal;
  const self = `/portal/orders/${encodeURIComponent(number)}`;
  const answer = await recordFormPage(
    page,
    {
      schema: ownOrderActionSchema,
      act: async (input) => {
        const done = await ownOrderAction(deps.db, artisanId, number, input);
        if (done.flash === 'shipped') await deps.deliverEffects();
        if (done.flash === 'cancelled') await deps.reindex(done.productSlugs);
        return `${self}?done=${done.flash}`;
      },
      message: (e, form) => t.errors[ownOrderRefusal(e, String(form.get('action') ?? ''))],
      texts: strings.form,
    },
    () => getOwnOrder(deps.db, artisanId, number),
  );
  if (!answer || answer instanceof Response) return answer;
  return { order: answer.record, self, error: answer.error, flash: answer.error ? null : flashFrom(page.url, t.flash) };
}

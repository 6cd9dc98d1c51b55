/**
 * The order desk's page of one checkout (`/admin/orders/{number}`, by the checkout's number or one
 * of its orders'), apart from its template: a curator's action (confirm a transfer, cancel, refund,
 * mark delivered) and what the page shows after it, in Indonesian. No such checkout is null: the 404.
 */
import { useStrings } from '../../i18n/index.ts';
import type { Database } from '../db/database.ts';
import { flashFrom, recordFormPage, type FormPage, type RecordPageState } from '../form-action.ts';
import { deskAction, deskActionSchema, deskRefusal, getDeskCheckout, type DeskCheckout } from './order-desk.ts';

export interface OrderDeskDeps {
  db: Database;
  /** Delivers the e-mails and Stripe calls the state machine queued, now rather than in a few seconds. */
  deliverEffects: () => Promise<void>;
}

export type OrderDeskView = RecordPageState & { desk: DeskCheckout };

/** The desk's page of checkout `number` for `curator` (their e-mail): a 303 after an action, the view, or null (404). */
export async function orderDeskPage(page: FormPage, deps: OrderDeskDeps, curator: string, number: string): Promise<Response | OrderDeskView | null> {
  const strings = useStrings('id');
  const d = strings.portal.desk;
  const self = `/admin/orders/${encodeURIComponent(number)}`;
  const answer = await recordFormPage(
    page,
    {
      schema: deskActionSchema,
      act: async (input) => {
        const { outcome, flash } = await deskAction(deps.db, number, curator, input);
        if (outcome === 'changed') await deps.deliverEffects();
        return `${self}?done=${outcome === 'changed' ? flash : 'unchanged'}`;
      },
      message: (e, form) => d.errors[deskRefusal(e, String(form.get('action') ?? ''))],
      texts: strings.form,
    },
    () => getDeskCheckout(deps.db, number),
  );
  if (!answer || answer instanceof Response) return answer;
  return { desk: answer.record, self, error: answer.error, flash: answer.error ? null : flashFrom(page.url, d.flash) };
}

/**
 * Account e-mails (sign-up, password reset, organiser invitation) go through the effect outbox as order
 * e-mails do (decision 017): an effect may now be an account's (`account_id`), besides an order's or a
 * checkout's, exactly one of the three. An account has at most one *pending* effect of a kind: asking
 * twice before the first is delivered queues one e-mail, which carries a link made when it is sent. The
 * payload never holds a secret: reset and invitation tokens are issued by the handler at delivery time.
 */
export default `
ALTER TABLE order_effects ADD COLUMN account_id uuid REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE order_effects DROP CONSTRAINT order_effects_check;
ALTER TABLE order_effects ADD CONSTRAINT order_effects_one_subject_check
  CHECK (num_nonnulls(order_id, checkout_id, account_id) = 1);
CREATE UNIQUE INDEX order_effects_account_kind_idx ON order_effects (account_id, kind) WHERE account_id IS NOT NULL AND status = 'pending';
`;

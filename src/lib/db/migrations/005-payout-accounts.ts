/**
 * Artisans' payout accounts: an artisan enters (or changes) bank, account number and holder name in
 * the portal; the change waits in `payout_account_changes` until a curator checks it, and only then
 * becomes the account on `artisans.payout_*` that payouts use. Each payout ledger entry keeps the
 * account it went to.
 */
export default `
CREATE TABLE payout_account_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  artisan_id uuid NOT NULL REFERENCES artisans (id),
  bank text NOT NULL CHECK (length(bank) BETWEEN 2 AND 80),
  account_number text NOT NULL CHECK (account_number ~ '^[0-9]{6,20}$'),
  holder_name text NOT NULL CHECK (length(holder_name) BETWEEN 2 AND 120),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  checked_by text,
  checked_at timestamptz
);
CREATE UNIQUE INDEX payout_account_changes_pending_idx ON payout_account_changes (artisan_id) WHERE status = 'pending';

ALTER TABLE ledger_entries ADD COLUMN payout_account text;
`;

/** Rate limits that outlive a process and are shared by every instance: sign-ups and reset e-mails. */
export default `
CREATE TABLE rate_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_events_kind_key_idx ON rate_events (kind, key, created_at);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
CREATE INDEX login_attempts_email_ip_idx ON login_attempts (email, ip, created_at);
`;

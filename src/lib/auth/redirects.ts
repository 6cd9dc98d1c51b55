/** Where to go after signing in: only our own portal or admin pages, never another site. */
export function safeNext(next: string | null | undefined, fallback: string): string {
  if (!next || next.length > 300) return fallback;
  return /^\/(portal|admin)(\/[A-Za-z0-9._~\-/]*)?(\?[A-Za-z0-9=&._%-]*)?$/.test(next) && !next.includes('//') ? next : fallback;
}

/** Each kind of account's own section: where it lands after signing in. */
export function homeFor(role: string): string {
  return role === 'curator' ? '/admin' : role === 'organiser' ? '/portal/organiser' : '/portal';
}

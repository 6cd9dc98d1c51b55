import type { APIRoute } from 'astro';
import { signOut, signOutEverywhere } from '../../lib/auth/accounts.ts';
import { readForm } from '../../lib/http.ts';
import { SESSION_COOKIE } from '../../middleware.ts';

export const prerender = false;

/** Signs out (a form post; `everywhere=1` ends every session of the account). */
export const POST: APIRoute = async ({ locals, cookies, request, redirect }) => {
  const user = locals.user;
  if (user) {
    const { db } = locals.app;
    // Signing out never fails: a body that is not a small form just means "this device only".
    const read = await readForm(request);
    if (read.ok && read.form.get('everywhere')) await signOutEverywhere(db, user.id);
    else await signOut(db, user.sessionId);
  }
  cookies.delete(SESSION_COOKIE, { path: '/' });
  return redirect('/portal/login', 303);
};

import type { APIRoute } from 'astro';
import { signOut, signOutEverywhere } from '../../lib/auth/accounts.ts';
import { getServices } from '../../lib/services.server.ts';
import { SESSION_COOKIE } from '../../middleware.ts';

export const prerender = false;

/** Signs out (a form post; `everywhere=1` ends every session of the account). */
export const POST: APIRoute = async ({ locals, cookies, request, redirect }) => {
  const user = locals.user;
  if (user) {
    const { db } = await getServices();
    const form = await request.formData().catch(() => null);
    if (form?.get('everywhere')) await signOutEverywhere(db, user.id);
    else await signOut(db, user.sessionId);
  }
  cookies.delete(SESSION_COOKIE, { path: '/' });
  return redirect('/portal/login', 303);
};

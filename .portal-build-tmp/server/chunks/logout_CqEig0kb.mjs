import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { a as signOutEverywhere, i as signOut } from "./accounts_DIB0lvJn.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
import { t as SESSION_COOKIE } from "./middleware_Bx-ig-K6.mjs";
// src/pages/portal/logout.ts
var logout_exports = /* @__PURE__ */ __exportAll({
	POST: () => POST,
	prerender: () => false
});
/** Signs out (a form post; `everywhere=1` ends every session of the account). */
var POST = async ({ locals, cookies, request, redirect }) => {
	const user = locals.user;
	if (user) {
		const { db } = await getServices();
		if ((await request.formData().catch(() => null))?.get("everywhere")) await signOutEverywhere(db, user.id);
		else await signOut(db, user.sessionId);
	}
	cookies.delete(SESSION_COOKIE, { path: "/" });
	return redirect("/portal/login", 303);
};
// \0virtual:astro:page:src/pages/portal/logout@_@ts
var page = () => logout_exports;
export { page };

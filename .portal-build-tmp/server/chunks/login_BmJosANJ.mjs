import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { r as signIn } from "./accounts_DIB0lvJn.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
import { t as SESSION_COOKIE } from "./middleware_Bx-ig-K6.mjs";
// src/lib/auth/redirects.ts
/** Where to go after signing in: only our own portal or admin pages, never another site. */
function safeNext(next, fallback) {
	if (!next || next.length > 300) return fallback;
	return /^\/(portal|admin)(\/[A-Za-z0-9._~\-/]*)?(\?[A-Za-z0-9=&._%-]*)?$/.test(next) && !next.includes("//") ? next : fallback;
}
// src/pages/portal/login.astro
var login_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Login,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Login = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Login;
	const next = Astro.url.searchParams.get("next");
	const home = (role) => role === "curator" ? "/admin" : "/portal";
	if (Astro.locals.user) return Astro.redirect(safeNext(next, home(Astro.locals.user.role)), 303);
	let message = null;
	let email = "";
	if (Astro.request.method === "POST") {
		const form = await Astro.request.formData();
		email = String(form.get("email") ?? "").slice(0, 320);
		const { db } = await getServices();
		const result = await signIn(db, email, String(form.get("password") ?? ""), Astro.clientAddress);
		if (result.ok) {
			Astro.cookies.set(SESSION_COOKIE, result.token, {
				httpOnly: true,
				sameSite: "lax",
				secure: Astro.url.protocol === "https:" || process.env.NODE_ENV === "production",
				path: "/",
				maxAge: 2592e3
			});
			return Astro.redirect(safeNext(String(form.get("next") ?? next ?? ""), home(result.user.role)), 303);
		}
		if (result.reason === "throttled") {
			Astro.response.status = 429;
			Astro.response.headers.set("Retry-After", "900");
			message = "Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit, atau atur ulang kata sandi.";
		} else {
			Astro.response.status = 401;
			message = "E-mail atau kata sandi salah.";
		}
	}
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": "Masuk",
		"area": "public"
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>Masuk</h1><p class="muted">Untuk perajin dan kurator Canting.</p>${message && renderTemplate`<p class="notice" role="alert">${message}</p>`}<form method="post" class="panel form-grid" style="max-width:28rem"><input type="hidden" name="next"${addAttribute(next ?? "", "value")}><label class="field">E-mail<input name="email" type="email" autocomplete="username" required${addAttribute(email, "value")}></label><label class="field">Kata sandi<input name="password" type="password" autocomplete="current-password" required></label><p><button type="submit">Masuk</button></p><p class="small"><a href="/portal/reset">Lupa kata sandi?</a> · <a href="/portal/signup">Daftar sebagai perajin</a></p></form>` })}`;
}, "/work/main/src/pages/portal/login.astro", void 0);
var $$file = "/work/main/src/pages/portal/login.astro";
var $$url = "/portal/login";
// \0virtual:astro:page:src/pages/portal/login@_@astro
var page = () => login_exports;
export { page };

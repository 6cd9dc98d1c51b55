import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as getCommerce } from "./commerce_BvWH9YT9.mjs";
import { n as finishPasswordReset, s as startPasswordReset } from "./accounts_DIB0lvJn.mjs";
import { r as AppError } from "./services.server_-_DkjSUe.mjs";
// src/pages/portal/reset.astro
var reset_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Reset,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Reset = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Reset;
	const token = Astro.url.searchParams.get("token");
	let message = null;
	let done = false;
	if (Astro.request.method === "POST") {
		const form = await Astro.request.formData();
		const commerce = await getCommerce();
		if (token) try {
			done = await finishPasswordReset(commerce.db, token, String(form.get("password") ?? ""));
			message = done ? "Kata sandi sudah diganti, dan semua sesi lama sudah keluar. Silakan masuk." : "Tautan ini sudah tidak berlaku. Minta tautan baru.";
			if (!done) Astro.response.status = 400;
		} catch (error) {
			if (!(error instanceof AppError) || error.code !== "invalid") throw error;
			message = "Kata sandi paling sedikit 10 karakter.";
			Astro.response.status = 400;
		}
		else {
			const started = await startPasswordReset(commerce.db, String(form.get("email") ?? ""));
			if (started) {
				const link = `${Astro.url.origin}/portal/reset?token=${encodeURIComponent(started.token)}`;
				await commerce.sendQuietly(async () => ({
					to: started.email,
					subject: "Atur ulang kata sandi Canting",
					text: `Buka tautan ini dalam satu jam untuk mengatur kata sandi baru:\n${link}\n\nAbaikan e-mail ini bila Anda tidak memintanya.`,
					kind: "account.password-reset"
				}));
			}
			done = true;
			message = "Bila alamat itu terdaftar, tautan untuk mengatur ulang kata sandi sudah dikirim ke e-mail tersebut.";
		}
	}
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": "Atur ulang kata sandi",
		"area": "public"
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>Atur ulang kata sandi</h1>${message && renderTemplate`<p${addAttribute(done ? "flash" : "notice", "class")} role="status">${message}</p>`}${token ? !done && renderTemplate`<form method="post" class="panel form-grid" style="max-width:28rem"><label class="field">Kata sandi baru<input name="password" type="password" autocomplete="new-password" minlength="10" required></label><p><button type="submit">Simpan kata sandi</button></p></form>` : !done && renderTemplate`<form method="post" class="panel form-grid" style="max-width:28rem"><label class="field">E-mail<input name="email" type="email" autocomplete="email" required></label><p><button type="submit">Kirim tautan</button></p></form>`}<p><a href="/portal/login">Kembali ke halaman masuk</a></p>` })}`;
}, "/work/main/src/pages/portal/reset.astro", void 0);
var $$file = "/work/main/src/pages/portal/reset.astro";
var $$url = "/portal/reset";
// \0virtual:astro:page:src/pages/portal/reset@_@astro
var page = () => reset_exports;
export { page };

import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { o as signupSchema, t as applyAsArtisan } from "./accounts_DIB0lvJn.mjs";
import { r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/portal/signup.astro
var signup_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Signup,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Signup = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Signup;
	const catalogue = await loadCatalogue();
	const MESSAGES = {
		email: "Tulis alamat e-mail yang benar.",
		password: "Kata sandi paling sedikit 10 karakter.",
		name: "Tulis nama Anda.",
		workshop: "Tulis nama sanggar atau usaha Anda.",
		region: "Pilih daerah.",
		place: "Tulis kota atau desa.",
		whatsapp: "Tulis nomor WhatsApp 8–15 angka, misalnya +6281234567890."
	};
	const values = {
		email: "",
		name: "",
		workshop: "",
		region: "",
		place: "",
		whatsapp: ""
	};
	const errors = {};
	let done = false;
	let problem = null;
	if (Astro.request.method === "POST") {
		const form = await Astro.request.formData();
		for (const key of Object.keys(values)) values[key] = String(form.get(key) ?? "").slice(0, 320);
		const input = {
			...values,
			password: String(form.get("password") ?? "")
		};
		const parsed = signupSchema.safeParse(input);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] = MESSAGES[String(issue.path[0])] ?? issue.message;
			Astro.response.status = 400;
		} else try {
			const { db } = await getServices();
			await applyAsArtisan(db, parsed.data);
			done = true;
		} catch (error) {
			if (!(error instanceof AppError) || error.code !== "conflict") throw error;
			problem = "E-mail ini sudah terdaftar. Silakan masuk, atau atur ulang kata sandi.";
			Astro.response.status = 409;
		}
	}
	const fields = [
		[
			"name",
			"Nama",
			"name",
			"text"
		],
		[
			"workshop",
			"Nama sanggar/usaha",
			"organization",
			"text"
		],
		[
			"place",
			"Kota/desa",
			"address-level2",
			"text"
		],
		[
			"whatsapp",
			"Nomor WhatsApp",
			"tel",
			"tel"
		],
		[
			"email",
			"E-mail",
			"email",
			"email"
		]
	];
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": "Daftar sebagai perajin",
		"area": "public"
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<h1>Daftar sebagai perajin</h1>${done ? renderTemplate`<p class="flash" role="status">Terima kasih. Pendaftaran Anda menunggu persetujuan kurator; Anda sudah bisa <a href="/portal/login">masuk</a> dan menyiapkan produk.</p>` : renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${problem && renderTemplate`<p class="notice" role="alert">${problem}</p>`}<form method="post" class="panel form-grid" style="max-width:32rem">${fields.map(([key, label, auto, type]) => renderTemplate`<label class="field">${label}<input${addAttribute(key, "name")}${addAttribute(type, "type")}${addAttribute(auto, "autocomplete")} required${addAttribute(values[key], "value")}${addAttribute(errors[key] ? "true" : void 0, "aria-invalid")}${addAttribute(errors[key] ? `e-${key}` : void 0, "aria-describedby")}>${errors[key] && renderTemplate`<span${addAttribute(`e-${key}`, "id")} class="field-error">${errors[key]}</span>`}</label>`)}<label class="field">Daerah<select name="region" required${addAttribute(errors.region ? "true" : void 0, "aria-invalid")}><option value="">Pilih daerah</option>${catalogue.regions.map((r) => renderTemplate`<option${addAttribute(r.id, "value")}${addAttribute(r.id === values.region, "selected")}>${r.name}</option>`)}</select>${errors.region && renderTemplate`<span class="field-error">${errors.region}</span>`}</label><label class="field">Kata sandi<input name="password" type="password" autocomplete="new-password" minlength="10" required${addAttribute(errors.password ? "true" : void 0, "aria-invalid")}><span class="hint">Paling sedikit 10 karakter.</span>${errors.password && renderTemplate`<span class="field-error">${errors.password}</span>`}</label><p><button type="submit">Daftar</button></p></form>` })}`}` })}`;
}, "/work/main/src/pages/portal/signup.astro", void 0);
var $$file = "/work/main/src/pages/portal/signup.astro";
var $$url = "/portal/signup";
// \0virtual:astro:page:src/pages/portal/signup@_@astro
var page = () => signup_exports;
export { page };

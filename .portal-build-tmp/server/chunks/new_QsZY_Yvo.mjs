import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { n as portalProducts, r as productFieldErrors } from "./portal-products_CGXQbIKB.mjs";
import { i as sortByName } from "./catalogue_Dca6SlZw.mjs";
import { d as CATEGORY_NAMES, f as DYES, h as FABRIC_NAMES, m as FABRICS, p as DYE_NAMES, u as CATEGORIES } from "./store-repository_DJEKsCo7.mjs";
import { r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { _ as reindexQuietly, c as formValuesFromProduct, g as productInputFromValues, i as createOwnProduct, p as ownProductInputSchema, s as formValuesFromForm } from "./products_B35zzXAM.mjs";
import { r as reindexProduct } from "./search-service_BK1f7Cb8.mjs";
// src/pages/portal/products/new.astro
var new_exports = /* @__PURE__ */ __exportAll({
	default: () => $$New,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$New = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$New;
	const t = portalProducts.id;
	const user = Astro.locals.user;
	if (!user) return Astro.redirect("/portal/login?next=" + encodeURIComponent(Astro.url.pathname));
	const artisanId = user.role === "artisan" ? user.artisanId : null;
	const self = "/portal/products/new";
	let values = null;
	let fieldErrors = {};
	let problem = null;
	const catalogue = await loadCatalogue();
	const motifs = sortByName(catalogue.motifs, "id");
	const techniques = sortByName(catalogue.techniques, "id");
	if (!artisanId) Astro.response.status = 403;
	else if (Astro.request.method === "POST") {
		const { db } = await getServices();
		const vocabulary = {
			motifs: catalogue.motifs.map((m) => m.id),
			techniques: catalogue.techniques.map((m) => m.id)
		};
		const form = await Astro.request.formData();
		const publish = form.get("intent") === "publish";
		values = formValuesFromForm(form);
		const input = {
			...productInputFromValues(values),
			status: publish ? "active" : "draft"
		};
		const parsed = ownProductInputSchema(vocabulary).safeParse(input);
		if (!parsed.success) {
			fieldErrors = productFieldErrors(parsed.error.issues, t);
			problem = t.fix;
			Astro.response.status = 400;
		} else try {
			const product = await createOwnProduct(db, artisanId, parsed.data, vocabulary);
			if (product.status === "active") await reindexQuietly(async (slug) => reindexProduct(await getSearchEngine(), db, catalogue, slug), product.slug);
			return Astro.redirect(`/portal/products/${product.id}?ok=${publish ? "published" : "created"}`, 303);
		} catch (error) {
			if (!(error instanceof AppError) || error.code !== "invalid") throw error;
			problem = t.fix;
			Astro.response.status = 400;
		}
	}
	const v = values ?? formValuesFromProduct(null);
	const err = (name) => fieldErrors[name];
	const describedBy = (name, hint) => [hint ? `h-${name}` : "", err(name) ? `e-${name}` : ""].filter(Boolean).join(" ") || void 0;
	const numberFields = [
		["lengthCm", t.hints.lengthCm],
		["widthCm", null],
		["weightGrams", t.hints.weightGrams]
	];
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": t.newTitle,
		"area": "portal",
		"section": "products"
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<p><a href="/portal/products">← ${t.back}</a></p><h1>${t.newTitle}</h1>${!artisanId ? renderTemplate`<p class="notice" role="alert">${t.forbidden}</p>` : renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`${user.artisanStatus !== "approved" && renderTemplate`<p class="notice">${t.notApproved}</p>`}${problem && renderTemplate`<p class="notice" role="alert">${problem}</p>`}<form method="post"${addAttribute(self, "action")} class="product-form" novalidate><fieldset class="panel"><legend>${t.sections.text}</legend><div class="form-grid">${["title_id", "title_en"].map((name) => renderTemplate`<label class="field">${t.fields[name]}<input${addAttribute(name, "name")} required maxlength="160"${addAttribute(v[name], "value")}${addAttribute(err(name) ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy(name, name === "title_en"), "aria-describedby")}>${name === "title_en" && renderTemplate`<span${addAttribute(`h-${name}`, "id")} class="hint">${t.hints.title_en}</span>`}${err(name) && renderTemplate`<span${addAttribute(`e-${name}`, "id")} class="field-error">${err(name)}</span>`}</label>`)}${["description_id", "description_en"].map((name) => renderTemplate`<label class="field">${t.fields[name]}<textarea${addAttribute(name, "name")} rows="5" required${addAttribute(err(name) ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy(name, name === "description_id"), "aria-describedby")}>${v[name]}</textarea>${name === "description_id" && renderTemplate`<span${addAttribute(`h-${name}`, "id")} class="hint">${t.hints.description_id}</span>`}${err(name) && renderTemplate`<span${addAttribute(`e-${name}`, "id")} class="field-error">${err(name)}</span>`}</label>`)}</div></fieldset><fieldset class="panel"><legend>${t.sections.batik}</legend><fieldset class="motif-choices"${addAttribute(err("motifs") ? "e-motifs" : void 0, "aria-describedby")}><legend class="field">${t.fields.motifs}</legend><div class="choices">${motifs.map((m) => renderTemplate`<label class="check"><input type="checkbox" name="motifs"${addAttribute(m.id, "value")}${addAttribute(v.motifs.includes(m.id), "checked")}>${m.name.id}</label>`)}</div>${err("motifs") && renderTemplate`<span id="e-motifs" class="field-error">${err("motifs")}</span>`}</fieldset><div class="form-grid two"><label class="field">${t.fields.technique}<select name="technique"${addAttribute(err("technique") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("technique"), "aria-describedby")}><option value="">${t.choose}</option>${techniques.map((x) => renderTemplate`<option${addAttribute(x.id, "value")}${addAttribute(x.id === v.technique, "selected")}>${x.name.id}</option>`)}</select>${err("technique") && renderTemplate`<span id="e-technique" class="field-error">${err("technique")}</span>`}</label><label class="field">${t.fields.dye}<select name="dye"${addAttribute(err("dye") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("dye"), "aria-describedby")}><option value="">${t.choose}</option>${DYES.map((x) => renderTemplate`<option${addAttribute(x, "value")}${addAttribute(x === v.dye, "selected")}>${DYE_NAMES[x].id}</option>`)}</select>${err("dye") && renderTemplate`<span id="e-dye" class="field-error">${err("dye")}</span>`}</label><label class="field">${t.fields.fabric}<select name="fabric"${addAttribute(err("fabric") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("fabric"), "aria-describedby")}><option value="">${t.choose}</option>${FABRICS.map((x) => renderTemplate`<option${addAttribute(x, "value")}${addAttribute(x === v.fabric, "selected")}>${FABRIC_NAMES[x].id}</option>`)}</select>${err("fabric") && renderTemplate`<span id="e-fabric" class="field-error">${err("fabric")}</span>`}</label><label class="field">${t.fields.category}<select name="category"${addAttribute(err("category") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("category"), "aria-describedby")}><option value="">${t.choose}</option>${CATEGORIES.map((x) => renderTemplate`<option${addAttribute(x, "value")}${addAttribute(x === v.category, "selected")}>${CATEGORY_NAMES[x].id}</option>`)}</select>${err("category") && renderTemplate`<span id="e-category" class="field-error">${err("category")}</span>`}</label></div></fieldset><fieldset class="panel"><legend>${t.sections.size}</legend><div class="form-grid two">${numberFields.map(([name, hint]) => renderTemplate`<label class="field">${t.fields[name]}<input${addAttribute(name, "name")} inputmode="numeric"${addAttribute(v[name], "value")}${addAttribute(err(name) ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy(name, hint !== null), "aria-describedby")}>${hint && renderTemplate`<span${addAttribute(`h-${name}`, "id")} class="hint">${hint}</span>`}${err(name) && renderTemplate`<span${addAttribute(`e-${name}`, "id")} class="field-error">${err(name)}</span>`}</label>`)}</div></fieldset><fieldset class="panel"><legend>${t.sections.sale}</legend><div class="form-grid two"><label class="field">${t.fields.priceIdr}<input name="priceIdr" inputmode="numeric" required${addAttribute(v.priceIdr, "value")}${addAttribute(err("priceIdr") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("priceIdr", true), "aria-describedby")}><span id="h-priceIdr" class="hint">${t.hints.priceIdr}</span>${err("priceIdr") && renderTemplate`<span id="e-priceIdr" class="field-error">${err("priceIdr")}</span>`}</label><label class="field">${t.fields.stock}<input name="stock" inputmode="numeric" required${addAttribute(v.stock, "value")}${addAttribute(err("stock") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("stock"), "aria-describedby")}>${err("stock") && renderTemplate`<span id="e-stock" class="field-error">${err("stock")}</span>`}</label><div><label class="check"><input type="checkbox" name="oneOfAKind"${addAttribute(v.oneOfAKind, "checked")} aria-describedby="h-oneOfAKind">${t.fields.oneOfAKind}</label><span id="h-oneOfAKind" class="small">${t.hints.oneOfAKind}</span></div><label class="field">${t.fields.leadTimeDays}<input name="leadTimeDays" inputmode="numeric"${addAttribute(v.leadTimeDays, "value")}${addAttribute(err("leadTimeDays") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("leadTimeDays", true), "aria-describedby")}><span id="h-leadTimeDays" class="hint">${t.hints.leadTimeDays}</span>${err("leadTimeDays") && renderTemplate`<span id="e-leadTimeDays" class="field-error">${err("leadTimeDays")}</span>`}</label></div></fieldset><div class="actions"><button type="submit" name="intent" value="draft">${t.actions.saveDraft}</button><button type="submit" name="intent" value="publish" class="secondary-button">${t.actions.createPublish}</button></div></form>` })}`}` })}`;
}, "/work/main/src/pages/portal/products/new.astro", void 0);
var $$file = "/work/main/src/pages/portal/products/new.astro";
var $$url = "/portal/products/new";
// \0virtual:astro:page:src/pages/portal/products/new@_@astro
var page = () => new_exports;
export { page };

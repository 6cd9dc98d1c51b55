import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { g as addAttribute, m as maybeRenderHead, o as renderComponent, p as renderTemplate, s as Fragment$2 } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { t as $$Portal } from "./Portal_BWKkBOyu.mjs";
import { t as $$Picture } from "./Picture_A7bdGjYq.mjs";
import { t as loadCatalogue } from "./catalogue_Cq5jJbd8.mjs";
import { t as getSearchEngine } from "./search_B_MT0uc2.mjs";
import { n as portalProducts, r as productFieldErrors, t as photoErrorMessage } from "./portal-products_CGXQbIKB.mjs";
import { i as sortByName } from "./catalogue_Dca6SlZw.mjs";
import { d as CATEGORY_NAMES, f as DYES, h as FABRIC_NAMES, m as FABRICS, p as DYE_NAMES, u as CATEGORIES } from "./store-repository_DJEKsCo7.mjs";
import { n as mediaDir, r as AppError, t as getServices } from "./services.server_-_DkjSUe.mjs";
import { c as setOwnCover, i as moveOwnPhoto, o as removeOwnPhoto, r as addOwnPhoto, t as MAX_PHOTO_BYTES } from "./photos_DOPIf81L.mjs";
import { _ as reindexQuietly, c as formValuesFromProduct, g as productInputFromValues, l as getOwnProduct, n as archiveOwnProduct, o as duplicateOwnProduct, p as ownProductInputSchema, s as formValuesFromForm, x as updateOwnProduct, y as setOwnProductStatus } from "./products_B35zzXAM.mjs";
import { r as reindexProduct } from "./search-service_BK1f7Cb8.mjs";
import { useRef, useState } from "react";
import { jsx, jsxs } from "react/jsx-runtime";
// src/components/portal/PhotoUploader.tsx
/**
* Photo upload for a product. Without JavaScript it is a plain multipart form posted to the edit
* page. Enhanced, it sends each photo on its own with XMLHttpRequest to the JSON API (one after
* another: kinder to a slow connection), with a progress bar per file, then shows the new list.
*/
var fill = (text, n) => text.replace("{n}", String(n));
function upload(url, file, onProgress, onSent) {
	return new Promise((resolve) => {
		const xhr = new XMLHttpRequest();
		xhr.open("POST", url);
		xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
		xhr.setRequestHeader("Accept", "application/json");
		xhr.upload.onprogress = (e) => onProgress(e.loaded);
		xhr.upload.onload = onSent;
		xhr.onload = () => resolve({
			status: xhr.status,
			body: xhr.responseText
		});
		xhr.onerror = () => resolve({
			status: 0,
			body: ""
		});
		xhr.ontimeout = () => resolve({
			status: 0,
			body: ""
		});
		xhr.send(file);
	});
}
function PhotoUploader({ action, uploadUrl, remaining, maxBytes, strings }) {
	const input = useRef(null);
	const [items, setItems] = useState([]);
	const [busy, setBusy] = useState(false);
	const [note, setNote] = useState("");
	const [finished, setFinished] = useState(false);
	const update = (index, change) => setItems((list) => list.map((item, i) => i === index ? {
		...item,
		...change
	} : item));
	function messageFor(status, body) {
		if (status === 413) return strings.tooLarge;
		if (status === 401 || status === 403) return strings.signedOut;
		if (status === 400) {
			try {
				const { message } = JSON.parse(body);
				if (message && /at most \d+ photos/.test(message)) return strings.full;
			} catch {}
			return strings.invalid;
		}
		return strings.failed;
	}
	async function onSubmit(event) {
		event.preventDefault();
		const chosen = [...input.current?.files ?? []];
		if (!chosen.length) {
			setNote(strings.none);
			return;
		}
		const files = chosen.slice(0, Math.max(0, remaining));
		setNote(files.length < chosen.length ? fill(strings.tooMany, remaining) : "");
		setItems(files.map((f) => ({
			name: f.name,
			size: f.size,
			loaded: 0,
			state: "waiting",
			message: ""
		})));
		setBusy(true);
		let ok = 0;
		for (const [index, file] of files.entries()) {
			if (file.size > maxBytes) {
				update(index, {
					state: "error",
					message: strings.tooLarge
				});
				continue;
			}
			update(index, { state: "uploading" });
			const { status, body } = await upload(uploadUrl, file, (loaded) => update(index, { loaded }), () => update(index, {
				loaded: file.size,
				state: "processing"
			}));
			if (status === 201) {
				ok++;
				update(index, {
					state: "done",
					loaded: file.size
				});
			} else update(index, {
				state: "error",
				message: messageFor(status, body)
			});
		}
		setBusy(false);
		setFinished(true);
		if (input.current) input.current.value = "";
		if (ok === files.length && ok > 0) window.location.assign(`${action}?ok=uploaded#photos`);
	}
	const label = (item) => item.state === "error" ? item.message : item.state === "waiting" ? strings.waiting : item.state === "uploading" ? strings.uploading : item.state === "processing" ? strings.processing : strings.done;
	return /* @__PURE__ */ jsxs("form", {
		method: "post",
		action,
		encType: "multipart/form-data",
		className: "photo-uploader",
		onSubmit,
		children: [
			/* @__PURE__ */ jsx("input", {
				type: "hidden",
				name: "intent",
				value: "upload"
			}),
			/* @__PURE__ */ jsxs("label", {
				className: "field",
				children: [
					strings.choose,
					/* @__PURE__ */ jsx("input", {
						ref: input,
						type: "file",
						name: "photos",
						accept: "image/jpeg,image/png,image/webp",
						multiple: true,
						disabled: busy
					}),
					/* @__PURE__ */ jsx("span", {
						className: "hint",
						children: fill(strings.remaining, remaining)
					})
				]
			}),
			/* @__PURE__ */ jsx("p", { children: /* @__PURE__ */ jsx("button", {
				type: "submit",
				disabled: busy,
				children: strings.upload
			}) }),
			/* @__PURE__ */ jsx("p", {
				role: "status",
				"aria-live": "polite",
				className: "small",
				children: note
			}),
			items.length > 0 && /* @__PURE__ */ jsx("ul", {
				className: "upload-list",
				children: items.map((item, i) => /* @__PURE__ */ jsxs("li", { children: [
					/* @__PURE__ */ jsx("span", {
						className: "upload-name",
						children: item.name
					}),
					/* @__PURE__ */ jsx("progress", {
						max: item.size || 1,
						value: item.state === "error" ? 0 : item.loaded,
						"aria-label": item.name
					}),
					/* @__PURE__ */ jsx("span", {
						className: item.state === "error" ? "field-error" : "small",
						children: label(item)
					})
				] }, `${i}-${item.name}`))
			}),
			finished && !busy && /* @__PURE__ */ jsx("p", { children: /* @__PURE__ */ jsx("a", {
				className: "button secondary",
				href: `${action}#photos`,
				children: strings.reload
			}) })
		]
	});
}
// src/pages/portal/products/[id].astro
var _id__exports = /* @__PURE__ */ __exportAll({
	default: () => $$Id,
	file: () => $$file,
	prerender: () => false,
	url: () => $$url
});
createAstro("http://localhost:4321");
var $$Id = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Id;
	const t = portalProducts.id;
	const user = Astro.locals.user;
	if (!user) return Astro.redirect("/portal/login?next=" + encodeURIComponent(Astro.url.pathname));
	const artisanId = user.role === "artisan" ? user.artisanId : null;
	const id = Astro.params.id ?? "";
	const self = `/portal/products/${encodeURIComponent(id)}`;
	let product = null;
	let values = null;
	let fieldErrors = {};
	let problem = null;
	let photoProblems = [];
	const catalogue = await loadCatalogue();
	const motifs = sortByName(catalogue.motifs, "id");
	const techniques = sortByName(catalogue.techniques, "id");
	if (!artisanId) Astro.response.status = 403;
	else {
		const { config, db } = await getServices();
		const vocabulary = {
			motifs: catalogue.motifs.map((m) => m.id),
			techniques: catalogue.techniques.map((m) => m.id)
		};
		const reindex = (slug) => reindexQuietly(async (s) => reindexProduct(await getSearchEngine(), db, catalogue, s), slug);
		const load = async () => {
			try {
				return await getOwnProduct(db, artisanId, id);
			} catch (error) {
				if (error instanceof AppError && error.code === "not_found") return null;
				throw error;
			}
		};
		product = await load();
		if (!product) Astro.response.status = 404;
		if (product && Astro.request.method === "POST") {
			const current = product;
			if (Number(Astro.request.headers.get("content-length") ?? "0") > 8 * MAX_PHOTO_BYTES + 1048576) {
				photoProblems = [t.photos.errors.tooLarge];
				Astro.response.status = 413;
			} else {
				const form = await Astro.request.formData();
				const intent = String(form.get("intent") ?? "");
				const photoId = String(form.get("photoId") ?? "");
				const done = (ok, to = self, hash = "") => Astro.redirect(`${form.get("back") === "list" ? "/portal/products" : to}?ok=${ok}${hash}`, 303);
				if (intent === "save" || intent === "publish" || intent === "unpublish") {
					values = formValuesFromForm(form);
					const input = productInputFromValues(values);
					const parsed = ownProductInputSchema(vocabulary).safeParse(input);
					if (!parsed.success) {
						fieldErrors = productFieldErrors(parsed.error.issues, t);
						problem = t.fix;
						Astro.response.status = 400;
					} else try {
						const saved = await db.transaction(async (tx) => {
							const updated = await updateOwnProduct(tx, artisanId, id, input, vocabulary);
							if (intent === "publish") return setOwnProductStatus(tx, artisanId, id, "active");
							if (intent === "unpublish") return setOwnProductStatus(tx, artisanId, id, "draft");
							return updated;
						});
						if (saved.status === "active" || current.status === "active") await reindex(saved.slug);
						return done(intent === "save" ? "saved" : intent === "publish" ? "published" : "unpublished");
					} catch (error) {
						if (!(error instanceof AppError) || error.code !== "invalid") throw error;
						problem = t.fix;
						Astro.response.status = 400;
					}
				} else if (intent === "archive" || intent === "restore") {
					await reindex((intent === "archive" ? await archiveOwnProduct(db, artisanId, id) : await setOwnProductStatus(db, artisanId, id, "draft")).slug);
					return done(intent === "archive" ? "archived" : "saved");
				} else if (intent === "duplicate") return done("duplicated", `/portal/products/${(await duplicateOwnProduct(db, artisanId, id)).id}`);
				else if (intent === "photo-up" || intent === "photo-down" || intent === "photo-cover" || intent === "photo-delete") try {
					if (intent === "photo-delete") await removeOwnPhoto(db, artisanId, id, photoId);
					else if (intent === "photo-cover") await setOwnCover(db, artisanId, id, photoId);
					else await moveOwnPhoto(db, artisanId, id, photoId, intent === "photo-up" ? -1 : 1);
					await reindex(current.slug);
					return done(intent === "photo-delete" ? "photoRemoved" : intent === "photo-cover" ? "coverSet" : "photoMoved", self, "#photos");
				} catch (error) {
					photoProblems = [photoErrorMessage(error, t)];
					Astro.response.status = 400;
				}
				else if (intent === "upload") {
					const files = form.getAll("photos").filter((f) => typeof f !== "string" && f.size > 0);
					if (!files.length) photoProblems = [t.photos.errors.none];
					let added = 0;
					for (const file of files) try {
						if (file.size > MAX_PHOTO_BYTES) throw new AppError("too_large", "too large");
						await addOwnPhoto(db, mediaDir(config), artisanId, id, new Uint8Array(await file.arrayBuffer()));
						added++;
					} catch (error) {
						if (error instanceof AppError && error.code === "internal") console.error("portal: a photo could not be processed:", error);
						photoProblems.push(`${file.name}: ${photoErrorMessage(error, t)}`);
					}
					if (added) await reindex(current.slug);
					if (!photoProblems.length) return done("uploaded", self, "#photos");
					Astro.response.status = added ? 200 : 400;
				} else {
					problem = t.problem;
					Astro.response.status = 400;
				}
				product = await load();
			}
		}
	}
	const v = values ?? formValuesFromProduct(product);
	const ok = Astro.url.searchParams.get("ok");
	const flash = ok ? t.flash[ok] : void 0;
	const err = (name) => fieldErrors[name];
	const describedBy = (name, hint) => [hint ? `h-${name}` : "", err(name) ? `e-${name}` : ""].filter(Boolean).join(" ") || void 0;
	const photos = product?.images ?? [];
	const remaining = 8 - photos.length;
	const isPublic = product?.status === "active" && !product.hidden && user.artisanStatus === "approved";
	const numberFields = [
		["lengthCm", t.hints.lengthCm],
		["widthCm", null],
		["weightGrams", t.hints.weightGrams]
	];
	return renderTemplate`${renderComponent($$result, "Portal", $$Portal, {
		"title": product ? `${t.editTitle}: ${product.title.id}` : t.editTitle,
		"area": "portal",
		"section": "products"
	}, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<p><a href="/portal/products">← ${t.back}</a></p>${!artisanId ? renderTemplate`<p class="notice" role="alert">${t.forbidden}</p>` : !product ? renderTemplate`<p class="notice" role="alert">${t.notFound}</p>` : renderTemplate`${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate`<h1>${product.title.id}</h1><p><span${addAttribute(["tag", {
		ok: product.status === "active",
		warn: product.status === "archived"
	}], "class:list")}>${t.status[product.status]}</span>${product.hidden && renderTemplate`<span class="tag warn">${t.hidden}</span>`}${isPublic && renderTemplate`${renderComponent($$result, "Fragment", Fragment$2, {}, { "default": ($$result) => renderTemplate` · <a${addAttribute(`/id/products/${product.slug}`, "href")}>${t.viewOnSite}</a>` })}`}</p>${flash && renderTemplate`<p class="flash" role="status">${flash}</p>`}${user.artisanStatus !== "approved" && renderTemplate`<p class="notice">${t.notApproved}</p>`}${product.hidden && renderTemplate`<p class="notice">${t.hiddenByCurator}</p>`}${problem && renderTemplate`<p class="notice" role="alert">${problem}</p>`}<form method="post"${addAttribute(self, "action")} class="product-form" novalidate><fieldset class="panel"><legend>${t.sections.text}</legend><div class="form-grid">${["title_id", "title_en"].map((name) => renderTemplate`<label class="field">${t.fields[name]}<input${addAttribute(name, "name")} required maxlength="160"${addAttribute(v[name], "value")}${addAttribute(err(name) ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy(name, name === "title_en"), "aria-describedby")}>${name === "title_en" && renderTemplate`<span${addAttribute(`h-${name}`, "id")} class="hint">${t.hints.title_en}</span>`}${err(name) && renderTemplate`<span${addAttribute(`e-${name}`, "id")} class="field-error">${err(name)}</span>`}</label>`)}${["description_id", "description_en"].map((name) => renderTemplate`<label class="field">${t.fields[name]}<textarea${addAttribute(name, "name")} rows="5" required${addAttribute(err(name) ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy(name, name === "description_id"), "aria-describedby")}>${v[name]}</textarea>${name === "description_id" && renderTemplate`<span${addAttribute(`h-${name}`, "id")} class="hint">${t.hints.description_id}</span>`}${err(name) && renderTemplate`<span${addAttribute(`e-${name}`, "id")} class="field-error">${err(name)}</span>`}</label>`)}</div></fieldset><fieldset class="panel"><legend>${t.sections.batik}</legend><fieldset class="motif-choices"${addAttribute(err("motifs") ? "e-motifs" : void 0, "aria-describedby")}><legend class="field">${t.fields.motifs}</legend><div class="choices">${motifs.map((m) => renderTemplate`<label class="check"><input type="checkbox" name="motifs"${addAttribute(m.id, "value")}${addAttribute(v.motifs.includes(m.id), "checked")}>${m.name.id}</label>`)}</div>${err("motifs") && renderTemplate`<span id="e-motifs" class="field-error">${err("motifs")}</span>`}</fieldset><div class="form-grid two"><label class="field">${t.fields.technique}<select name="technique"${addAttribute(err("technique") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("technique"), "aria-describedby")}><option value="">${t.choose}</option>${techniques.map((x) => renderTemplate`<option${addAttribute(x.id, "value")}${addAttribute(x.id === v.technique, "selected")}>${x.name.id}</option>`)}</select>${err("technique") && renderTemplate`<span id="e-technique" class="field-error">${err("technique")}</span>`}</label><label class="field">${t.fields.dye}<select name="dye"${addAttribute(err("dye") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("dye"), "aria-describedby")}><option value="">${t.choose}</option>${DYES.map((x) => renderTemplate`<option${addAttribute(x, "value")}${addAttribute(x === v.dye, "selected")}>${DYE_NAMES[x].id}</option>`)}</select>${err("dye") && renderTemplate`<span id="e-dye" class="field-error">${err("dye")}</span>`}</label><label class="field">${t.fields.fabric}<select name="fabric"${addAttribute(err("fabric") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("fabric"), "aria-describedby")}><option value="">${t.choose}</option>${FABRICS.map((x) => renderTemplate`<option${addAttribute(x, "value")}${addAttribute(x === v.fabric, "selected")}>${FABRIC_NAMES[x].id}</option>`)}</select>${err("fabric") && renderTemplate`<span id="e-fabric" class="field-error">${err("fabric")}</span>`}</label><label class="field">${t.fields.category}<select name="category"${addAttribute(err("category") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("category"), "aria-describedby")}><option value="">${t.choose}</option>${CATEGORIES.map((x) => renderTemplate`<option${addAttribute(x, "value")}${addAttribute(x === v.category, "selected")}>${CATEGORY_NAMES[x].id}</option>`)}</select>${err("category") && renderTemplate`<span id="e-category" class="field-error">${err("category")}</span>`}</label></div></fieldset><fieldset class="panel"><legend>${t.sections.size}</legend><div class="form-grid two">${numberFields.map(([name, hint]) => renderTemplate`<label class="field">${t.fields[name]}<input${addAttribute(name, "name")} inputmode="numeric"${addAttribute(v[name], "value")}${addAttribute(err(name) ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy(name, hint !== null), "aria-describedby")}>${hint && renderTemplate`<span${addAttribute(`h-${name}`, "id")} class="hint">${hint}</span>`}${err(name) && renderTemplate`<span${addAttribute(`e-${name}`, "id")} class="field-error">${err(name)}</span>`}</label>`)}</div></fieldset><fieldset class="panel"><legend>${t.sections.sale}</legend><div class="form-grid two"><label class="field">${t.fields.priceIdr}<input name="priceIdr" inputmode="numeric" required${addAttribute(v.priceIdr, "value")}${addAttribute(err("priceIdr") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("priceIdr", true), "aria-describedby")}><span id="h-priceIdr" class="hint">${t.hints.priceIdr}</span>${err("priceIdr") && renderTemplate`<span id="e-priceIdr" class="field-error">${err("priceIdr")}</span>`}</label><label class="field">${t.fields.stock}<input name="stock" inputmode="numeric" required${addAttribute(v.stock, "value")}${addAttribute(err("stock") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("stock"), "aria-describedby")}>${err("stock") && renderTemplate`<span id="e-stock" class="field-error">${err("stock")}</span>`}</label><div><label class="check"><input type="checkbox" name="oneOfAKind"${addAttribute(v.oneOfAKind, "checked")} aria-describedby="h-oneOfAKind">${t.fields.oneOfAKind}</label><span id="h-oneOfAKind" class="small">${t.hints.oneOfAKind}</span></div><label class="field">${t.fields.leadTimeDays}<input name="leadTimeDays" inputmode="numeric"${addAttribute(v.leadTimeDays, "value")}${addAttribute(err("leadTimeDays") ? "true" : void 0, "aria-invalid")}${addAttribute(describedBy("leadTimeDays", true), "aria-describedby")}><span id="h-leadTimeDays" class="hint">${t.hints.leadTimeDays}</span>${err("leadTimeDays") && renderTemplate`<span id="e-leadTimeDays" class="field-error">${err("leadTimeDays")}</span>`}</label></div></fieldset><div class="actions"><button type="submit" name="intent" value="save">${t.actions.save}</button>${product.status !== "active" && renderTemplate`<button type="submit" name="intent" value="publish" class="secondary-button">${t.actions.publish}</button>`}${product.status === "active" && renderTemplate`<button type="submit" name="intent" value="unpublish" class="secondary-button">${t.actions.unpublish}</button>`}</div></form><section id="photos" class="panel section-block" aria-labelledby="photos-title"><h2 id="photos-title">${t.sections.photos}</h2><p class="small">${t.photos.lead}</p>${photoProblems.length > 0 && renderTemplate`<ul class="notice" role="alert">${photoProblems.map((p) => renderTemplate`<li>${p}</li>`)}</ul>`}${photos.length === 0 ? renderTemplate`<p>${t.photos.none}</p>` : renderTemplate`<ol class="photo-list">${photos.map((image, i) => renderTemplate`<li><div class="thumb">${renderComponent($$result, "Picture", $$Picture, {
		"image": image,
		"alt": image.alt.id,
		"sizes": "96px"
	})}</div><div><strong>${i === 0 ? t.photos.cover : t.photos.photoOf(i + 1)}</strong><form method="post"${addAttribute(self, "action")} class="photo-actions"><input type="hidden" name="photoId"${addAttribute(image.id, "value")}><button type="submit" name="intent" value="photo-up" class="secondary-button"${addAttribute(i === 0, "disabled")}><span aria-hidden="true">↑ </span>${t.photos.up}<span class="visually-hidden"> (${t.photos.photoOf(i + 1)})</span></button><button type="submit" name="intent" value="photo-down" class="secondary-button"${addAttribute(i === photos.length - 1, "disabled")}><span aria-hidden="true">↓ </span>${t.photos.down}<span class="visually-hidden"> (${t.photos.photoOf(i + 1)})</span></button>${i > 0 && renderTemplate`<button type="submit" name="intent" value="photo-cover" class="secondary-button">${t.photos.makeCover}<span class="visually-hidden"> (${t.photos.photoOf(i + 1)})</span></button>`}<button type="submit" name="intent" value="photo-delete" class="link-button">${t.photos.remove}<span class="visually-hidden"> (${t.photos.photoOf(i + 1)})</span></button></form></div></li>`)}</ol>`}${remaining > 0 ? renderTemplate`${renderComponent($$result, "PhotoUploader", PhotoUploader, {
		"client:visible": true,
		"action": self,
		"uploadUrl": `/api/portal/products/${encodeURIComponent(product.id)}/photos`,
		"remaining": remaining,
		"maxBytes": MAX_PHOTO_BYTES,
		"strings": t.photos.uploader,
		"client:component-hydration": "visible",
		"client:component-path": "/work/main/src/components/portal/PhotoUploader.tsx",
		"client:component-export": "default"
	})}` : renderTemplate`<p class="notice">${t.photos.full}</p>`}</section><section class="panel section-block" aria-labelledby="more-title"><h2 id="more-title">${t.sections.more}</h2><form method="post"${addAttribute(self, "action")} class="more-action"><button type="submit" name="intent" value="duplicate" class="secondary-button">${t.actions.duplicate}</button><span class="small">${t.actions.duplicateHint}</span></form>${product.status === "archived" ? renderTemplate`<form method="post"${addAttribute(self, "action")} class="more-action"><button type="submit" name="intent" value="restore" class="secondary-button">${t.actions.restore}</button></form>` : renderTemplate`<form method="post"${addAttribute(self, "action")} class="more-action"><button type="submit" name="intent" value="archive" class="secondary-button">${t.actions.archive}</button><span class="small">${t.actions.archiveHint}</span></form>`}</section>` })}`}` })}`;
}, "/work/main/src/pages/portal/products/[id].astro", void 0);
var $$file = "/work/main/src/pages/portal/products/[id].astro";
var $$url = "/portal/products/[id]";
// \0virtual:astro:page:src/pages/portal/products/[id]@_@astro
var page = () => _id__exports;
export { page };

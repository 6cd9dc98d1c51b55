import { t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import { a as toCsv, r as listLedger } from "./earnings_CsvB_0_u.mjs";
import { c as portalAccess } from "./orders_CcQUvVtP.mjs";
import { t as getServices } from "./services.server_-_DkjSUe.mjs";
// src/pages/portal/earnings.csv.ts
var earnings_csv_exports = /* @__PURE__ */ __exportAll({
	GET: () => GET,
	prerender: () => false
});
/**
* `GET /portal/earnings.csv` → the signed-in artisan's whole ledger as CSV (UTF-8 with a byte-order
* mark, so spreadsheets read it as UTF-8). Not signed in: to the sign-in page and back.
*/
var GET = async ({ locals, url, redirect }) => {
	const access = portalAccess(locals.user);
	if (access === "login") return redirect(`/portal/login?next=${encodeURIComponent(url.pathname)}`);
	const artisanId = access === "ok" ? locals.user?.artisanId : null;
	if (!artisanId) return new Response(access === "pending" ? "Menunggu persetujuan kurator.\n" : "Hanya untuk perajin.\n", {
		status: 403,
		headers: { "Content-Type": "text/plain; charset=utf-8" }
	});
	const { db } = await getServices();
	const csv = toCsv(await listLedger(db, artisanId));
	const today = (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
	const slug = (locals.user?.artisanSlug ?? "perajin").replace(/[^a-z0-9-]/g, "");
	return new Response(`\uFEFF${csv}`, { headers: {
		"Content-Type": "text/csv; charset=utf-8",
		"Content-Disposition": `attachment; filename="penghasilan-${slug}-${today}.csv"`,
		"Cache-Control": "no-store"
	} });
};
// \0virtual:astro:page:src/pages/portal/earnings.csv@_@ts
var page = () => earnings_csv_exports;
export { page };

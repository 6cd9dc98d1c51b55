import { n as __reExport, t as __exportAll } from "./rolldown-runtime_782esTHO.mjs";
import * as mod from "zod/v4";
// node_modules/astro/dist/zod.js
var zod_exports = /* @__PURE__ */ __exportAll({
	default: () => zod_default,
	z: () => mod
});
import * as import_zod_v4 from "zod/v4";
__reExport(zod_exports, import_zod_v4);
var zod_default = mod;
export { zod_exports as n, mod as t };

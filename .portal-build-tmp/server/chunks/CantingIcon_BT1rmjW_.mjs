import { m as maybeRenderHead, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import "./compiler_CZ5OLTdx.mjs";
// src/components/ui/CantingIcon.astro
var $$CantingIcon = createComponent(($$result, $$props, $$slots) => {
	return renderTemplate`${maybeRenderHead($$result)}<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false"><path d="M4 27 L17 14" stroke="#c9ab84" stroke-width="3" stroke-linecap="round"></path><path d="M16 11c2-4 8-5 10-3s1 8-3 10c-3 1.5-6 .5-7-1.5s-1.5-3.5 0-5.5z" fill="#d08a4a"></path><path d="M24 17 l4 5" stroke="#d08a4a" stroke-width="2" stroke-linecap="round"></path></svg>`;
}, "/work/main/src/components/ui/CantingIcon.astro", void 0);
export { $$CantingIcon as t };

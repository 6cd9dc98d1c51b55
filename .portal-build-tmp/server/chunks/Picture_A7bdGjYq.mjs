import { g as addAttribute, m as maybeRenderHead, p as renderTemplate } from "./server_DPyZke2B.mjs";
import { t as createComponent } from "./astro-component_BBedsmxR.mjs";
import { t as createAstro } from "./compiler_CZ5OLTdx.mjs";
import { n as toPicture } from "./picture_tAi-jmxg.mjs";
// src/components/ui/Picture.astro
createAstro("http://localhost:4321");
var $$Picture = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Picture;
	const { image, alt, sizes, eager = false } = Astro.props;
	const p = toPicture(image);
	return renderTemplate`${maybeRenderHead($$result)}<picture>${p.avifSrcset && renderTemplate`<source type="image/avif"${addAttribute(p.avifSrcset, "srcset")}${addAttribute(sizes, "sizes")}>`}${p.webpSrcset && renderTemplate`<source type="image/webp"${addAttribute(p.webpSrcset, "srcset")}${addAttribute(sizes, "sizes")}>`}<img${addAttribute(p.src, "src")}${addAttribute(p.width, "width")}${addAttribute(p.height, "height")}${addAttribute(alt, "alt")}${addAttribute(eager ? "eager" : "lazy", "loading")} decoding="async"${addAttribute(eager ? "high" : void 0, "fetchpriority")}${addAttribute(`background-image:url(${p.placeholder});background-size:cover`, "style")}></picture>`;
}, "/work/main/src/components/ui/Picture.astro", void 0);
export { $$Picture as t };

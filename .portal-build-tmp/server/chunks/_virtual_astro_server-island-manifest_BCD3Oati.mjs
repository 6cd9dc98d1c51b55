// \0virtual:astro:server-island-manifest
var serverIslandMap = /* @__PURE__ */ new Map([["LivePieces", () => import("../chunks/LivePieces_Bfx1YAw7.mjs")]]);
var serverIslandNameMap = /* @__PURE__ */ new Map([["/work/main/src/components/product/LivePieces.astro", "LivePieces"]]);
export { serverIslandMap, serverIslandNameMap };

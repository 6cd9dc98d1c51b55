import { t as sequence } from "./chunks/sequence_pi_dDV_m.mjs";
import { n as onRequest$1 } from "./chunks/middleware_Bx-ig-K6.mjs";
// \0virtual:astro:middleware
var onRequest = sequence(onRequest$1);
export { onRequest };

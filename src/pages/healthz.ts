import type { APIRoute } from 'astro';

export const prerender = false;

/** `GET /healthz`: the process is alive and answering (no dependency is checked; see /readyz). */
export const GET: APIRoute = () =>
  Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'Cache-Control': 'no-store' } });

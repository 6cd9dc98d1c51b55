import type { APIRoute } from 'astro';
import { listLedger, toCsv } from '../../lib/portal/earnings.ts';
import { requireArtisanAccess } from '../../lib/auth/guard.ts';

export const prerender = false;

/**
 * `GET /portal/earnings.csv` → the signed-in artisan's whole ledger as CSV (UTF-8 with a byte-order
 * mark, so spreadsheets read it as UTF-8). Not signed in: to the sign-in page and back.
 */
export const GET: APIRoute = async ({ locals, url, redirect }) => {
  const access = requireArtisanAccess(locals.user);
  if (access === 'login') return redirect(`/portal/login?next=${encodeURIComponent(url.pathname)}`);
  const artisanId = access === 'ok' ? locals.user?.artisanId : null;
  if (!artisanId) {
    return new Response(access === 'pending' ? 'Menunggu persetujuan kurator.\n' : 'Hanya untuk perajin.\n', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const { db } = locals.app;
  const csv = toCsv(await listLedger(db, artisanId));
  const today = new Date().toISOString().slice(0, 10);
  const slug = (locals.user?.artisanSlug ?? 'perajin').replace(/[^a-z0-9-]/g, '');
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="penghasilan-${slug}-${today}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};

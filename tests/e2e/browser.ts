/** Debian's Chromium driven by playwright-core, and the axe accessibility check. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe (WCAG 2 A and AA rules) on the page; returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Signs a sample account in through the portal's form (password `canting-contoh`). */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/portal/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Kata sandi').fill('canting-contoh');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

/** A sample account's session cookie, signed in over HTTP through the portal's form. */
export async function sessionCookie(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/portal/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
    body: new URLSearchParams({ email, password: 'canting-contoh' }),
  });
  if (res.status !== 303) throw new Error(`signing in ${email}: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/**
 * Confirms a bank transfer the way curators do: the order desk's form, posted with a session
 * (a curator's by default). Answers the HTTP status, whether anything changed, and the order's
 * status as the desk then shows it.
 */
export async function confirmTransferOnDesk(baseUrl: string, number: string, email = 'kurator@contoh.test'): Promise<{ httpStatus: number; number: string; outcome: 'changed' | 'unchanged' | null; status: string | null }> {
  const cookie = await sessionCookie(baseUrl, email);
  const desk = `${baseUrl}/admin/orders/${encodeURIComponent(number)}`;
  const res = await fetch(desk, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl, Cookie: cookie },
    body: new URLSearchParams({ action: 'confirm' }),
  });
  const done = new URL(res.headers.get('location') ?? '/', baseUrl).searchParams.get('done');
  const outcome = res.status !== 303 ? null : done === 'confirmed' ? 'changed' : 'unchanged';
  const page = res.status === 303 ? await (await fetch(desk, { headers: { Cookie: cookie } })).text() : '';
  const status = page.match(new RegExp(`data-order="${number}" data-status="([a-z_]+)"`))?.[1] ?? null;
  return { httpStatus: res.status, number, outcome, status };
}

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  redirect: 'manual' as const,
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
  body: new URLSearchParams(fields).toString(),
});

describe('signing in', () => {
  it('a sample curator signs in, lands on the admin, and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`${baseUrl}/portal/login`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('E-mail').fill('kurator@contoh.test');
    await page.getByLabel('Kata sandi').fill('canting-contoh');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL('**/admin');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'canting_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.waitForURL('**/portal/login');
    await page.goto(`${baseUrl}/admin`);
    await page.waitForURL('**/portal/login?next=*');
    await page.close();
  });

  it('"sign out everywhere" ends the sessions on other devices too', async () => {
    const phone = await browser.newPage();
    const laptop = await browser.newPage();
    for (const device of [phone, laptop]) {
      await device.goto(`${baseUrl}/portal/login`);
      await device.getByLabel('E-mail').fill('perajin4@contoh.test');
      await device.getByLabel('Kata sandi').fill('canting-contoh');
      await device.getByRole('button', { name: 'Masuk' }).click();
      await device.waitForURL('**/portal');
    }
    await phone.getByRole('button', { name: 'Keluar dari semua perangkat' }).click();
    await phone.waitForURL('**/portal/login');
    await laptop.goto(`${baseUrl}/portal/orders`);
    await laptop.waitForURL('**/portal/login?next=*');
    await phone.close();
    await laptop.close();
  });

  it('answers 429 after repeated failures for one account', async () => {
    const email = `perajin2@contoh.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${baseUrl}/portal/login`, form({ email, password: `salah-${i}-xxxx` }))).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const right = await fetch(`${baseUrl}/portal/login`, form({ email, password: 'canting-contoh' }));
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toBe('900');
  });

  it('refuses cross-site form posts', async () => {
    const res = await fetch(`${baseUrl}/portal/login`, { ...form({ email: 'kurator@contoh.test', password: 'canting-contoh' }), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('sends security headers on rendered pages', async () => {
    const res = await fetch(`${baseUrl}/portal/login`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('never sends a signed-in user to another site after signing in', async () => {
    const res = await fetch(`${baseUrl}/portal/login?next=https://evil.example/`, form({ email: 'perajin3@contoh.test', password: 'canting-contoh', next: '//evil.example/' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal');
  });
});

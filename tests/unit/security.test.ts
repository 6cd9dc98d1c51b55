/**
 * Security findings of issue #10 that plain code can show: links from configuration, hosts served,
 * bounded uploads, the portal's write guard, spreadsheet formulas and one-line names.
 */
import type { AddressInfo } from 'node:net';
import { request as httpRequest, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { writeRefusal } from '../../src/lib/auth/guard.ts';
import { checkoutInputSchema } from '../../src/lib/commerce/orders.ts';
import { hostName, loadConfig, servedHosts, siteUrl } from '../../src/lib/config.ts';
import { createCantingServer, type NodeHandler } from '../../src/lib/ops/http-server.ts';
import { createUploadGate } from '../../src/lib/ops/upload-gate.ts';
import { csvField } from '../../src/lib/portal/earnings.ts';
import { readForm } from '../../src/lib/http.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(handler: NodeHandler, options: Partial<Parameters<typeof createCantingServer>[1]> = {}): Promise<number> {
  server = createCantingServer(handler, { https: false, log: null, ...options });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** A request with a Host header of our choosing (fetch does not let one set it). */
function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('absolute URLs come from PUBLIC_SITE_URL', () => {
  it('builds links on the configured origin, whatever path it is given', () => {
    const config = loadConfig({ PUBLIC_SITE_URL: 'https://canting.example.id/' });
    expect(siteUrl(config, '/portal/reset?token=abc')).toBe('https://canting.example.id/portal/reset?token=abc');
    expect(siteUrl({ PUBLIC_SITE_URL: 'https://canting.example.id' }, '/id/orders/CTG-2026-000001')).toBe('https://canting.example.id/id/orders/CTG-2026-000001');
    // A protocol-relative path would leave the site: refused, not joined.
    expect(() => siteUrl(config, '//evil.example/x')).toThrow();
    expect(() => siteUrl(config, 'https://evil.example/')).toThrow();
  });
});

describe('hosts served', () => {
  it('serves the public host, ALLOWED_HOSTS and loopback; nothing else', () => {
    const hosts = servedHosts(loadConfig({ PUBLIC_SITE_URL: 'https://canting.example.id', ALLOWED_HOSTS: 'www.canting.example.id, Toko.Example.id:8443' }));
    for (const host of ['canting.example.id', 'www.canting.example.id', 'toko.example.id', 'localhost', '127.0.0.1', '[::1]']) expect(hosts.has(host), host).toBe(true);
    expect(hosts.has('evil.example')).toBe(false);
    expect(hostName('Canting.Example.ID:443')).toBe('canting.example.id');
    expect(hostName('[::1]:4321')).toBe('[::1]');
    expect(() => loadConfig({ ALLOWED_HOSTS: 'evil.example/path' })).toThrow(/ALLOWED_HOSTS/);
  });

  it('refuses a request for a host it does not serve with 421 before the page sees it; probes answer for any host', async () => {
    let seen = 0;
    const port = await serve(
      (_req, res) => {
        seen++;
        res.end('ok');
      },
      { hosts: servedHosts({ PUBLIC_SITE_URL: 'https://canting.example.id', ALLOWED_HOSTS: undefined }) },
    );
    expect(await get(port, '/portal/reset', 'evil.example')).toMatchObject({ status: 421 });
    expect((await get(port, '/api/checkout', 'evil.example:80')).body).toContain('"error":"misdirected"');
    expect(seen).toBe(0);
    expect(await get(port, '/portal/reset', 'canting.example.id')).toEqual({ status: 200, body: 'ok' });
    expect(await get(port, '/id/', `127.0.0.1:${port}`)).toEqual({ status: 200, body: 'ok' });
    expect(await get(port, '/healthz', '10.1.2.3:8080')).toEqual({ status: 200, body: 'ok' });
    expect(seen).toBe(3);
  });
});

describe('large uploads are read a few at a time', () => {
  it('hands out its slots, queues the rest in order, and gives up on a wait that lasts too long', async () => {
    const gate = createUploadGate(2, 50);
    const a = await gate.acquire();
    const b = await gate.acquire();
    expect(gate.inUse).toBe(2);
    const c = gate.acquire();
    expect(gate.waiting).toBe(1);
    a!();
    a!(); // releasing twice frees one slot only
    const third = await c;
    expect(third).toBeTypeOf('function');
    expect(gate.inUse).toBe(2);
    expect(await gate.acquire()).toBeNull(); // nothing freed within 50 ms
    b!();
    third!();
    expect(gate.inUse).toBe(0);
  });

  it('lets the server read at most its slots of large bodies at once; the others wait, and are told to retry when the wait runs out', async () => {
    let reading = 0;
    let most = 0;
    const port = await serve(
      (req, res) => {
        reading++;
        most = Math.max(most, reading);
        req.resume();
        req.on('end', () => setTimeout(() => {
          reading--;
          res.end('stored');
        }, 30));
      },
      { uploads: createUploadGate(1, 2_000) },
    );
    const body = new Uint8Array(2 * 1024 * 1024);
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => fetch(`http://127.0.0.1:${port}/portal/products/x`, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, body })),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(most).toBe(1);
    // A small form does not take a slot.
    expect(createUploadGate(1).inUse).toBe(0);
  });
});

describe('the portal write guard', () => {
  const post = (path: string, contentType = 'application/x-www-form-urlencoded') => ({ method: 'POST', path, contentType });
  it('lets a suspended workshop read but change nothing', () => {
    const suspended = { role: 'artisan', artisanStatus: 'suspended' as const };
    expect(writeRefusal(suspended, post('/portal/orders/CTG-2026-000001'))?.reason).toBe('suspended');
    expect(writeRefusal(suspended, { method: 'PATCH', path: '/api/portal/products/1', contentType: 'application/json' })?.reason).toBe('suspended');
    expect(writeRefusal(suspended, { method: 'GET', path: '/portal/orders', contentType: '' })).toBeNull();
    // It may still sign out.
    expect(writeRefusal(suspended, post('/portal/logout'))).toBeNull();
  });

  it('lets a pending workshop prepare text but not upload photos; an approved one does both', () => {
    const pending = { role: 'artisan', artisanStatus: 'pending' as const };
    expect(writeRefusal(pending, post('/portal/products/new'))).toBeNull();
    expect(writeRefusal(pending, post('/portal/products/abc', 'multipart/form-data; boundary=x'))?.reason).toBe('pending_upload');
    expect(writeRefusal(pending, post('/api/portal/products/abc/photos', 'image/jpeg'))?.reason).toBe('pending_upload');
    const approved = { role: 'artisan', artisanStatus: 'approved' as const };
    expect(writeRefusal(approved, post('/api/portal/products/abc/photos', 'image/jpeg'))).toBeNull();
    expect(writeRefusal(approved, post('/portal/products/abc', 'multipart/form-data; boundary=x'))).toBeNull();
  });
});

describe('spreadsheet formulas in the earnings CSV', () => {
  it('neutralises full-width signs and signs behind invisible characters too', () => {
    expect(csvField('\uFF1D1+1')).toBe("'\uFF1D1+1");
    expect(csvField('\u200B=HYPERLINK("x")')).toBe(`"'\u200B=HYPERLINK(""x"")"`);
    expect(csvField(' +1')).toBe("' +1");
    expect(csvField('\uFF20SUM(A1)')).toBe("'\uFF20SUM(A1)");
    expect(csvField('Kain = indah')).toBe('Kain = indah');
  });
});

describe('names are one line', () => {
  const base = {
    buyer: { name: 'Pembeli Contoh', email: 'pembeli@contoh.test', phone: '+6281234567890' },
    address: { line1: 'Jalan Contoh 1', city: 'Pekalongan', province: 'Jawa Tengah', postalCode: '51111', country: 'ID' },
    paymentMethod: 'bank_transfer',
  };
  it('refuses a line break inside a name or address line (it would start a paragraph in an e-mail)', () => {
    expect(checkoutInputSchema.safeParse(base).success).toBe(true);
    for (const name of ['Budi\n\nPENTING: transfer ke rekening 999-EVIL', 'Budi\rX', 'Budi\u2028X']) {
      expect(checkoutInputSchema.safeParse({ ...base, buyer: { ...base.buyer, name } }).success, JSON.stringify(name)).toBe(false);
    }
    expect(checkoutInputSchema.safeParse({ ...base, address: { ...base.address, city: 'Kota\nPENTING' } }).success).toBe(false);
    // Spaces around are trimmed as before.
    expect(checkoutInputSchema.safeParse({ ...base, buyer: { ...base.buyer, name: '  Budi Contoh \n' } }).success).toBe(true);
  });
});

describe('multipart forms are read as they stream', () => {
  const multipartRequest = (form: FormData) => new Request('http://localhost/portal/products/x', { method: 'POST', body: form });
  it('keeps the fields and files of a form within its limits, in order', async () => {
    const form = new FormData();
    form.set('intent', 'upload');
    form.append('photos', new Blob([new Uint8Array(1000).fill(1)], { type: 'image/jpeg' }), 'satu.jpg');
    form.append('photos', new Blob([new Uint8Array(2000).fill(2)], { type: 'image/png' }), 'dua.png');
    const read = await readForm(multipartRequest(form), 10_000, { maxFileBytes: 5000, maxFiles: 3 });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.form.get('intent')).toBe('upload');
    const files = read.form.getAll('photos') as File[];
    expect(files.map((f) => [f.name, f.size, f.type])).toEqual([['satu.jpg', 1000, 'image/jpeg'], ['dua.png', 2000, 'image/png']]);
    expect(new Uint8Array(await files[1]!.arrayBuffer())[0]).toBe(2);
  });

  it('stops at a file over its limit, one file too many, or a body over the form limit: 413', async () => {
    const big = new FormData();
    big.append('photos', new Blob([new Uint8Array(6000)]), 'besar.jpg');
    expect(await readForm(multipartRequest(big), 100_000, { maxFileBytes: 5000, maxFiles: 3 })).toMatchObject({ ok: false, status: 413 });
    const many = new FormData();
    for (let i = 0; i < 4; i++) many.append('photos', new Blob([new Uint8Array(10)]), `${i}.jpg`);
    expect(await readForm(multipartRequest(many), 100_000, { maxFileBytes: 5000, maxFiles: 3 })).toMatchObject({ ok: false, status: 413 });
    const total = new FormData();
    for (let i = 0; i < 3; i++) total.append('photos', new Blob([new Uint8Array(4000)]), `${i}.jpg`);
    expect(await readForm(multipartRequest(total), 10_000, { maxFileBytes: 5000, maxFiles: 3 })).toMatchObject({ ok: false, status: 413 });
  });

  it('answers 400 for a body that is not the multipart it claims to be', async () => {
    const request = new Request('http://localhost/x', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body: 'not multipart' });
    expect(await readForm(request)).toMatchObject({ ok: false, status: 400 });
    const broken = new Request('http://localhost/x', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=abc' }, body: '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\nunfinished' });
    expect(await readForm(broken)).toMatchObject({ ok: false, status: 400 });
    // Cut off inside a file: a 400, and no unhandled error event (which would end the server).
    const cutFile = new Request('http://localhost/x', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=abc' }, body: '--abc\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nxxxx' });
    expect(await readForm(cutFile, 10_000, { maxFileBytes: 5000, maxFiles: 2 })).toMatchObject({ ok: false, status: 400 });
    await new Promise((r) => setTimeout(r, 50));
  });
});

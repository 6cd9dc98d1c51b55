/**
 * Starts the built server (dist/, made by `npm run test:e2e` through build-if-needed) on a free
 * port for the whole end-to-end run, and stops it afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFakeStripe } from '../fakes/fake-stripe.ts';
import { freePort } from './server-process.ts';
import { buildIfNeeded } from '../../scripts/build-if-needed.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's stdout: one JSON line per request. */
    serverLog: string;
    adminToken: string;
    webhookSecret: string;
  }
}

const WEBHOOK_SECRET = 'whsec_e2e_canting_fake_stripe';
const ADMIN_TOKEN = 'e2e-admin-token-0123456789';

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs} ms`);
}

async function waitForSamplePictures(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} while drawing the sample pictures`);
    const stats = (await (await fetch(`${baseUrl}/ops/stats`)).json()) as { samplePictures: { finished: boolean; failed: number } };
    if (stats.samplePictures.finished) {
      if (stats.samplePictures.failed > 0) throw new Error(`${stats.samplePictures.failed} sample pictures failed; see the server's output`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the sample pictures were not all drawn within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  // Stripe cannot be reached from here: a local fake takes its place (as stripe-mock would), and
  // its hosted "pay" page sends signed webhooks to our server.
  const stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET, webhookUrl: `http://127.0.0.1:${port}/api/stripe/webhook` });
  const dataDir = mkdtempSync(join(tmpdir(), 'canting-e2e-'));
  // Request logs go to a file (tests read it); start-up messages and errors stay on the terminal.
  const serverLog = join(mkdtempSync(join(tmpdir(), 'canting-e2e-log-')), 'server.log');
  const baseUrl = `http://127.0.0.1:${port}`;
  // Build here, with this process's environment, should sources have changed since the config's
  // build: the server below is given its own PUBLIC_SITE_URL, which must not reach a build.
  buildIfNeeded();
  // The same path as `npm start`: migrations, the sample catalogue on an empty database, then the server.
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR ?? dataDir,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      // Read at run time by the server (Stripe's success_url, e-mail links), so a payment on the fake
      // Stripe page comes back to this server; the build's canonical URLs keep their own default.
      PUBLIC_SITE_URL: baseUrl,
      // Requests may say which client they stand for (X-Forwarded-For), as behind one proxy.
      TRUST_PROXY_HOPS: '1',
      // The suites place many unpaid orders for one sample buyer; the per-buyer limit has its own contract test.
      MAX_UNPAID_ORDERS_PER_BUYER: '100000',
      STRIPE_SECRET_KEY: 'sk_test_e2e_fake',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: stripe.url,
      ADMIN_TOKEN,
    },
    stdio: ['ignore', openSync(serverLog, 'a'), 'inherit'],
  });
  await waitFor(`${baseUrl}/id/`, server, 600_000);
  // A fresh data directory serves before its sample pictures are drawn (pieces show their motif's
  // tile meanwhile); the suites look at the pictures, so wait for them.
  await waitForSamplePictures(baseUrl, server, 900_000);
  project.provide('baseUrl', baseUrl);
  project.provide('serverLog', serverLog);
  project.provide('adminToken', ADMIN_TOKEN);
  project.provide('webhookSecret', WEBHOOK_SECRET);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await stripe.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

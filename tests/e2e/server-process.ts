/**
 * Servers of a test's own, started the way `npm start` does (`node scripts/start.mjs`: migrations,
 * the sample catalogue on an empty database, then the built server in the same process), so a
 * test can kill one outright and start another on the same data. Not the shared server of
 * global-setup.ts: that one stays up for the other end-to-end tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** What the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGKILL, as a crash or an OOM killer would: no handler runs. Resolves with how it ended. */
  kill9(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const started = new Set<ChildProcess>();

/** Kills (SIGKILL) every server this module started that is still running: for afterAll. */
export async function killAllStarted(): Promise<void> {
  await Promise.all([...started].map((child) => exited(child, () => child.kill('SIGKILL'))));
}

function exited(child: ChildProcess, send: () => void): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once('exit', (code, signal) => resolve({ code, signal }));
    send();
  });
}

/**
 * Starts `node scripts/start.mjs` (with this Node, not through npm, so the child is the server
 * itself) on a free port, and waits until GET /id/ answers 200. `env` adds to (and overrides) a
 * clean environment: no Stripe, Meilisearch, SMTP or admin token from the caller's shell.
 */
export async function startServer(env: Record<string, string>, options: { readyTimeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      STRIPE_SECRET_KEY: '',
      STRIPE_WEBHOOK_SECRET: '',
      STRIPE_API_BASE: '',
      MEILISEARCH_HOST: '',
      SMTP_URL: '',
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_SITE_URL: 'http://localhost:4321',
      // Requests may say which client they stand for (X-Forwarded-For), as behind one proxy.
      TRUST_PROXY_HOPS: '1',
      // The suites place many unpaid orders for one sample buyer; the per-buyer limit has its own contract test.
      MAX_UNPAID_ORDERS_PER_BUYER: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const server: ServerProcess = {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => log,
    kill9: () => exited(child, () => child.kill('SIGKILL')),
    async stop(graceMs = 10_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited(child, () => child.kill('SIGTERM'));
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 300_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log}`);
    }
    try {
      const res = await fetch(`${server.baseUrl}/id/`);
      await res.arrayBuffer();
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await server.kill9();
  throw new Error(`the server did not answer ${server.baseUrl}/id/ in time:\n${log}`);
}

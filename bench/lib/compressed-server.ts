#!/usr/bin/env node
/**
 * The built app (dist/server/entry.mjs, or BENCH_APP_DIR's) served through `compressResponse`
 * (src/lib/ops/compression.ts): the Astro standalone handler inside a plain node:http server, as
 * a production wrapper would run it. PORT and HOST as for the standalone server. Used by
 * `BENCH_COMPRESS=1 npm run bench:lighthouse`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { compressResponse } from '../../src/lib/ops/compression.ts';
import { ENTRY } from './server.mjs';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(ENTRY).href)) as { handler: (req: IncomingMessage, res: ServerResponse) => void };
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const server = createServer((req, res) => {
  compressResponse(req, res);
  handler(req, res);
});
server.listen(port, host, () => console.log(`canting (compressed): http://${host}:${port}/ serving ${ENTRY}`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});

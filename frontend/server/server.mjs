// The web app's server in a cluster, and the front door there: serves the built app (dist/) and passes the API through
// to the functions — /api/v1/notifications… to notify, the rest of /api/v1 to task-crud — streaming responses as they
// come, so Server-Sent Events are not held back. No dependencies: Node's http module only.
//
//   PORT=8080 TASK_CRUD_URL=http://task-crud.kadence.svc NOTIFY_URL=http://notify.kadence.svc node server/server.mjs
//
// Same rules as the local platform's front door (local/…/frontdoor): hashed assets cached for a year, index.html never,
// any other path that is not a file gets index.html (the app's own routes).
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};
// Headers that belong to one hop, not to the request or response passed on.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade',
  'proxy-authorization', 'proxy-authenticate', 'host']);

/** Where a path goes: 'notify', 'task-crud', or null for the web app. */
export function route(path) {
  if (path === '/api/v1/notifications' || path.startsWith('/api/v1/notifications/')) {
    return 'notify';
  }
  if (path === '/api/v1' || path.startsWith('/api/v1/')) {
    return 'task-crud';
  }
  return null;
}

export function startServer({ port = 8080, host = '0.0.0.0', root, upstreams, log = console }) {
  const dist = resolve(root);
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://front-door').pathname;
    if (path === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok\n');
      return;
    }
    const target = route(path);
    if (target) {
      proxy(req, res, new URL(req.url, upstreams[target]), log);
    } else {
      serveFile(req, res, dist, path).catch((e) => {
        log.error(`serving ${path}: ${e.message}`);
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
        }
        res.end();
      });
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

async function serveFile(req, res, dist, path) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { 'Content-Type': 'text/plain', Allow: 'GET, HEAD' }).end('method not allowed\n');
    return;
  }
  let file = normalize(join(dist, decodeURIComponent(path)));
  if (!file.startsWith(dist + sep) || !(await isFile(file))) {
    file = join(dist, 'index.html');
  }
  const immutable = file.startsWith(join(dist, 'assets') + sep);
  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function proxy(req, res, target, log) {
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(name)) {
      headers[name] = value;
    }
  }
  headers['x-forwarded-for'] = req.socket.remoteAddress;
  headers['x-forwarded-proto'] = req.headers['x-forwarded-proto'] ?? 'http';
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: req.method, headers }, (answer) => {
    const passed = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!HOP_BY_HOP.has(name)) {
        passed[name] = value;
      }
    }
    res.writeHead(answer.statusCode, passed);
    res.flushHeaders();
    answer.pipe(res);       // chunk by chunk: an event stream is written as it is produced
  });
  upstream.on('error', (e) => {
    log.error(`${target.host} is not answering: ${e.message}`);
    if (!res.headersSent) {
      res.writeHead(502, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify({
        type: 'urn:kadence:problem:bad_gateway', title: 'Bad gateway', status: 502,
        detail: `${target.host} is not answering`, code: 'bad_gateway',
      }));
    } else {
      res.destroy();
    }
  });
  res.on('close', () => upstream.destroy());     // the browser left: end the upstream stream too
  req.pipe(upstream);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const need = (name) => process.env[name] ?? (() => { throw new Error(`${name} is not set`); })();
  const server = await startServer({
    port: Number(process.env.PORT ?? 8080),
    root: process.env.KADENCE_WEBAPP_DIR ?? resolve(fileURLToPath(import.meta.url), '../../dist'),
    upstreams: { 'task-crud': need('TASK_CRUD_URL'), notify: need('NOTIFY_URL') },
  });
  console.log(`kadence web app on :${server.address().port} (/api/v1 → ${process.env.TASK_CRUD_URL}, /api/v1/notifications → ${process.env.NOTIFY_URL})`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

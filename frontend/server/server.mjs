// The front door, in a cluster and on a laptop: serves the web app's build (dist/) and passes the API through to the
// functions — /api/v1/notifications… and /api/v1/channels… to notify; /api/v1/quick-add…, /api/v1/assistant… and /mcp to assistant; the
// rest of /api/v1 to task-crud — streaming responses as they come, so Server-Sent Events are not held back. The chart runs it as the webapp Service (frontend/Dockerfile); the local
// platform runs it as a child process (local/…/FrontDoorProcess.java). No dependencies: Node's http module only.
//
//   PORT=8080 TASK_CRUD_URL=http://task-crud.kadence.svc NOTIFY_URL=http://notify.kadence.svc \
//     ASSISTANT_URL=http://assistant.kadence.svc node server/server.mjs
//
// Environment: TASK_CRUD_URL, NOTIFY_URL and ASSISTANT_URL (required), PORT (8080), HOST (0.0.0.0, as a container needs; the local
// platform gives 127.0.0.1), KADENCE_WEBAPP_DIR (the build, ../dist from this file), KADENCE_TRUSTED_PROXIES (the
// proxies whose X-Forwarded-For and X-Forwarded-Proto are passed on: comma-separated CIDR blocks or addresses; loopback
// by default — in a pod, Knative's queue-proxy — and the chart adds the cluster's pod network).
//
// Client addresses: the functions find the client from the right of X-Forwarded-For (task-crud throttles logins per
// address), so the front door appends the address it was connected from. It keeps the header it was sent only when
// that connection came from a trusted proxy; anyone else's X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host,
// X-Real-IP and Forwarded are dropped, so a client cannot speak for another address.
//
// Serving rules: hashed assets (dist/assets/) cached for a year, index.html never; any other path that is not a file
// gets index.html (the app's own routes); without a build (no dist/index.html) a page says how to make one.
// Every answer carries the security headers (a Content-Security-Policy, no framing, no referrer, no powerful
// features); request bodies are streamed and cut off at 1 MiB (413; what the client still sends is read and dropped
// for a moment, so that it reads the answer), request lines over 4 KiB are a 414, heads over 8 KiB or 100 headers a
// 431 — each a problem+json, within the functions' own limits.
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import { Transform } from 'node:stream';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
// Headers that belong to one hop, not to the request or response passed on (RFC 9110 §7.6.1), and those a
// Connection header names. Expect is answered here (Node sends the 100 Continue), so it is not passed on either.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade',
  'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'host', 'expect']);
// How long requests in flight get to finish at SIGTERM/SIGINT. Event streams, which never finish by themselves, are
// ended at once (browsers reconnect).
const STOP_GRACE_MS = 2000;
// The event streams open through each server, to end at stop.
const STREAMS = new WeakMap();
/** The largest request body passed on: the functions' own limit (micronaut.server.max-request-size=1MB). */
export const MAX_BODY_BYTES = 1024 * 1024;
// The functions' own limits (Netty's defaults in Micronaut: max-initial-line-length 4096, max-header-size 8192), so that
// what passes here is not refused behind it.
/** The longest request line ("GET /api/v1/tasks?… HTTP/1.1"); a longer one is a 414. */
export const MAX_REQUEST_LINE_BYTES = 4096;
/** The request line and headers together; more is a 431. */
export const MAX_HEAD_BYTES = 8 * 1024;
/** The most header fields a request may have; more is a 431. */
export const MAX_HEADERS = 100;

/** The page shown instead of the app while it is not built (a fresh clone run before `mvn package`). */
export const NO_BUILD_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Kadence</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1b1f24; }
    code { background: #f1f3f5; padding: 0 .25rem; border-radius: 3px; }
  </style>
</head>
<body>
  <h1>Kadence is running</h1>
  <p>The web app has not been built: <code>mvn -q package -DskipTests</code> at the repository root builds it
     (into <code>frontend/dist</code>) with everything else; reload this page afterwards. The API is at
     <code>/api/v1</code> on this address; the repository README has a <code>curl</code> session.</p>
</body>
</html>
`;

// The style of the page above, by its hash: the one inline thing the front door serves.
const NO_BUILD_STYLE = /<style>([\s\S]*?)<\/style>/.exec(NO_BUILD_PAGE)[1];
const NO_BUILD_STYLE_HASH = `'sha256-${createHash('sha256').update(NO_BUILD_STYLE).digest('base64')}'`;

/**
 * The Content-Security-Policy of the web app's pages: its own scripts, styles and API only (Vite's build emits
 * external module scripts and stylesheets, nothing inline), the favicon as a data: URL, no plugins, no <base>, forms
 * only to itself, and no framing.
 */
export const APP_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; font-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
  + "form-action 'self'; frame-ancestors 'none'";
/** Everything else (API answers, problems, probes) is data, never a document: it may load nothing, nowhere framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
/** Powerful features the app does not use, denied to it and to anything it could embed. */
const PERMISSIONS = ['accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen',
  'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture',
  'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking'].map((f) => `${f}=()`).join(', ');
/**
 * The headers every answer carries, with its Content-Security-Policy: the front door's own and those passed on. Names
 * in lower case, as Node gives a response's headers, so that these replace a function's own rather than join them.
 */
export function securityHeaders(csp = API_CSP) {
  return {
    'content-security-policy': csp,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': PERMISSIONS,
  };
}

/** Whom the front door believes about a request's origin when nothing is configured: its own host. */
export const LOOPBACK_PROXIES = '127.0.0.0/8,::1/128';
/** Headers in which a client could claim another origin: passed on only from a trusted proxy. */
const ORIGIN_CLAIMS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'forwarded'];

/**
 * The trusted proxies of a KADENCE_TRUSTED_PROXIES value: CIDR blocks (10.244.0.0/16, fd00::/8) or addresses,
 * comma-separated. A wrong entry throws: a typo must not trust nobody, or everybody, without a word.
 */
export function trustedProxies(text = LOOPBACK_PROXIES) {
  const list = new BlockList();
  for (const entry of String(text).split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split('/');
    const family = address.includes('%') ? 0 : isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) || Number(prefix ?? bits) > bits) {
      throw new Error(`KADENCE_TRUSTED_PROXIES: not an address or CIDR block: '${entry}'`);
    }
    list.addSubnet(address, Number(prefix ?? bits), family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** The address a connection came from, an IPv4-mapped IPv6 address (::ffff:a.b.c.d) as its IPv4 address. */
function peerOf(req) {
  const address = req.socket.remoteAddress ?? '';
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/**
 * The origin headers to send on: X-Forwarded-For with the peer appended — to what a trusted proxy sent, else alone —
 * X-Forwarded-Proto as a trusted proxy said, else http, and X-Forwarded-Host as a trusted proxy said, else the Host
 * the client asked for (URLs a function hands out, a calendar feed's, name the front door, not the function). From
 * anyone else, every origin claim is dropped.
 */
export function originHeaders(headers, peer, trusted) {
  const claims = trusted(peer) ? headers : {};
  const forwardedFor = claims['x-forwarded-for'];
  const passed = Object.fromEntries(ORIGIN_CLAIMS.filter((name) => claims[name] !== undefined).map((name) => [name, claims[name]]));
  const host = claims['x-forwarded-host'] ?? headers.host;
  return { ...passed, 'x-forwarded-for': forwardedFor ? `${forwardedFor}, ${peer}` : peer,
    'x-forwarded-proto': claims['x-forwarded-proto'] ?? 'http', ...(host === undefined ? {} : { 'x-forwarded-host': host }) };
}

/** Which function owns which paths: a path goes to the first whose prefix it is (whole segments), else the web app. */
const ROUTES = [
  ['/api/v1/notifications', 'notify'],
  ['/api/v1/channels', 'notify'],
  ['/api/v1/quick-add', 'assistant'],
  ['/api/v1/assistant', 'assistant'],
  ['/mcp', 'assistant'],
  ['/api/v1', 'task-crud'],
];
/** The environment variable that holds each function's address. */
export const UPSTREAM_VARIABLES = { 'task-crud': 'TASK_CRUD_URL', notify: 'NOTIFY_URL', assistant: 'ASSISTANT_URL' };

/**
 * Whether a path means what it says: no %2F, %5C or backslash that a function might read as a separator, and no dot
 * segment once decoded — so /api/v1/..%2Fprometheus cannot reach past the routes above to a function's own endpoints.
 */
function plainPath(path) {
  if (/%2f|%5c|\\/i.test(path)) {
    return false;
  }
  try {
    return !decodeURIComponent(path).split('/').some((segment) => segment === '.' || segment === '..');
  } catch {
    return false;
  }
}

/** Where a path goes: 'notify', 'assistant', 'task-crud', or null for the web app. */
export function route(path) {
  const owner = ROUTES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  return owner ? owner[1] : null;
}

/**
 * The request target as a path and query. Always read as a path: a target such as //other-host/api/v1/… names no
 * host to pass the request to (it is a web-app path, as is an absolute-form http://… target).
 */
function target(req) {
  return new URL(`http://front-door${req.url.startsWith('/') ? '' : '/'}${req.url}`);
}

/** A problem+json answer of the front door's own, closing the connection when the request is not read to its end. */
function problem(res, status, code, title, detail, { close = false } = {}) {
  const body = JSON.stringify({ type: `urn:kadence:problem:${code}`, title, status, detail, code });
  res.writeHead(status, {
    ...securityHeaders(), 'Content-Type': 'application/problem+json', 'Content-Length': Buffer.byteLength(body),
    ...(close ? { Connection: 'close' } : {}),
  }).end(body);
}

/**
 * A 413. When the client has not sent the body (it asked with Expect: 100-continue) the connection is closed. When it
 * is sending it, the front door reads on and drops what comes for a while (a lingering close, as web servers do):
 * closed at once, the unread bytes made the connection reset, and a client still sending lost the answer before it
 * read it — a Java client, sending 1.1 MiB, did about one time in five (local/…/HostileInputTest). At most LINGER_BYTES
 * or LINGER_MS, then the connection is dropped, so a client cannot keep the front door reading.
 */
function tooLarge(res, maxBody, sending = null) {
  problem(res, 413, 'payload_too_large', 'The request body is too large', `the request body is over ${maxBody} bytes`,
    { close: !sending });
  if (sending) {
    linger(sending);
  }
}

/** How much of a refused body the front door still reads (and drops), and for how long. */
export const LINGER_BYTES = 4 * 1024 * 1024;
export const LINGER_MS = 2000;

function linger(req) {
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  let dropped = 0;
  req.on('data', (chunk) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) {
      clearTimeout(timer);
      socket.destroy();
    }
  });
  req.on('end', () => clearTimeout(timer));     // read to its end: the connection may serve the next request
  req.resume();
}

/** The body a request declares it has, when it says (Content-Length), and whether that is over the limit. */
function declaredTooLarge(req, maxBody) {
  return Number(req.headers['content-length'] ?? 0) > maxBody;
}

/**
 * A request the parser refused before there was a request to answer: a request line and headers over maxHeaderSize
 * are a 431, unless the request line alone is what is too long (no line end within its limit): then a 414.
 */
function refuse(err, socket) {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  let answer = [400, 'bad_request', 'Bad request', 'the request is not valid HTTP/1.1'];
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    const head = err.rawPacket ? err.rawPacket.toString('latin1') : '';
    const lineEnd = head.indexOf('\r\n');
    answer = lineEnd === -1 || lineEnd > MAX_REQUEST_LINE_BYTES
      ? [414, 'uri_too_long', 'The request target is too long', `the request line is over ${MAX_REQUEST_LINE_BYTES} bytes`]
      : [431, 'headers_too_large', 'The request headers are too large',
        `the request line and headers are over ${MAX_HEAD_BYTES} bytes`];
  } else if (err.code === 'HPE_URI_OVERFLOW') {
    answer = [414, 'uri_too_long', 'The request target is too long', `the request line is over ${MAX_REQUEST_LINE_BYTES} bytes`];
  }
  const [status, code, title, detail] = answer;
  const body = JSON.stringify({ type: `urn:kadence:problem:${code}`, title, status, detail, code });
  const headers = { ...securityHeaders(), 'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body), Connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
}

export function startServer({ port = 8080, host = '0.0.0.0', root, upstreams, log = console, maxBody = MAX_BODY_BYTES,
  proxies = trustedProxies() }) {
  const dist = resolve(root);
  const trusted = (address) => {
    const family = isIP(address);
    return family !== 0 && proxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
  const streams = new Set();
  // maxHeaderSize bounds the request line and the headers together; maxHeadersCount only drops the headers past it,
  // so one more is let in to tell "too many" from "as many as allowed".
  const server = createServer({ maxHeaderSize: MAX_HEAD_BYTES }, (req, res) => {
    // While stopping, a connection is closed as soon as its answer is out (keep-alive would hold the stop up).
    res.on('finish', () => setImmediate(() => server.listening || server.closeIdleConnections()));
    if (Buffer.byteLength(`${req.method} ${req.url} HTTP/1.1`) > MAX_REQUEST_LINE_BYTES) {
      problem(res, 414, 'uri_too_long', 'The request target is too long', `the request line is over ${MAX_REQUEST_LINE_BYTES} bytes`);
      return;
    }
    if (req.rawHeaders.length / 2 > MAX_HEADERS) {
      problem(res, 431, 'headers_too_large', 'The request headers are too large', `a request has at most ${MAX_HEADERS} headers`);
      return;
    }
    const url = target(req);
    const path = url.pathname;
    if (path === '/healthz') {
      res.writeHead(200, { ...securityHeaders(), 'Content-Type': 'text/plain' }).end('ok\n');
      return;
    }
    const upstream = route(path);
    if (upstream && !plainPath(path)) {
      problem(res, 400, 'bad_request', 'Bad request', 'an API path has no encoded slashes, backslashes or dot segments');
      return;
    }
    if (upstream) {
      proxy(req, res, new URL(path + url.search, upstreams[upstream]), { log, streams, maxBody, trusted });
    } else {
      serveFile(req, res, dist, path).catch((e) => {
        log.error(`serving ${path}: ${e.message}`);
        if (!res.headersSent) {
          res.writeHead(500, { ...securityHeaders(), 'Content-Type': 'text/plain' });
        }
        res.end();
      });
    }
  });
  server.maxHeadersCount = MAX_HEADERS + 1;
  // Expect: 100-continue: a body declared too large is refused before the client sends it.
  server.on('checkContinue', (req, res) => {
    if (declaredTooLarge(req, maxBody)) {
      tooLarge(res, maxBody);
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
  server.on('clientError', refuse);
  STREAMS.set(server, streams);
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok(server);
    });
  });
}

async function serveFile(req, res, dist, path) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...securityHeaders(), 'Content-Type': 'text/plain', Allow: 'GET, HEAD' })
      .end('method not allowed\n');
    return;
  }
  const index = join(dist, 'index.html');
  if (!(await isFile(index))) {
    send(req, res, 'text/html; charset=utf-8', 'no-store', Buffer.from(NO_BUILD_PAGE),
      APP_CSP.replace("style-src 'self'", `style-src ${NO_BUILD_STYLE_HASH}`));
    return;
  }
  let file = index;
  try {
    const named = normalize(join(dist, decodeURIComponent(path)));
    if (named.startsWith(dist + sep) && (await isFile(named))) {
      file = named;
    }
  } catch {
    // a malformed escape (%E0%A4) names no file: the app's page
  }
  const immutable = file.startsWith(join(dist, 'assets') + sep);
  send(req, res, TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    immutable ? 'public, max-age=31536000, immutable' : 'no-cache', await readFile(file));
}

function send(req, res, type, cache, body, csp = APP_CSP) {
  res.writeHead(200, {
    ...securityHeaders(csp),
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': cache,
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

/** The headers to pass on: all but the hop-by-hop ones and those the Connection header names. */
function passOn(headers) {
  const named = new Set(String(headers.connection ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean));
  const passed = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && !named.has(name)) {
      passed[name] = value;
    }
  }
  return passed;
}

/** Passes chunks on while their total is within max; the first chunk past it is dropped and over() is called. */
function limit(max, over) {
  let seen = 0;
  return new Transform({
    transform(chunk, encoding, done) {
      seen += chunk.length;
      if (seen > max) {
        over();
        done();
      } else {
        done(null, chunk);
      }
    },
  });
}

/**
 * Passes a request to its function and the answer back, both as streams: the body goes on chunk by chunk as it
 * arrives (with backpressure, so the front door holds a few chunks at most), and is cut off with a 413 as soon as it
 * passes maxBody — at once when its Content-Length says so.
 */
function proxy(req, res, target, { log, streams, maxBody, trusted }) {
  if (declaredTooLarge(req, maxBody)) {
    tooLarge(res, maxBody, req);
    return;
  }
  const headers = passOn(req.headers);
  ORIGIN_CLAIMS.forEach((name) => delete headers[name]);
  Object.assign(headers, originHeaders(req.headers, peerOf(req), trusted));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  let refused = false;
  const upstream = send(target, { method: req.method, headers }, (answer) => {
    // Content-Length passes on: the body is passed byte for byte. Without it, Node chunks the response itself.
    res.writeHead(answer.statusCode, { ...passOn(answer.headers), ...securityHeaders() });
    res.flushHeaders();     // an event stream's headers go out before its first event
    if (String(answer.headers['content-type']).startsWith('text/event-stream')) {
      streams.add(res);
      res.on('close', () => streams.delete(res));
    }
    answer.pipe(res);       // chunk by chunk: an event stream is written as it is produced
    // The function died mid-answer (a crash, kill -9, a new revision): cut the browser's answer off too. Left open, an
    // event stream would stay silent for good, and EventSource reconnects only when its connection ends.
    answer.on('close', () => {
      if (!answer.complete) {
        res.destroy();
      }
    });
  });
  upstream.on('error', (e) => {
    if (refused) {
      return;
    }
    log.error(`${target.host} is not answering: ${e.message}`);
    if (!res.headersSent) {
      problem(res, 502, 'bad_gateway', 'Bad gateway', `${target.host} is not answering`);
    } else {
      res.destroy();
    }
  });
  res.on('close', () => upstream.destroy());     // the browser left: end the upstream stream too
  const body = limit(maxBody, () => {
    refused = true;
    req.unpipe(body);
    upstream.destroy();
    if (res.headersSent) {
      res.destroy();
    } else {
      tooLarge(res, maxBody, req);
    }
  });
  req.pipe(body).pipe(upstream);
}

/** Stops accepting, ends the event streams, lets other requests in flight finish for a moment, then closes the rest. */
export function stopServer(server, graceMs = STOP_GRACE_MS) {
  return new Promise((ok) => {
    server.close(() => ok());
    server.closeIdleConnections();
    STREAMS.get(server)?.forEach((res) => res.destroy());
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const upstreams = {};
  for (const [fn, name] of Object.entries(UPSTREAM_VARIABLES)) {
    if (!process.env[name]) {
      console.error(`${name} is not set: the address of ${fn}`);
      process.exit(2);
    }
    upstreams[fn] = process.env[name];
  }
  const root = process.env.KADENCE_WEBAPP_DIR || resolve(fileURLToPath(import.meta.url), '../../dist');
  const host = process.env.HOST || '0.0.0.0';
  let proxies;
  try {
    proxies = trustedProxies(process.env.KADENCE_TRUSTED_PROXIES || LOOPBACK_PROXIES);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  let server;
  try {
    server = await startServer({ port: Number(process.env.PORT || 8080), host, root, upstreams, proxies });
  } catch (e) {
    console.error(`cannot listen on ${host}:${process.env.PORT || 8080}: ${e.message}`);
    process.exit(1);
  }
  const address = server.address();
  console.log(`kadence front door on ${address.address}:${address.port} serving ${root}`
    + ` (/api/v1 → ${upstreams['task-crud']}, /api/v1/notifications, /api/v1/channels → ${upstreams.notify},`
    + ` /api/v1/quick-add, /api/v1/assistant, /mcp → ${upstreams.assistant})`);
  const stop = () => stopServer(server).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

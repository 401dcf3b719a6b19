// The front door (the cluster's and the laptop's) against fake upstreams: routing, streaming, the app's files and
// fallbacks, header handling, security headers, limits on bodies, targets and headers, and the server as a process (its
// environment, its address, its stop).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { API_CSP, APP_CSP, MAX_BODY_BYTES, NO_BUILD_PAGE, route, startServer, stopServer, trustedProxies } from './server.mjs';

const SERVER = fileURLToPath(new URL('./server.mjs', import.meta.url));

let front;
let fakes = [];
let base;
// What the fake upstreams' /api/v1/count-body saw: requests, and the bytes of the latest body so far.
const received = { requests: 0, bytes: 0 };

function fake(name) {
  return new Promise((ok) => {
    const server = createServer((req, res) => {
      if (req.url.startsWith('/api/v1/notifications/stream-that-dies')) {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write(': connected\n\n');
        setTimeout(() => res.socket.destroy(), 100);    // as when its process is killed: no end of the chunked body
        return;
      }
      if (req.url.startsWith('/api/v1/notifications/stream')) {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write(': connected\n\n');
        setTimeout(() => res.end('id: 1\nevent: notification\ndata: {}\n\n'), 300);
        return;
      }
      if (req.url.startsWith('/api/v1/echo-headers')) {
        res.writeHead(200, { 'Content-Type': 'application/json', Connection: 'keep-alive, x-upstream-hop', 'X-Upstream-Hop': 'one hop',
          'Keep-Alive': 'timeout=5' }).end(JSON.stringify(req.headers));
        return;
      }
      if (req.url.startsWith('/api/v1/own-policy')) {
        res.writeHead(200, { 'Content-Security-Policy': "default-src *", 'X-Frame-Options': 'SAMEORIGIN' }).end('{}');
        return;
      }
      if (req.url.startsWith('/api/v1/count-body')) {
        received.requests += 1;
        let bytes = 0;
        req.on('data', (c) => { bytes += c.length; received.bytes = bytes; });
        req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ bytes })));
        return;
      }
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json', 'X-Upstream': name })
        .end(JSON.stringify({ name, method: req.method, url: req.url, body, auth: req.headers.authorization ?? null })));
    });
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

before(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'kadence-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Kadence</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  fakes = [await fake('task-crud'), await fake('notify'), await fake('elsewhere'), await fake('assistant')];
  const url = (s) => `http://127.0.0.1:${s.address().port}`;
  front = await startServer({ port: 0, host: '127.0.0.1', root: dist,
    upstreams: { 'task-crud': url(fakes[0]), notify: url(fakes[1]), assistant: url(fakes[3]) },
    log: { error() {} } });
  base = `http://127.0.0.1:${front.address().port}`;
});

after(() => {
  front?.close();
  fakes.forEach((s) => s.close());
});

/** One raw request, for what fetch() will not send (a HEAD's missing body, odd request targets, hop-by-hop headers). */
function raw(path, { method = 'GET', headers = {}, port = Number(new URL(base).port) } = {}) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** server.mjs as its own process, as the chart and the local platform run it; resolves once it listens. */
function runServer(env) {
  const child = spawn(process.execPath, [SERVER], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal, output })));
  const listening = new Promise((ok, fail) => {
    const seen = (c) => {
      output += c;
      const port = /front door on ([\d.:a-f]+):(\d+)/.exec(output);
      if (port) {
        ok({ address: port[1], port: Number(port[2]) });
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    exited.then(() => fail(new Error(`server.mjs exited: ${output}`)));
  });
  listening.catch(() => {});     // a test that expects the exit awaits `exited` instead
  return { child, listening, exited };
}

test('routes notifications and channels to notify and the rest of the API to task-crud', () => {
  assert.equal(route('/api/v1/notifications'), 'notify');
  assert.equal(route('/api/v1/notifications/stream'), 'notify');
  assert.equal(route('/api/v1/notificationsx'), 'task-crud');
  assert.equal(route('/api/v1/channels'), 'notify');
  assert.equal(route('/api/v1/channels/5f0c/test'), 'notify');
  assert.equal(route('/api/v1/channelsx'), 'task-crud');
  assert.equal(route('/api/v1/tasks'), 'task-crud');
  assert.equal(route('/api/v2/tasks'), null);
  assert.equal(route('/settings'), null);
});

test('routes quick add, the assistant and MCP to assistant', async () => {
  for (const path of ['/api/v1/quick-add/parse', '/api/v1/quick-add', '/api/v1/assistant/messages',
    '/api/v1/assistant/conversations/c1', '/mcp', '/mcp/']) {
    assert.equal(route(path), 'assistant', path);
  }
  assert.equal(route('/api/v1/quick-adder'), 'task-crud');
  assert.equal(route('/api/v1/assistants'), 'task-crud');
  assert.equal(route('/mcpx'), null);
  assert.equal(route('/api/v1/mcp'), 'task-crud');
  const parsed = await fetch(`${base}/api/v1/quick-add/parse`, {
    method: 'POST', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: '{"text":"Call mom"}',
  });
  assert.equal(parsed.headers.get('x-upstream'), 'assistant');
  assert.deepEqual(await parsed.json(), { name: 'assistant', method: 'POST', url: '/api/v1/quick-add/parse',
    body: '{"text":"Call mom"}', auth: 'Bearer t' });
  const mcp = await (await fetch(`${base}/mcp`, { method: 'POST', body: '{"jsonrpc":"2.0"}' })).json();
  assert.equal(mcp.name, 'assistant');
  assert.equal(mcp.url, '/mcp');
});

test('passes requests through with their method, query, body and authorization', async () => {
  const answer = await fetch(`${base}/api/v1/tasks?sort_by=priority`, {
    method: 'POST', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: '{"title":"x"}',
  });
  const seen = await answer.json();
  assert.deepEqual(seen, { name: 'task-crud', method: 'POST', url: '/api/v1/tasks?sort_by=priority', body: '{"title":"x"}', auth: 'Bearer t' });
  assert.equal((await (await fetch(`${base}/api/v1/notifications?unread=true`)).json()).name, 'notify');
});

test('streams an event stream as it is produced', async () => {
  const answer = await fetch(`${base}/api/v1/notifications/stream?ticket=t`);
  assert.equal(answer.headers.get('content-type'), 'text/event-stream');
  const reader = answer.body.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  assert.equal(first, ': connected\n\n', 'the first chunk arrives before the upstream ends');
  let rest = '';
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    rest += new TextDecoder().decode(r.value);
  }
  assert.match(rest, /event: notification/);
});

test('an event stream whose function dies mid-stream ends for the client too, so that it reconnects', async () => {
  const answer = await fetch(`${base}/api/v1/notifications/stream-that-dies?ticket=t`);
  assert.equal(answer.status, 200);
  const reader = answer.body.getReader();
  assert.equal(new TextDecoder().decode((await reader.read()).value), ': connected\n\n');
  const ended = (async () => {
    try {
      while (!(await reader.read()).done) { /* nothing more comes */ }
      return 'ended';
    } catch {
      return 'cut off';
    }
  })();
  const silent = new Promise((ok) => setTimeout(() => ok('still open'), 3000).unref());
  assert.equal(await Promise.race([ended, silent]), 'cut off', 'the client is told, not left waiting on a dead stream');
});

test('serves the app: assets cached for good, index.html for the app routes and never cached', async () => {
  const asset = await fetch(`${base}/assets/app-1234.js`);
  assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.match(asset.headers.get('content-type'), /javascript/);
  const page = await fetch(`${base}/settings`);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  assert.match(await page.text(), /<title>Kadence<\/title>/);
  const escape = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
  assert.match(await escape.text(), /<title>Kadence<\/title>/, 'nothing outside dist');
  assert.equal((await fetch(`${base}/healthz`)).status, 200);
});

test('an upstream that does not answer is a 502 problem', async () => {
  const gone = await startServer({ port: 0, host: '127.0.0.1', root: tmpdir(),
    upstreams: { 'task-crud': 'http://127.0.0.1:9', notify: 'http://127.0.0.1:9' }, log: { error() {} } });
  try {
    const answer = await fetch(`http://127.0.0.1:${gone.address().port}/api/v1/tasks`);
    assert.equal(answer.status, 502);
    assert.equal((await answer.json()).code, 'bad_gateway');
  } finally {
    gone.close();
  }
});

test('HEAD: the headers a GET would have, no body, for files and through to the API', async () => {
  const get = await raw('/assets/app-1234.js');
  const head = await raw('/assets/app-1234.js', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.equal(head.headers['content-length'], String(get.body.length));
  assert.equal(head.headers['content-type'], get.headers['content-type']);
  const api = await raw('/api/v1/tasks', { method: 'HEAD' });
  assert.equal(api.status, 200);
  assert.equal(api.headers['x-upstream'], 'task-crud');
  assert.equal(api.body, '');
});

test('the web app takes only GET and HEAD', async () => {
  const answer = await fetch(`${base}/settings`, { method: 'POST', body: 'x' });
  assert.equal(answer.status, 405);
  assert.equal(answer.headers.get('allow'), 'GET, HEAD');
});

test('hop-by-hop headers stay on their hop, both ways; the rest passes', async () => {
  const answer = await raw('/api/v1/echo-headers', { headers: {
    Connection: 'keep-alive, x-client-hop', 'X-Client-Hop': 'secret', 'Keep-Alive': 'timeout=5', TE: 'trailers',
    'Proxy-Authorization': 'Basic eA==', 'X-Request-Id': 'r-1', Authorization: 'Bearer t',
  } });
  const seen = JSON.parse(answer.body);
  for (const name of ['x-client-hop', 'keep-alive', 'te', 'proxy-authorization']) {
    assert.equal(seen[name], undefined, `${name} is not passed on`);
  }
  assert.equal(seen['x-request-id'], 'r-1');
  assert.equal(seen.authorization, 'Bearer t');
  assert.equal(seen['x-forwarded-for'], '127.0.0.1');
  assert.equal(seen['x-forwarded-proto'], 'http');
  assert.equal(seen['x-forwarded-host'], new URL(base).host, 'the function learns the Host the client asked for');
  assert.match(seen.host, /^127\.0\.0\.1:\d+$/, 'the upstream gets its own Host');
  assert.notEqual(seen.host, new URL(base).host);
  assert.equal(answer.headers['x-upstream-hop'], undefined, 'a response header the upstream named in Connection');
  assert.equal(answer.headers['content-type'], 'application/json');
});

test('X-Forwarded-For: the peer is appended; what the client sent is kept only from a trusted proxy', async () => {
  const claims = { 'X-Forwarded-For': '203.0.113.9, 10.244.1.4', 'X-Forwarded-Proto': 'https',
    'X-Forwarded-Host': 'kadence.example.com', 'X-Real-IP': '192.0.2.1', Forwarded: 'for=192.0.2.1' };
  // The test's client is on 127.0.0.1, as queue-proxy is in a pod: a trusted proxy by default.
  const trustedPeer = JSON.parse((await raw('/api/v1/echo-headers', { headers: claims })).body);
  assert.equal(trustedPeer['x-forwarded-for'], '203.0.113.9, 10.244.1.4, 127.0.0.1');
  assert.equal(trustedPeer['x-forwarded-proto'], 'https');
  assert.equal(trustedPeer['x-forwarded-host'], 'kadence.example.com');
  const twoHeaders = JSON.parse((await raw('/api/v1/echo-headers', { headers: { 'X-Forwarded-For': ['198.51.100.1', '10.244.1.4'] } })).body);
  assert.equal(twoHeaders['x-forwarded-for'], '198.51.100.1, 10.244.1.4, 127.0.0.1', 'several headers read as one list');

  // A front door that trusts only the pod network: the same client is nobody's proxy, and its claims go.
  const url = (s) => `http://127.0.0.1:${s.address().port}`;
  const strict = await startServer({ port: 0, host: '127.0.0.1', root: tmpdir(), log: { error() {} },
    upstreams: { 'task-crud': url(fakes[0]), notify: url(fakes[1]), assistant: url(fakes[3]) },
    proxies: trustedProxies('10.244.0.0/16') });
  try {
    const untrustedPeer = JSON.parse((await raw('/api/v1/echo-headers', { headers: claims, port: strict.address().port })).body);
    assert.equal(untrustedPeer['x-forwarded-for'], '127.0.0.1', 'a spoofed X-Forwarded-For is dropped, the peer stands alone');
    assert.equal(untrustedPeer['x-forwarded-proto'], 'http');
    assert.equal(untrustedPeer['x-forwarded-host'], `127.0.0.1:${strict.address().port}`,
      'a spoofed X-Forwarded-Host is replaced by the Host the client asked for');
    for (const name of ['x-real-ip', 'forwarded']) {
      assert.equal(untrustedPeer[name], undefined, `${name} from an untrusted peer is not passed on`);
    }
  } finally {
    strict.close();
  }
});

test('KADENCE_TRUSTED_PROXIES: CIDR blocks and addresses, IPv4 and IPv6; a wrong entry is an error', async () => {
  const proxies = trustedProxies(' 127.0.0.0/8, ::1/128,10.244.0.0/16 , fd00:10:244::/56,192.0.2.7');
  for (const [address, family, expected] of [['127.0.0.1', 'ipv4', true], ['10.244.200.1', 'ipv4', true],
    ['10.245.0.1', 'ipv4', false], ['192.0.2.7', 'ipv4', true], ['192.0.2.8', 'ipv4', false], ['::1', 'ipv6', true],
    ['fd00:10:244::9', 'ipv6', true], ['fd00:10:245::9', 'ipv6', false], ['::ffff:10.244.0.1', 'ipv6', true]]) {
    assert.equal(proxies.check(address, family), expected, address);
  }
  for (const wrong of ['10.244.0.0/33', '10.244.0/16', 'pods', '::1/129', 'fe80::1%eth0', '10.0.0.0/8/8', '10.0.0.1/x']) {
    assert.throws(() => trustedProxies(`127.0.0.0/8,${wrong}`), new RegExp(`not an address or CIDR block: '${wrong.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'`));
  }
  const url = (s) => `http://127.0.0.1:${s.address().port}`;
  const bad = await runServer({ HOST: '127.0.0.1', PORT: '0', KADENCE_TRUSTED_PROXIES: '127.0.0.0/8,pods',
    TASK_CRUD_URL: url(fakes[0]), NOTIFY_URL: url(fakes[1]), ASSISTANT_URL: url(fakes[3]) }).exited;
  assert.equal(bad.code, 2);
  assert.match(bad.output, /KADENCE_TRUSTED_PROXIES: not an address or CIDR block: 'pods'/);
});

test('the functions\' own endpoints are not routed: metrics, health, deliveries and Dapr calls stay inside', async () => {
  const own = ['/prometheus', '/health', '/health/readiness', '/health/liveness', '/events', '/reminder-sweep',
    '/job/reminder-1', '/openapi/task-crud.yml'];
  for (const path of own) {
    assert.equal(route(path), null, path);
  }
  for (const path of ['/prometheus', '/health', '/health/readiness']) {
    const answer = await raw(path);
    assert.equal(answer.status, 200, path);
    assert.match(answer.body, /<title>Kadence<\/title>/, `${path} is an app route, not a function's`);
  }
  for (const path of ['/reminder-sweep', '/events', '/job/reminder-1']) {
    assert.equal((await raw(path, { method: 'POST' })).status, 405, `${path}: the web app takes GET and HEAD only`);
  }
  // Through an API prefix, by dot segments: resolved before routing (the app page), or refused when encoded.
  assert.match((await raw('/api/v1/%2e%2e/prometheus')).body, /<title>Kadence<\/title>/);
  assert.match((await raw('/api/v1/tasks/../../prometheus')).body, /<title>Kadence<\/title>/);
  for (const path of ['/api/v1/..%2fprometheus', '/api/v1/..%2Fprometheus', '/api/v1/tasks%2F..%2F..%2Fprometheus',
    '/api/v1/..%5cprometheus', '/api/v1/%2e%2e%2f../prometheus', '/mcp/..%2Fhealth']) {
    const answer = await raw(path);
    assert.equal(answer.status, 400, path);
    assert.equal(JSON.parse(answer.body).code, 'bad_request', path);
  }
});

test('a request target is always a path here: //host/… is not passed to that host', async () => {
  const elsewhere = `127.0.0.1:${fakes[2].address().port}`;
  const answer = await raw(`//${elsewhere}/api/v1/tasks`);
  assert.equal(answer.status, 200);
  assert.match(answer.body, /<title>Kadence<\/title>/, 'the app page, not the other host');
  const absolute = await raw(`http://${elsewhere}/api/v1/tasks`);
  assert.match(absolute.body, /<title>Kadence<\/title>/);
  assert.equal((await raw('/%E0%A4%A')).status, 200, 'a malformed escape is the app page too');
});

test('without a build, every web-app path shows how to make one (its style allowed by hash); the API still passes', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'kadence-nobuild-'));
  const url = (s) => `http://127.0.0.1:${s.address().port}`;
  const server = await startServer({ port: 0, host: '127.0.0.1', root: empty,
    upstreams: { 'task-crud': url(fakes[0]), notify: url(fakes[1]) }, log: { error() {} } });
  try {
    for (const path of ['/', '/settings', '/assets/app-1234.js']) {
      const page = await fetch(`${url(server)}${path}`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('cache-control'), 'no-store', 'a build made meanwhile shows on reload');
      assert.equal(await page.text(), NO_BUILD_PAGE);
    }
    assert.match(NO_BUILD_PAGE, /mvn -q package -DskipTests/);
    const csp = (await fetch(`${url(server)}/`)).headers.get('content-security-policy');
    const style = createHash('sha256').update(/<style>([\s\S]*?)<\/style>/.exec(NO_BUILD_PAGE)[1]).digest('base64');
    assert.ok(csp.includes(`style-src 'sha256-${style}'`), `its one inline style is allowed by hash: ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal((await (await fetch(`${url(server)}/api/v1/tasks`)).json()).name, 'task-crud');
    writeFileSync(join(empty, 'index.html'), '<!doctype html><title>Built</title>');
    assert.match(await (await fetch(`${url(server)}/`)).text(), /Built/, 'a build is picked up without a restart');
  } finally {
    server.close();
  }
});

test('as a process: listens where HOST and PORT say, serves KADENCE_WEBAPP_DIR, and stops at SIGTERM with a stream open', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'kadence-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>From KADENCE_WEBAPP_DIR</title>');
  const url = (s) => `http://127.0.0.1:${s.address().port}`;
  const { child, listening, exited } = runServer({ HOST: '127.0.0.1', PORT: '0', KADENCE_WEBAPP_DIR: dist,
    TASK_CRUD_URL: url(fakes[0]), NOTIFY_URL: url(fakes[1]), ASSISTANT_URL: url(fakes[3]) });
  const { address, port } = await listening;
  assert.equal(address, '127.0.0.1', 'the local platform binds the loopback only');
  assert.match(await (await fetch(`http://127.0.0.1:${port}/`)).text(), /From KADENCE_WEBAPP_DIR/);
  assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
  const stream = await fetch(`http://127.0.0.1:${port}/api/v1/notifications/stream?ticket=t`);
  const reader = stream.body.getReader();
  assert.equal(new TextDecoder().decode((await reader.read()).value), ': connected\n\n');
  const stopped = Date.now();
  child.kill('SIGTERM');
  const exit = await exited;
  assert.equal(exit.code, 0, exit.output);
  assert.ok(Date.now() - stopped < 5000, `stopped in ${Date.now() - stopped} ms`);
  reader.cancel().catch(() => {});
});

test('as a process: a missing upstream address or a taken port is a clear error and a non-zero exit', async () => {
  const missing = await runServer({ NOTIFY_URL: 'http://127.0.0.1:9', ASSISTANT_URL: 'http://127.0.0.1:9' }).exited;
  assert.equal(missing.code, 2);
  assert.match(missing.output, /TASK_CRUD_URL is not set/);
  const noAssistant = await runServer({ TASK_CRUD_URL: 'http://127.0.0.1:9', NOTIFY_URL: 'http://127.0.0.1:9' }).exited;
  assert.equal(noAssistant.code, 2);
  assert.match(noAssistant.output, /ASSISTANT_URL is not set: the address of assistant/);
  const taken = await runServer({ HOST: '127.0.0.1', PORT: String(front.address().port),
    TASK_CRUD_URL: 'http://127.0.0.1:9', NOTIFY_URL: 'http://127.0.0.1:9', ASSISTANT_URL: 'http://127.0.0.1:9' }).exited;
  assert.equal(taken.code, 1);
  assert.match(taken.output, /cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
});

test('stopServer ends event streams at once, and gives other requests in flight their grace', async () => {
  const url = (s) => `http://127.0.0.1:${s.address().port}`;
  const slow = await new Promise((ok) => {
    const server = createServer((req, res) => setTimeout(() => res.end('slow answer'), 500));
    server.listen(0, '127.0.0.1', () => ok(server));
  });
  const server = await startServer({ port: 0, host: '127.0.0.1', root: tmpdir(),
    upstreams: { 'task-crud': url(slow), notify: url(fakes[1]) }, log: { error() {} } });
  try {
    const stream = await fetch(`${url(server)}/api/v1/notifications/stream?ticket=t`);
    const reader = stream.body.getReader();
    await reader.read();
    const inFlight = fetch(`${url(server)}/api/v1/tasks`).then((r) => r.text());
    await new Promise((ok) => setTimeout(ok, 100));
    const begun = Date.now();
    const stopped = stopServer(server, 5000);
    await assert.rejects(reader.read(), 'the stream is ended at once, not after the grace');
    assert.ok(Date.now() - begun < 300, `the stream ended after ${Date.now() - begun} ms`);
    assert.equal(await inFlight, 'slow answer', 'a request in flight is answered');
    await stopped;
    assert.ok(Date.now() - begun < 2000, 'and the server stops once it is');
  } finally {
    slow.close();
  }
});

/** The security headers every answer carries, with the given Content-Security-Policy. */
function assertSecurityHeaders(headers, csp, what) {
  const get = (name) => (typeof headers.get === 'function' ? headers.get(name) : headers[name]);
  assert.equal(get('content-security-policy'), csp, what);
  assert.equal(get('x-frame-options'), 'DENY', what);
  assert.equal(get('x-content-type-options'), 'nosniff', what);
  assert.equal(get('referrer-policy'), 'no-referrer', what);
  assert.match(get('permissions-policy') ?? '', /camera=\(\), .*geolocation=\(\), .*microphone=\(\)/, what);
}

test('every answer carries the security headers: the app\'s CSP on its files, a CSP that loads nothing on the rest', async () => {
  for (const path of ['/', '/settings', '/assets/app-1234.js']) {
    assertSecurityHeaders((await fetch(`${base}${path}`)).headers, APP_CSP, path);
  }
  assert.match(APP_CSP, /frame-ancestors 'none'/);
  assert.match(APP_CSP, /script-src 'self';/);
  assert.doesNotMatch(APP_CSP, /unsafe-inline|unsafe-eval/);
  assertSecurityHeaders((await fetch(`${base}/api/v1/tasks`)).headers, API_CSP, 'a proxied API answer');
  assertSecurityHeaders((await fetch(`${base}/api/v1/notifications/stream?ticket=t`)).headers, API_CSP, 'an event stream');
  assertSecurityHeaders((await fetch(`${base}/healthz`)).headers, API_CSP, '/healthz');
  const own = await raw('/api/v1/own-policy');
  assert.equal(own.headers['content-security-policy'], API_CSP, 'a function\'s own policy is replaced, not joined');
  assert.equal(own.headers['x-frame-options'], 'DENY');
  assertSecurityHeaders((await fetch(`${base}/settings`, { method: 'POST', body: 'x' })).headers, API_CSP, 'a 405');
  const gone = await startServer({ port: 0, host: '127.0.0.1', root: tmpdir(),
    upstreams: { 'task-crud': 'http://127.0.0.1:9', notify: 'http://127.0.0.1:9' }, log: { error() {} } });
  try {
    assertSecurityHeaders((await fetch(`http://127.0.0.1:${gone.address().port}/api/v1/tasks`)).headers, API_CSP, 'a 502');
  } finally {
    gone.close();
  }
});

/** A body of `size` bytes made as it is read, so the test itself holds no more than a chunk of it. */
function lazyBody(size, counter = { sent: 0 }) {
  return new Readable({
    read() {
      if (counter.sent >= size) {
        this.push(null);
        return;
      }
      const chunk = Buffer.alloc(Math.min(64 * 1024, size - counter.sent), 120);
      counter.sent += chunk.length;
      this.push(chunk);
    },
  });
}

/** POSTs a streamed body of `size` bytes; resolves with the answer, or with the error once the front door hung up. */
function postStreamed(port, path, size, headers = {}) {
  const counter = { sent: 0 };
  return new Promise((ok) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body, sent: counter.sent }));
    });
    req.on('error', (e) => ok({ error: e.code, sent: counter.sent }));
    lazyBody(size, counter).pipe(req);
  });
}

test('a body over the limit is a 413 problem as soon as it passes the limit, and the rest is not read', async () => {
  const port = Number(new URL(base).port);
  const big = 200 * 1024 * 1024;
  const chunked = await postStreamed(port, '/api/v1/count-body', big);
  assert.equal(chunked.status, 413, JSON.stringify(chunked));
  assert.equal(chunked.headers['content-type'], 'application/problem+json');
  assert.equal(JSON.parse(chunked.body).code, 'payload_too_large');
  assertSecurityHeaders(chunked.headers, API_CSP, 'a 413');
  assert.ok(chunked.sent < big / 4, `the client got to send ${chunked.sent} bytes`);
  assert.ok(received.bytes <= MAX_BODY_BYTES, `the upstream got ${received.bytes} bytes`);

  const requests = received.requests;
  const declared = await postStreamed(port, '/api/v1/count-body', big, { 'Content-Length': String(big) });
  assert.equal(declared.status, 413, JSON.stringify(declared));
  assert.equal(JSON.parse(declared.body).code, 'payload_too_large');
  const expecting = await postStreamed(port, '/api/v1/count-body', big,
    { 'Content-Length': String(big), Expect: '100-continue' });
  assert.equal(expecting.status, 413, 'refused before the body is sent');
  assert.equal(received.requests, requests, 'a body declared too large never reaches the function');

  const within = await postStreamed(port, '/api/v1/count-body', MAX_BODY_BYTES);
  assert.equal(within.status, 200);
  assert.deepEqual(JSON.parse(within.body), { bytes: MAX_BODY_BYTES }, 'a body at the limit passes whole');
});

test('a client that sends all of a body too large before it reads still reads the 413, ten times out of ten', async () => {
  const port = Number(new URL(base).port);
  const size = MAX_BODY_BYTES + 100 * 1024;
  for (let i = 0; i < 10; i++) {
    const answer = await new Promise((ok, fail) => {
      const socket = connect(port, '127.0.0.1');
      const chunks = [];
      socket.pause();     // reads nothing until all is sent, as a client that writes its body first (Java's does)
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', fail);     // a reset: the answer lost
      socket.on('end', () => ok(Buffer.concat(chunks).toString('latin1')));
      socket.write(`POST /api/v1/count-body HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
      const chunk = Buffer.alloc(16 * 1024, 'x');
      let sent = 0;
      const more = () => {     // 16 KiB at a time, as the connection takes them: the 413 is out long before the last
        if (sent >= size) {
          socket.resume();
          socket.end();
          return;
        }
        const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += piece.length;
        socket.write(piece, (e) => (e ? fail(e) : setImmediate(more)));
      };
      more();
    });
    assert.match(answer, /^HTTP\/1\.1 413 /, `attempt ${i + 1}: ${answer.slice(0, 80)}`);
    assert.match(answer, /"code":"payload_too_large"/);
  }
});

test('a body is passed on as a stream: 128 MiB through the front door leave its memory flat', async () => {
  const url = (s) => `http://127.0.0.1:${s.address().port}`;
  const server = await startServer({ port: 0, host: '127.0.0.1', root: tmpdir(), maxBody: 1024 * 1024 * 1024,
    upstreams: { 'task-crud': url(fakes[0]), notify: url(fakes[1]) }, log: { error() {} } });
  try {
    const size = 128 * 1024 * 1024;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampling = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
    const answer = await postStreamed(server.address().port, '/api/v1/count-body', size);
    clearInterval(sampling);
    peak = Math.max(peak, process.memoryUsage().rss);
    assert.deepEqual(JSON.parse(answer.body), { bytes: size }, 'every byte arrived');
    const grown = (peak - before) / (1024 * 1024);
    assert.ok(grown < 48, `memory grew by ${grown.toFixed(0)} MiB while 128 MiB passed through`);
  } finally {
    server.close();
  }
});

/** Sends `text` as it is on a new connection; resolves with the status line, headers and problem once the server closes. */
function rawHttp(text) {
  return new Promise((ok, fail) => {
    const socket = connect(Number(new URL(base).port), '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (c) => { answer += c; });
    socket.on('end', () => {
      const [head, body] = answer.split('\r\n\r\n');
      const [statusLine, ...fields] = head.split('\r\n');
      const headers = Object.fromEntries(fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()]));
      ok({ statusLine, headers, problem: headers['content-type'] === 'application/problem+json' ? JSON.parse(body) : null });
    });
    socket.on('error', fail);
  });
}

test('a request line over 4 KiB is a 414, a request line and headers over 8 KiB or over 100 headers a 431', async () => {
  for (const length of [4068, 9000, 200_000]) {
    const answer = await rawHttp(`GET /api/v1/tasks?q=${'a'.repeat(length)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.equal(answer.statusLine, 'HTTP/1.1 414 URI Too Long', `a query of ${length} bytes`);
    assert.equal(answer.problem.code, 'uri_too_long');
    assert.equal(answer.headers['content-type'], 'application/problem+json');
    assertSecurityHeaders(answer.headers, API_CSP, 'a 414');
  }
  const big = await rawHttp(`GET /api/v1/tasks HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(9000)}\r\n\r\n`);
  assert.equal(big.statusLine, 'HTTP/1.1 431 Request Header Fields Too Large');
  assert.equal(big.problem.code, 'headers_too_large');
  assertSecurityHeaders(big.headers, API_CSP, 'a 431');
  const fields = (n) => Array.from({ length: n }, (_, i) => `X-Field-${i}: v\r\n`).join('');
  const many = await rawHttp(`GET /api/v1/tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${fields(99)}\r\n`);
  assert.equal(many.statusLine, 'HTTP/1.1 431 Request Header Fields Too Large');
  assert.equal(many.problem.code, 'headers_too_large');
  const longest = await rawHttp(`GET /api/v1/tasks?q=${'a'.repeat(4096 - 29)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  assert.equal(longest.statusLine, 'HTTP/1.1 200 OK', 'a request line of 4096 bytes passes');
  const enough = await rawHttp(`GET /api/v1/tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${fields(98)}\r\n`);
  assert.equal(enough.statusLine, 'HTTP/1.1 200 OK', '100 headers pass');
});

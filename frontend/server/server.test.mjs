// The cluster front door against fake upstreams: routing, streaming, the app's files and fallbacks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { route, startServer } from './server.mjs';

let front;
let fakes = [];
let base;

function fake(name) {
  return new Promise((ok) => {
    const server = createServer((req, res) => {
      if (req.url.startsWith('/api/v1/notifications/stream')) {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write(': connected\n\n');
        setTimeout(() => res.end('id: 1\nevent: notification\ndata: {}\n\n'), 300);
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
  fakes = [await fake('task-crud'), await fake('notify')];
  const url = (s) => `http://127.0.0.1:${s.address().port}`;
  front = await startServer({ port: 0, host: '127.0.0.1', root: dist, upstreams: { 'task-crud': url(fakes[0]), notify: url(fakes[1]) },
    log: { error() {} } });
  base = `http://127.0.0.1:${front.address().port}`;
});

after(() => {
  front?.close();
  fakes.forEach((s) => s.close());
});

test('routes notifications to notify and the rest of the API to task-crud', () => {
  assert.equal(route('/api/v1/notifications'), 'notify');
  assert.equal(route('/api/v1/notifications/stream'), 'notify');
  assert.equal(route('/api/v1/notificationsx'), 'task-crud');
  assert.equal(route('/api/v1/tasks'), 'task-crud');
  assert.equal(route('/api/v2/tasks'), null);
  assert.equal(route('/settings'), null);
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

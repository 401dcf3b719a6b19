// The web app as a person uses it, in headless Chromium (Debian's, driven by playwright-core), against a running
// Kadence (the local platform; local/WebAppEndToEndTest starts one and runs this file with node --test).
//
//   KADENCE_URL=http://127.0.0.1:8080 node --test e2e/webapp.e2e.mjs     # against `java -jar local/target/kadence-local.jar`
//
// Environment: KADENCE_URL (required), CHROMIUM (default /usr/bin/chromium), KADENCE_SCREENSHOTS (a directory: the
// README's screenshots are taken here; default ../local/target/screenshots).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import * as shared from './browser.mjs';
import { BASE, eventually, isFocused, launchBrowser, PASSWORD, signUp, ZONE } from './browser.mjs';

const SHOTS = resolve(process.env.KADENCE_SCREENSHOTS ?? '../local/target/screenshots');
const EMAIL = `ada-${Date.now()}@example.com`;

let browser;
let page;        // the signed-in user's first browser window
// What the browser refused under the front door's Content-Security-Policy or Permissions-Policy, in any window.
const violations = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  page = await newPage();
});

after(async () => {
  await browser?.close();
});

const newPage = () => shared.newPage(browser, violations);
const rows = (p = page) => shared.rows(p);
const row = (title, p = page) => shared.row(p, title);
const apiCreate = (body) => shared.apiCreate(page, body);

async function badges(p = page) {
  return rows(p).locator('[data-testid="priority"]').allTextContents();
}

/** A wall time in the user's zone, as a datetime-local input takes it: "2026-11-22T14:05". */
function localInput(date, seconds = false) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}${seconds ? `:${parts.second}` : ''}`;
}

async function openEditor(title) {
  await (title ? page.getByRole('button', { name: `Edit "${title}"` }) : page.getByRole('button', { name: 'New task' })).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

async function addTags(dialog, ...names) {
  const input = dialog.getByLabel('Tags', { exact: true });
  for (const name of names) {
    await input.fill(name);
    await input.press('Enter');
  }
}

test('sign up with the detected time zone', async () => {
  await signUp(page, EMAIL);
  // The app opens on Today; these scenarios work on every open task, whenever it is due.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^All/ }).click();
  await page.getByRole('heading', { name: 'All tasks', level: 1 }).waitFor();
});

test('create "Prepare presentation", high, tagged work and urgent', async () => {
  const dialog = await openEditor();
  await dialog.getByLabel('Title').fill('Prepare presentation');
  await dialog.getByLabel('Priority').selectOption({ label: 'High' });
  await addTags(dialog, 'Work', 'urgent');
  await dialog.getByLabel('Due').fill(localInput(new Date(Date.now() + 3 * 86_400_000)).slice(0, 11) + '14:00');
  await dialog.getByRole('button', { name: 'Save' }).click();

  const created = row('Prepare presentation');
  await created.waitFor();
  assert.equal(await created.getByTestId('priority').textContent(), 'High');
  assert.deepEqual(await created.getByTestId('tag').allTextContents(), ['work', 'urgent']);
  assert.match(await created.getByTestId('due').textContent(), /14:00/);
});

test('edit it to low priority and remove the urgent tag', async () => {
  const dialog = await openEditor('Prepare presentation');
  await dialog.getByLabel('Priority').selectOption({ label: 'Low' });
  await dialog.getByRole('button', { name: 'Remove tag urgent' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });

  const edited = row('Prepare presentation');
  await eventually('priority Low', async () => (await edited.getByTestId('priority').textContent()) === 'Low');
  assert.deepEqual(await edited.getByTestId('tag').allTextContents(), ['work']);
});

test('its History says what changed, in words', async () => {
  await eventually('notify has recorded the edit', () => page.evaluate(async () => {
    const token = Object.entries(localStorage).find(([k]) => k.toLowerCase().includes('token'))?.[1];
    const response = await fetch('/api/v1/activity', { headers: { Authorization: `Bearer ${token}` } });
    return (await response.json()).items.some((entry) => entry.changes.some((c) => c.field === 'priority' && c.to === 'low'));
  }));
  const dialog = await openEditor('Prepare presentation');
  const history = dialog.getByTestId('task-history');
  await history.getByText('History', { exact: true }).click();

  await eventually('the history is listed', async () => /Priority: high → low/.test(await history.textContent()));
  assert.match(await history.textContent(), /Tags: work, urgent → work/);
  assert.match(await history.textContent(), /Created .*Title: Prepare presentation/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
});

test('search and combined filters, kept in the URL', async () => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  await apiCreate({ title: 'Prepare slides', priority: 'high', tags: ['work'], due_at: tomorrow });
  await apiCreate({ title: 'Book flights', priority: 'low', tags: ['travel'] });
  await apiCreate({ title: 'Pay rent', priority: 'medium', tags: ['home'], status: 'done' });
  // "Pay rent" is done: All leaves it to Completed.
  await eventually('three open tasks listed', async () => (await rows().count()) === 3);

  await page.getByLabel('Search').fill('prep');
  await eventually('two tasks match "prep"', async () => (await rows().count()) === 2);
  await page.getByRole('checkbox', { name: 'High' }).check();
  await eventually('one high-priority task matches "prep"', async () => (await rows().count()) === 1);
  await row('Prepare slides').waitFor();
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('search'), 'prep');
  assert.match(url.searchParams.get('priority'), /high/);

  await page.reload();
  await eventually('the view survives a reload', async () => (await rows().count()) === 1
    && (await page.getByLabel('Search').inputValue()) === 'prep' && (await page.getByRole('checkbox', { name: 'High' }).isChecked()));

  await page.getByLabel('Search').fill('nothing like this');
  await page.getByTestId('empty-state').waitFor();
  await page.getByTestId('empty-state').getByRole('button', { name: 'Show all tasks' }).click();
  await eventually('all open tasks again', async () => (await rows().count()) === 3);
  assert.equal(new URL(page.url()).searchParams.get('search'), null);
});

test('sort by priority', async () => {
  await page.getByRole('button', { name: 'More filters' }).click();
  await page.getByLabel('Sort by').selectOption({ label: 'Priority' });
  await page.getByLabel('Order').selectOption({ label: 'Descending' });
  const rank = { High: 3, Medium: 2, Low: 1 };
  await eventually('high first, low last', async () => {
    const seen = (await badges()).map((b) => rank[b.trim()]);
    return seen.length === 3 && seen.every((r, i) => i === 0 || seen[i - 1] >= r) && seen[0] === 3 && seen[2] === 1;
  });
  assert.equal(new URL(page.url()).searchParams.get('sort_by'), 'priority');
  await page.getByRole('button', { name: 'Clear filters' }).click();
});

test('a daily task completed shows its next instance without a reload', async () => {
  const dialog = await openEditor();
  await dialog.getByLabel('Title').fill('Water the plants');
  await dialog.getByLabel('Due').fill(localInput(new Date(Date.now() + 2 * 3_600_000)));
  await dialog.getByLabel('Repeats').selectOption({ label: 'Daily' });
  await eventually('the preview says what the rule does', async () =>
    /every day/i.test(await dialog.getByTestId('recurrence-preview').textContent()));
  await dialog.getByRole('button', { name: '15 minutes before' }).click();
  await dialog.getByTestId('recurrence-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'editor.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  const first = row('Water the plants');
  await first.waitFor();
  const firstId = await first.getAttribute('data-task-id');
  assert.match(await first.getByTestId('recurrence').textContent(), /every day/i);

  await page.getByRole('button', { name: 'Complete "Water the plants"' }).click();
  await page.getByRole('status').filter({ hasText: 'Completed' }).getByRole('button', { name: 'Undo' }).waitFor();
  await eventually('the next instance appears by itself', async () => {
    const ids = await row('Water the plants').evaluateAll((items) => items.map((li) => li.dataset.taskId));
    return ids.some((id) => id !== firstId)
      && (await page.getByRole('button', { name: 'Complete "Water the plants"' }).count()) === 1;
  }, 15_000);
});

test('a reminder a few seconds ahead shows a toast', async () => {
  const dialog = await openEditor();
  await dialog.getByLabel('Title').fill('Call Ana');
  await dialog.getByLabel('Due').fill(localInput(new Date(Date.now() + 3_600_000)));
  await dialog.getByRole('button', { name: 'At a time' }).click();
  const at = new Date(Date.now() + 6_000);
  await dialog.getByLabel('Remind at').fill(localInput(at, true));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await row('Call Ana').waitFor();

  const toast = page.getByTestId('toast').filter({ hasText: 'Call Ana' });
  await toast.waitFor({ timeout: 30_000 });
  assert.ok(Date.now() >= at.getTime() - 1_000, 'not before its time');
  await eventually('the bell counts it', async () =>
    /\(\d+ unread\)/.test(await page.getByRole('button', { name: /^Notifications/ }).getAttribute('aria-label')
      ?? await page.getByRole('button', { name: /^Notifications/ }).textContent()));
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await page.getByTestId('notification').filter({ hasText: 'Call Ana' }).first().waitFor();
  await page.screenshot({ path: join(SHOTS, 'notification.png') });
  await page.keyboard.press('Escape');
});

test('a second window sees a change made in the first', async () => {
  const other = await newPage();
  await other.goto(`${BASE}/login`);
  await other.getByLabel('Email').fill(EMAIL);
  await other.getByLabel('Password').fill(PASSWORD);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await other.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^All/ }).click();
  await row('Book flights', other).waitFor();

  const dialog = await openEditor('Book flights');
  await dialog.getByLabel('Title').fill('Book flights to Lisbon');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await row('Book flights to Lisbon', other).waitFor({ timeout: 5_000 });
  await page.screenshot({ path: join(SHOTS, 'list.png') });
  await other.close();
});

/** Moves focus out of any field, so a single-key shortcut reaches the page. */
async function focusPage() {
  await page.getByRole('heading', { level: 1 }).click();
}

/** Closes the toasts still showing, so a screenshot shows what is behind them. */
async function dismissToasts() {
  const dismiss = page.locator('.toasts').getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) {
    await dismiss.first().click();
  }
}

test('quick add with highlighted chips creates a recurring task that appears in the list', async () => {
  await dismissToasts();
  await focusPage();
  await page.keyboard.press('q');
  const input = page.getByRole('textbox', { name: 'Quick add' });
  assert.ok(await isFocused(input), 'q focuses the quick-add bar');
  await page.keyboard.type('Review the sprint every Monday at 9 AM #work p1');

  const chips = page.getByTestId('quick-add-chip');
  const chip = (kind) => page.locator(`[data-testid="quick-add-chip"][data-kind="${kind}"]`);
  await eventually('the chips say what was read', async () => {
    const kinds = await chips.evaluateAll((items) => items.map((li) => li.dataset.kind));
    return ['title', 'recurrence', 'due', 'tag', 'priority'].every((kind) => kinds.includes(kind)) && kinds;
  });
  assert.match(await chip('title').textContent(), /Review the sprint/);
  assert.match(await chip('tag').textContent(), /#work/);
  assert.match(await chip('priority').textContent(), /High/);
  assert.match(await chip('due').textContent(), /Mon \d+ \w+( \d{4})?, 09:00/);
  const marks = await page.getByTestId('quick-add-highlights').locator('mark')
    .evaluateAll((items) => items.map((mark) => [mark.dataset.kind, mark.textContent]));
  assert.deepEqual(marks.map(([kind]) => kind).sort(), ['due', 'priority', 'recurrence', 'tag']);
  assert.deepEqual(Object.fromEntries(marks).tag, '#work');
  const occurrences = page.getByTestId('quick-add-occurrences');
  await eventually('the repeat in words with its next occurrences', async () =>
    /monday/i.test(await occurrences.textContent()) && (await occurrences.locator('time').count()) === 3);
  assert.match(await occurrences.locator('time').first().textContent(), /^Mon \d+ \w+( \d{4})?, 09:00$/);
  await page.screenshot({ path: join(SHOTS, 'quick-add.png') });

  await page.keyboard.press('Enter');
  const created = row('Review the sprint');
  await created.waitFor();
  assert.match(await created.getByTestId('recurrence').textContent(), /monday/i);
  assert.match(await created.getByTestId('due').textContent(), /Mon \d+ \w+( \d{4})?, 09:00/);
  assert.equal(await created.getByTestId('priority').textContent(), 'High');
  assert.deepEqual(await created.getByTestId('tag').allTextContents(), ['work']);
  assert.equal(await input.inputValue(), '', 'Enter clears the bar');
  assert.ok(await isFocused(input), 'ready for the next one');

  await page.keyboard.type('Buy milk tomorrow at 6pm');
  await chip('due').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await input.inputValue(), '');
  await eventually('Escape clears the reading too', async () => (await chips.count()) === 0);
  assert.equal(await row('Buy milk').count(), 0, 'nothing was created');
});

test('the assistant conversation', async () => {
  await dismissToasts();
  await focusPage();
  await page.keyboard.press('a');
  const drawer = page.getByRole('dialog', { name: 'Assistant' });
  await drawer.waitFor();
  const message = drawer.getByLabel('Message to the assistant');
  await eventually('focus in the message box', () => isFocused(message));
  const turns = drawer.getByTestId('assistant-turn');
  const replies = drawer.locator('[data-testid="assistant-turn"][data-role="assistant"]');

  await page.keyboard.type('Every Monday at 9 AM add a standup task');
  await page.keyboard.press('Enter');
  await eventually('a reply', async () => (await replies.count()) === 1);
  assert.equal(await message.inputValue(), '', 'the message box is empty again');
  assert.match(await replies.first().textContent(), /standup/i);
  assert.equal(await replies.first().getByTestId('assistant-engine').textContent(), "Answered by Kadence's rules");
  await eventually('the standup is in the list behind', async () =>
    (await rows().locator('.task-title').allTextContents()).some((t) => /^standup$/i.test(t)));

  await message.fill('Show me all tasks');
  await message.press('Enter');
  await eventually('a second reply listing the tasks', async () => (await replies.count()) === 2);
  const found = replies.nth(1).getByTestId('assistant-task');
  await eventually('the tasks found are rows', async () => (await found.count()) >= 5);
  await page.screenshot({ path: join(SHOTS, 'assistant.png') });

  // A name that fits two tasks: the assistant asks, and the choices are buttons.
  await message.fill('Complete prepare');
  await message.press('Enter');
  await eventually('a question', async () => (await replies.count()) === 3);
  const choices = replies.nth(2).getByRole('group', { name: 'Answer with' }).getByRole('button');
  await eventually('two choices', async () => (await choices.count()) === 2);
  await choices.filter({ hasText: 'Prepare slides' }).click();
  await eventually('the answer is taken', async () => (await replies.count()) === 4);
  assert.equal(await choices.count(), 0, 'the question is closed once answered');
  await eventually('Prepare slides is done: it leaves the open tasks', async () => (await row('Prepare slides').count()) === 0);

  // A row opens its task in the editor, as /tasks/<id> does.
  const standup = replies.nth(1).getByTestId('assistant-task').filter({ hasText: /standup/i }).first();
  await standup.click();
  await drawer.waitFor({ state: 'detached' });
  const editor = page.getByRole('dialog', { name: 'Edit task' });
  await editor.waitFor();
  assert.match(await editor.getByLabel('Title').inputValue(), /standup/i);
  assert.match(new URL(page.url()).pathname, /^\/tasks\//);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });

  // The history is the server's: after a reload the latest conversation comes back.
  await page.reload();
  await page.getByRole('button', { name: 'New task' }).waitFor();
  await page.getByRole('button', { name: 'Assistant' }).click();
  await eventually('the conversation is back', async () => (await turns.count()) >= 8);
  await drawer.getByRole('button', { name: 'New conversation' }).click();
  assert.equal(await turns.count(), 0);
  assert.ok(await isFocused(message));
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
});

test('the first Tab stop skips to the tasks', async () => {
  await page.reload();
  await rows().first().waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to tasks' });
  assert.ok(await isFocused(skip), 'the skip link is the first Tab stop');
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0 && box.height > 10, `it shows when focused (${JSON.stringify(box)})`);
  await page.keyboard.press('Enter');
  const list = page.getByRole('region', { name: 'Task list' });
  await eventually('focus on the list', () => isFocused(list));
  await page.keyboard.press('Tab');
  assert.ok(await rows().first().evaluate((li) => li.contains(document.activeElement)), 'the next Tab stop is the first task');
  assert.equal(new URL(page.url()).hash, '', 'the URL stays the view');
});

test('New task opens on its title, and closing it with what was typed asks first', async () => {
  const newTask = page.getByRole('button', { name: 'New task' });
  await newTask.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'New task' });
  await editor.waitFor();
  const title = editor.getByLabel('Title');
  await eventually('focus in the title', () => isFocused(title));
  await page.keyboard.type('Half-typed idea');
  assert.equal(await title.inputValue(), 'Half-typed idea', 'what is typed first goes into the title');

  const confirm = page.getByRole('dialog', { name: 'Discard changes?' });
  const keep = confirm.getByRole('button', { name: 'Keep editing' });
  await page.keyboard.press('Escape');
  await confirm.waitFor();
  await eventually('Keep editing is the default', () => isFocused(keep));
  await page.keyboard.press('Enter');
  await confirm.waitFor({ state: 'detached' });
  assert.equal(await title.inputValue(), 'Half-typed idea', 'still there');
  await eventually('back in the title', () => isFocused(title));

  // Escape on the question is Keep editing too.
  await page.keyboard.press('Escape');
  await confirm.waitFor();
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
  assert.ok(await editor.isVisible(), 'the editor is still open');

  // The Close button and the backdrop ask as well; Discard then closes without creating anything.
  await editor.getByRole('button', { name: 'Close' }).click();
  await keep.click();
  await page.mouse.click(5, 5);
  await confirm.waitFor();
  await eventually('Keep editing is the default', () => isFocused(keep));
  await page.keyboard.press('Shift+Tab');
  assert.ok(await isFocused(confirm.getByRole('button', { name: 'Discard' })));
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'detached' });
  assert.equal(await confirm.count(), 0);
  await eventually('focus back on New task', () => isFocused(newTask));
  assert.equal(await row('Half-typed idea').count(), 0, 'nothing was created');

  // Nothing typed: Escape closes at once.
  await page.keyboard.press('Enter');
  await editor.waitFor();
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
  assert.equal(await confirm.count(), 0, 'no question when nothing changed');
});

test('Escape while the server has the save keeps the editor open until it answers', async () => {
  let answer;
  const held = new Promise((resolve) => { answer = resolve; });
  let posted;
  const reached = new Promise((resolve) => { posted = resolve; });
  await page.route('**/api/v1/tasks', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    posted();
    await held;
    await route.fallback();
  });
  try {
    await page.getByRole('button', { name: 'New task' }).focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: 'New task' });
    await editor.waitFor();
    await page.keyboard.type('Slow answer');
    await page.keyboard.press('Enter');
    await reached;
    await editor.getByRole('status').filter({ hasText: 'Saving' }).waitFor();
    await page.keyboard.press('Escape');
    assert.ok(await editor.isVisible(), 'Escape does not pretend to cancel');
    assert.equal(await page.getByRole('dialog', { name: 'Discard changes?' }).count(), 0);
    answer();
    await editor.waitFor({ state: 'detached' });
    await row('Slow answer').waitFor();
  } finally {
    answer();
    await page.unroute('**/api/v1/tasks');
  }
});

test('settings: a webhook channel gets the test message, signed with the secret shown once', async () => {
  // The user's endpoint, on this machine (the local platform lets webhooks call loopback).
  const received = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Notification channels' });
    await section.getByLabel('Webhook URL').fill('not a url');
    await section.getByRole('button', { name: 'Add channel' }).click();
    await section.getByTestId('error-url').waitFor();
    await section.getByLabel('Webhook URL').fill(`http://127.0.0.1:${receiver.address().port}/kadence`);
    await section.getByLabel('Format').selectOption('kadence');
    await section.getByRole('button', { name: 'Add channel' }).click();
    const secret = await section.getByLabel(/Signing secret/).inputValue();
    assert.match(secret, /^whsec_/);
    await section.getByText(/Webhook http:\/\/127\.0\.0\.1:\d+\/kadence · Kadence JSON \(signed\)/).waitFor();

    await section.getByRole('button', { name: 'Send test' }).click();
    await section.getByText('Test message: Delivered.').waitFor({ timeout: 15_000 });
    assert.equal(received.length, 1);
    const { headers, body } = received[0];
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(headers['kadence-signature']);
    assert.equal(v1, createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
    assert.equal(JSON.parse(body).type, 'test');
    assert.equal(JSON.parse(body).id, headers['kadence-delivery']);
    await page.screenshot({ path: join(SHOTS, 'channels.png') });

    await section.getByRole('button', { name: 'Pause' }).click();
    await section.getByText(/^Paused: paused by you/).waitFor();
    await section.getByRole('button', { name: 'Resume' }).click();
    await section.getByRole('button', { name: 'Delete' }).click();
    await section.getByText('No channels yet.').waitFor();
    await page.getByRole('link', { name: /Back to tasks/ }).click();
  } finally {
    receiver.close();
  }
});

test('sign out', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
});

test('the app ran under the front door\'s Content-Security-Policy without a violation', async () => {
  const answer = await page.request.get(`${BASE}/`);
  assert.match(answer.headers()['content-security-policy'], /script-src 'self';.*frame-ancestors 'none'/);
  assert.deepEqual(violations, [], 'nothing the app does was refused by its policies');
});

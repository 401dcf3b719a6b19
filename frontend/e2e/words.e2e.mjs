// Words, time zones and notifications, at 1280 px and at 375 px, by keyboard where a person could: the time-zone
// picker finds "Lisbon", "IST" and "New York"; changing the zone offers to move the repeating tasks; times follow the
// user's locale (12-hour in en-US) and a series shows its zone only when it is not the user's; errors name the field
// in words; a notification snoozes from its toast, marks read when opened, and all of them at once.
//
//   KADENCE_URL=http://127.0.0.1:8080 node --test e2e/words.e2e.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, eventually, launchBrowser, newPage, row, signUp } from './browser.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A call to the API with the signed-in user's token: its status and JSON. */
async function api(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const token = Object.entries(localStorage).find(([k]) => k.toLowerCase().includes('token'))?.[1];
    const headers = { Authorization: `Bearer ${token}` };
    if (b !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`/api/v1${p}`, { method: m, headers, body: b === undefined ? undefined : JSON.stringify(b) });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }, [method, path, body]);
}

async function create(page, body) {
  const created = await api(page, 'POST', '/tasks', body);
  assert.equal(created.status, 201, JSON.stringify(created.json));
  return created.json;
}

const bell = (page) => page.getByRole('button', { name: /^Notifications/ });
const unread = async (page) => Number(/\((\d+) unread\)/.exec(await bell(page).textContent())?.[1] ?? 0);

async function openAll(page) {
  await page.goto(`${BASE}/?view=all`);
  await page.getByRole('heading', { name: 'All tasks', level: 1 }).waitFor();
}

/** Types into the focused field as a person does: select what is there, type over it. */
async function typeOver(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** A task whose reminder fires a few seconds from now, and the toast it brings. */
async function reminded(page, title) {
  await create(page, { title, reminders: [{ at: new Date(Date.now() + 4_000).toISOString() }] });
  const toast = page.getByTestId('toast').filter({ hasText: title });
  await toast.waitFor({ timeout: 30_000 });
  return toast;
}

for (const width of [1280, 375]) {
  describe(`at ${width} px`, () => {
    let page;

    before(async () => {
      page = await newPage(browser);
      await page.setViewportSize({ width, height: width === 375 ? 740 : 860 });
      await signUp(page, `words-${width}-${Date.now()}@example.com`);
    });

    after(async () => {
      await page?.context().close();
    });

    test('the time-zone picker finds Lisbon, IST and New York by keyboard, and the repeating tasks move along', async () => {
      const standup = await create(page, { title: 'Standup', due_at: '2030-01-07T09:00:00+01:00', recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO' } });
      await create(page, { title: 'Call Tokyo', due_at: '2030-01-07T09:00:00+09:00', recurrence: { rule: 'FREQ=DAILY', timezone: 'Asia/Tokyo' } });
      await page.goto(`${BASE}/settings`);
      const zone = page.getByRole('combobox', { name: 'Time zone' });
      await zone.focus();

      await typeOver(page, 'lisbon');
      await eventually('suggestions open', async () => (await zone.getAttribute('aria-expanded')) === 'true');
      await page.keyboard.press('ArrowDown');
      const active = await zone.getAttribute('aria-activedescendant');
      assert.equal(await page.locator(`[id="${active}"]`).textContent(), 'Lisbon (Europe/Lisbon)');
      await page.keyboard.press('Enter');
      assert.equal(await zone.inputValue(), 'Europe/Lisbon');
      assert.equal(await zone.getAttribute('aria-expanded'), 'false');

      await typeOver(page, 'IST');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      assert.equal(await zone.inputValue(), 'Asia/Kolkata');

      await typeOver(page, 'Atlantis');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.getByTestId('error-timezone').waitFor();
      assert.match(await page.getByTestId('error-timezone').textContent(), /^Time zone isn’t one Kadence knows|^Time zone is not a time zone Kadence knows/);

      await typeOver(page, 'New York');
      await page.keyboard.press('Enter');
      const question = page.getByRole('group', { name: /Also move your 1 repeating task to America\/New_York\?/ });
      await question.waitFor();
      assert.equal(await zone.inputValue(), 'America/New_York');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Move it too');
      await page.keyboard.press('Enter');
      await page.getByText('Saved. Dates are now shown in America/New_York. Your repeating tasks moved with it.').waitFor();
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing wider than the screen');

      const moved = await api(page, 'GET', `/tasks/${standup.id}`);
      assert.equal(moved.json.due_at, '2030-01-07T14:00:00Z', 'Monday 09:00 stays Monday 09:00, in New York');
      assert.equal(moved.json.recurrence.timezone, 'America/New_York');

      await openAll(page);
      assert.equal(await row(page, 'Standup').getByTestId('recurrence').textContent(), '↻ Repeats every Monday at 09:00');
      assert.match(await row(page, 'Call Tokyo').getByTestId('recurrence').textContent(), /, Asia\/Tokyo$/, 'another zone is named');
    });

    test('an en-US user reads times on a 12-hour clock', async () => {
      assert.equal((await api(page, 'PATCH', '/me', { locale: 'en-US' })).status, 200);
      await openAll(page);
      const standup = row(page, 'Standup');
      assert.equal(await standup.getByTestId('recurrence').textContent(), '↻ Repeats every Monday at 9:00 AM');
      assert.match(await standup.getByTestId('due').textContent(), /^Due Mon 7 Jan 2030, 9:00 AM/);
      assert.equal((await api(page, 'PATCH', '/me', { locale: 'en-GB' })).status, 200);
    });

    test('an unreadable rule is explained in words next to the field', async () => {
      await openAll(page);
      await page.getByRole('button', { name: 'New task' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Title').fill('Odd rule');
      await dialog.getByLabel('Due').fill('2030-01-07T09:00');
      await dialog.getByLabel('Repeats').selectOption('custom');
      await dialog.getByLabel('Rule').fill('FREQ=WEEKLY;BYDAY=XX');
      await dialog.getByRole('button', { name: 'Save' }).click();
      const error = dialog.getByTestId('error-recurrence.rule');
      await error.waitFor();
      assert.match(await error.textContent(), /can’t be read: “BYDAY=XX” is not a value Kadence understands/);
      assert.doesNotMatch(await dialog.textContent(), /Missing|RFC 5545 RRULE \(/);
      await page.keyboard.press('Escape');
    });

    test('a reminder snoozes from its toast by keyboard: a new reminder ten minutes on, the notification read', async () => {
      await openAll(page);
      const before = Date.now();
      const toast = await reminded(page, `Call Ana ${width}`);
      await eventually('the bell counts it', async () => (await unread(page)) === 1);
      await toast.getByRole('button', { name: /^Snooze/ }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), '10 minutes');
      await page.keyboard.press('Enter');
      await toast.waitFor({ state: 'detached' });

      await eventually('the notification is read', async () => (await unread(page)) === 0);
      const pending = (await api(page, 'GET', '/reminders?status=pending')).json.items;
      const snoozed = pending.filter((r) => r.at && Date.parse(r.at) >= before + 10 * 60_000);
      assert.equal(snoozed.length, 1, JSON.stringify(pending));
    });

    test('opening a notification marks it read, and Mark all read reads the rest', async () => {
      await openAll(page);
      await reminded(page, `Pay rent ${width}`);
      await reminded(page, `Water plants ${width}`);
      await eventually('two unread', async () => (await unread(page)) === 2);

      await bell(page).focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('dialog', { name: 'Notifications' });
      const item = panel.getByTestId('notification').filter({ hasText: `Pay rent ${width}` });
      await item.getByRole('link', { name: /Open task/ }).focus();
      await page.keyboard.press('Enter');
      await eventually('one unread', async () => (await unread(page)) === 1);
      await page.getByRole('dialog', { name: /Edit task|Pay rent/ }).waitFor();
      await page.keyboard.press('Escape');

      await bell(page).focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('button', { name: 'Mark all read' }).focus();
      await page.keyboard.press('Enter');
      await eventually('none unread', async () => (await unread(page)) === 0);
      assert.equal(await panel.getByTestId('notification').and(page.locator('.unread')).count(), 0);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing wider than the screen');
      await page.keyboard.press('Escape');
    });
  });
}

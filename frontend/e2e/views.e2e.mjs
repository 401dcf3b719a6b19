// The list's views (Today, Upcoming, All, Completed, a tag's), their counts and the keyboard shortcuts, in headless
// Chromium against a running Kadence, for a new user whose tasks are all made here. Run like webapp.e2e.mjs:
//
//   KADENCE_URL=http://127.0.0.1:8080 node --test e2e/views.e2e.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCreate, eventually, isFocused, launch, row, rows, signUp, ZONE } from './browser.mjs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let browser;
let page;

before(async () => {
  ({ browser, page } = await launch());
});

after(async () => {
  await browser?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Views' });
const viewLink = (name) => nav().getByRole('link', { name: new RegExp(`^${name}`) });
const count = async (name) => (await viewLink(name).getByTestId('view-count').textContent()).replace(/^[,\s]+/, '');
const titles = (locator) => locator.getByTestId('task-row').locator('.task-title').allTextContents();
const section = (key) => page.locator(`[data-testid="task-section"][data-section="${key}"]`);

async function openView(name, heading = name) {
  await viewLink(name).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await eventually(`${name} loaded`, async () => (await page.getByRole('region', { name: 'Task list' }).getAttribute('aria-busy')) === 'false');
}

/** The date in the user's zone, `days` from now: "2026-12-09". */
function dateIn(days) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * DAY));
}

/** The instant halfway between now and the end of today in the user's zone: due later today, whatever the hour. */
function laterToday() {
  let end = Date.now();
  while (dateIn(0) === new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(end))) end += 60_000;
  return new Date((Date.now() + end) / 2);
}

test('a new user starts on Today', async () => {
  await signUp(page);
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
  assert.equal(await viewLink('Today').getAttribute('aria-current'), 'page');
});

test('each view shows its tasks, and the navigation counts them', async () => {
  await apiCreate(page, { title: 'Overdue report', due_at: new Date(Date.now() - DAY - HOUR).toISOString() });
  await apiCreate(page, { title: 'Later today', due_at: laterToday().toISOString() });
  await apiCreate(page, { title: 'Dentist', due_at: new Date(Date.now() + 3 * DAY).toISOString() });
  await apiCreate(page, { title: 'Someday', tags: ['home'] });
  await apiCreate(page, { title: 'Far away', due_at: new Date(Date.now() + 30 * DAY).toISOString() });
  await apiCreate(page, { title: 'Filed taxes', status: 'done' });
  await page.reload();

  await eventually('the counts', async () => (await count('Today')) === '2' && (await count('Upcoming')) === '1' && (await count('All')) === '5');
  assert.deepEqual(await titles(section('overdue')), ['Overdue report'], 'overdue folded in at the top');
  assert.deepEqual(await titles(section('today')), ['Later today']);
  assert.equal(await section('overdue').getByRole('heading').textContent(), 'Overdue');

  await openView('Upcoming');
  assert.equal(new URL(page.url()).searchParams.get('view'), 'upcoming');
  assert.deepEqual(await titles(page.getByRole('region', { name: 'Task list' })), ['Dentist']);
  const day = dateIn(3);
  const [y, m, d] = day.split('-').map(Number);
  const expected = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' })
    .format(new Date(Date.UTC(y, m - 1, d))).replace(',', '');
  assert.equal(await section(day).getByRole('heading').textContent(), expected, 'a heading for the day');

  await openView('All', 'All tasks');
  assert.deepEqual((await titles(page)).sort(), ['Dentist', 'Far away', 'Later today', 'Overdue report', 'Someday']);

  await openView('Completed');
  assert.deepEqual(await titles(page), ['Filed taxes']);
});

test('a task completed on Today leaves it and is in Completed', async () => {
  await openView('Today');
  await page.getByRole('button', { name: 'Complete "Later today"' }).click();
  await eventually('gone from Today', async () => (await row(page, 'Later today').count()) === 0);
  await eventually('Today counts one', async () => (await count('Today')) === '1');
  assert.equal(await count('All'), '4');
  await openView('Completed');
  await eventually('in Completed', async () => (await titles(page)).includes('Later today'));
});

test('a tag chip opens that tag\'s view', async () => {
  await openView('All', 'All tasks');
  await row(page, 'Someday').getByRole('link', { name: 'Tasks tagged home' }).click();
  await page.getByRole('heading', { name: '#home', level: 1 }).waitFor();
  await eventually('only the tagged task', async () => JSON.stringify(await titles(page)) === '["Someday"]');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('view'), 'all');
  assert.equal(url.searchParams.get('tags'), 'home');
});

test('the keyboard alone: q, type, Enter, Escape, j, x — and e, #, /', async () => {
  await openView('Today');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('q');
  const quickAdd = page.getByRole('textbox', { name: 'Quick add' });
  assert.ok(await isFocused(quickAdd));
  // Letters that are shortcuts (e, x, j) are only typed while in the field.
  await page.keyboard.type('Water the fern today at 23:59');
  await page.keyboard.press('Enter');
  await row(page, 'Water the fern').waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'typing opened nothing');
  await page.keyboard.press('Escape');

  await page.keyboard.press('j');
  const first = row(page, 'Overdue report');
  await eventually('j selects the first row', () => isFocused(first));
  const outline = await first.evaluate((li) => getComputedStyle(li).outlineStyle);
  assert.notEqual(outline, 'none', 'the selection is visible');
  await page.keyboard.press('j');
  await eventually('j moves to the next row', () => isFocused(row(page, 'Water the fern')));
  await page.keyboard.press('k');
  await eventually('k moves back', () => isFocused(first));
  await page.keyboard.press('j');
  await eventually('on the new task again', () => isFocused(row(page, 'Water the fern')));
  await page.keyboard.press('x');
  await eventually('x completed it: it leaves Today', async () => (await row(page, 'Water the fern').count()) === 0);
  await page.getByRole('status').filter({ hasText: 'Completed "Water the fern"' }).waitFor();
  await eventually('the selection stays in the list', () => isFocused(first));

  await page.keyboard.press('e');
  const editor = page.getByRole('dialog', { name: 'Edit task' });
  await editor.waitFor();
  assert.equal(await editor.getByLabel('Title').inputValue(), 'Overdue report');
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });

  await first.focus();
  await page.keyboard.press('#');
  const confirm = page.getByRole('dialog', { name: 'Delete task?' });
  await confirm.waitFor();
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
  assert.equal(await first.count(), 1, 'Escape keeps it');
  await first.focus();
  await page.keyboard.press('#');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await eventually('deleted', async () => (await first.count()) === 0);

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  assert.ok(await isFocused(page.getByLabel('Search')), '/ focuses search');
});

test('? lists the shortcuts', async () => {
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  const keys = await dialog.locator('kbd').allTextContents();
  for (const key of ['q', '/', 'j', 'k', 'x', 'e', '#', '?']) {
    assert.ok(keys.includes(key), `lists ${key}`);
  }
  await page.keyboard.press('q');
  assert.ok(await dialog.isVisible(), 'shortcuts wait while a dialog is open');
  assert.ok(!(await isFocused(page.getByRole('textbox', { name: 'Quick add' }))));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('at 375 px the navigation fits the viewport', async () => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openView('All', 'All tasks');
  await rows(page).first().waitFor();
  for (const name of ['Today', 'Upcoming', 'All', 'Completed']) {
    const box = await viewLink(name).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `${name} inside (${JSON.stringify(box)})`);
  }
  // The page scrolls inside .app-scroll (toasts have the strip below it): neither may be wider than the screen.
  assert.ok(await page.evaluate(() => [document.documentElement, document.querySelector('.app-scroll')]
    .every((element) => element.scrollWidth <= 375)), 'nothing wider than the screen');
});

// How the app looks and works on a desktop (1280 px) and a phone (375 × 812), in both themes: axe (axe-core) on every
// view and dialog with no violations, the theme following the system with the header's toggle and Settings' choice
// over it (and no flash of the other theme), the phone's compact rows, 44 px targets, add button and swipe to complete,
// panels inside the screen, and the keyboard's way to the first task. Run like webapp.e2e.mjs:
//
//   KADENCE_URL=http://127.0.0.1:8080 node --test e2e/looks.e2e.mjs
//
// With KADENCE_SCREENSHOTS=<dir> it also takes the README's screenshots of the list, light and dark, desktop and phone
// (only then: a normal run writes nothing).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { apiCreate, BASE, eventually, isFocused, launchBrowser, newPage, PASSWORD, row, rows, signUp } from './browser.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.KADENCE_SCREENSHOTS && resolve(process.env.KADENCE_SCREENSHOTS);
const PHONE = { width: 375, height: 812 };
const TARGET_PX = 44;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const EMAIL = `grace-${Date.now()}@example.com`;

let browser;
let desktop;
let phone;
const violations = [];

before(async () => {
  browser = await launchBrowser();
  desktop = await newPage(browser, violations);
  phone = await newPage(browser, violations, { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
});

after(async () => {
  await browser?.close();
  assert.deepEqual(violations, [], 'nothing refused by the front door\'s policies');
});

const nav = (page) => page.getByRole('navigation', { name: 'Views' });
const viewLink = (page, name) => nav(page).getByRole('link', { name: new RegExp(`^${name}`) });
const listRegion = (page) => page.getByRole('region', { name: 'Task list' });
const theme = (page) => page.evaluate(() => document.documentElement.dataset.theme);
const canvas = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

async function openView(page, name, heading = name) {
  await viewLink(page, name).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await eventually(`${name} loaded`, async () => (await listRegion(page).getAttribute('aria-busy')) === 'false');
}

/** axe-core's rules (WCAG 2.x A and AA, and its best practices) on the page as it is: no violations. */
async function assertAccessible(page, what) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join('; ')}`);
  });
  assert.deepEqual(found, [], `axe on ${what} (${await theme(page)}, ${page.viewportSize().width} px)`);
}

/** The element's box lies inside the viewport. */
async function assertInside(page, locator, what) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  assert.ok(box, `${what} shows`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5,
    `${what} inside ${width} × ${height}: ${JSON.stringify(box)}`);
}

async function assertTarget(locator, what) {
  const box = await locator.boundingBox();
  assert.ok(box && box.width >= TARGET_PX - 0.5 && box.height >= TARGET_PX - 0.5, `${what} is a ${TARGET_PX} px target: ${JSON.stringify(box)}`);
}

async function signIn(page) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
}

const TASKS = [
  { title: 'Send the quarterly report', priority: 'high', tags: ['work'], due: -1 },
  { title: 'Standup', priority: 'medium', tags: ['work'], due: 0.2, recurrence: { rule: 'FREQ=DAILY' } },
  { title: 'Water the plants', priority: 'low', tags: ['home'], due: 0.3 },
  { title: 'Review pull requests', priority: 'high', tags: ['work', 'code'], due: 1 },
  { title: 'Dentist appointment', priority: 'medium', tags: ['health'], due: 2 },
  { title: 'Book flights to Lisbon', priority: 'medium', tags: ['travel'], due: 4 },
  { title: 'Renew passport', priority: 'high', tags: ['travel'], due: 9 },
  { title: 'Call the bank', priority: 'low', tags: [], due: 3 },
  { title: 'Plan the team offsite', priority: 'medium', tags: ['work'], due: 12 },
  { title: 'Pay the electricity bill', priority: 'high', tags: ['home'], due: 5 },
  { title: 'Buy running shoes', priority: 'low', tags: [], due: null },
  { title: 'Read "Thinking in Systems"', priority: 'low', tags: ['books'], due: null },
];

test('a user with a dozen tasks', async () => {
  await signUp(desktop, EMAIL);
  for (const { due, ...task } of TASKS) {
    const at = due === null ? {} : { due_at: new Date(Math.ceil((Date.now() + due * DAY) / HOUR) * HOUR).toISOString() };
    await apiCreate(desktop, { ...task, ...at });
  }
  await apiCreate(desktop, { title: 'Filed the taxes', status: 'done', tags: ['home'] });
  await signIn(phone);
});

test('the theme follows the system; the toggle and Settings choose over it, kept across a reload', async () => {
  await desktop.emulateMedia({ colorScheme: 'dark' });
  await desktop.reload();
  await desktop.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
  assert.equal(await theme(desktop), 'dark');
  await desktop.emulateMedia({ colorScheme: 'light' });
  await eventually('light with the system', async () => (await theme(desktop)) === 'light');
  const lightCanvas = await canvas(desktop);

  const toggle = desktop.getByRole('button', { name: 'Dark theme' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await theme(desktop), 'dark');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const darkCanvas = await canvas(desktop);
  assert.notEqual(darkCanvas, lightCanvas);

  // The app's own script held back: the page is dark all the same, before React has drawn anything.
  let release;
  const held = new Promise((r) => (release = r));
  await desktop.route(/\/assets\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await desktop.goto(`${BASE}/`, { waitUntil: 'commit' });
  await eventually('dark before the app runs', async () => (await theme(desktop)) === 'dark' && (await canvas(desktop)) === darkCanvas);
  assert.equal(await desktop.locator('#root').innerHTML(), '', 'the app has not run yet');
  release();
  await desktop.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
  await desktop.unroute(/\/assets\/.*\.js$/);

  await desktop.getByRole('link', { name: 'Settings' }).click();
  const system = desktop.getByRole('radio', { name: /As the system/ });
  assert.ok(await desktop.getByRole('radio', { name: 'Dark' }).isChecked());
  await system.check();
  assert.equal(await theme(desktop), 'light', 'the system says light');
  await desktop.emulateMedia({ colorScheme: 'dark' });
  await eventually('dark with the system', async () => (await theme(desktop)) === 'dark');
  await desktop.emulateMedia({ colorScheme: 'light' });
  await eventually('and light again', async () => (await theme(desktop)) === 'light');
  await desktop.getByRole('link', { name: /Back to tasks/ }).click();
  await desktop.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
});

/** Every view and dialog, checked by axe where it is. */
async function everyView(page, check) {
  await check('Today');
  await openView(page, 'Upcoming');
  await check('Upcoming');
  await openView(page, 'Completed');
  await check('Completed');
  await openView(page, 'All', 'All tasks');
  await check('All');
  const toggle = page.getByRole('button', { name: 'Show filters' });
  const folded = await toggle.isVisible();
  if (folded) await toggle.click();
  await page.getByRole('checkbox', { name: 'High' }).check();
  await page.getByRole('button', { name: 'More filters' }).click();
  await page.getByLabel('Sort by').waitFor();
  await check('the filters (a chip on, More filters open)');
  await page.getByRole('button', { name: 'Fewer filters' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  if (folded) await page.getByRole('button', { name: /^Hide filters/ }).click();
  await row(page, 'Review pull requests').getByRole('link', { name: 'Tasks tagged code' }).click();
  await page.getByRole('heading', { name: '#code', level: 1 }).waitFor();
  await check('a tag\'s view');
  await openView(page, 'All', 'All tasks');

  const dialogs = [
    ['the editor', 'Edit task', () => page.getByRole('button', { name: 'Edit "Standup"' }).click()],
    ['the shortcuts', 'Keyboard shortcuts', async () => {
      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.press('?');
    }],
    ['the notification centre', 'Notifications', () => page.getByRole('button', { name: /^Notifications/ }).click()],
    ['the assistant', 'Assistant', () => page.getByRole('button', { name: 'Assistant' }).click()],
  ];
  for (const [what, name, open] of dialogs) {
    await open();
    const dialog = page.getByRole('dialog', { name });
    await dialog.getByRole('heading', { name }).waitFor();
    await check(what, dialog);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await check('Settings');
  await page.getByRole('link', { name: /Back to tasks/ }).click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
}

for (const [device, width] of [['desktop', 1280], ['phone', PHONE.width]]) {
  test(`axe finds nothing on any view, light and dark, at ${width} px; panels are inside the screen`, async () => {
    const page = device === 'desktop' ? desktop : phone;
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${BASE}/`);
      await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
      assert.equal(await theme(page), scheme);
      await everyView(page, async (what, panel) => {
        await assertAccessible(page, what);
        if (panel) await assertInside(page, panel, what);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${what}: nothing wider than the screen`);
      });
    }
    const visitor = await newPage(browser, violations, { viewport: page.viewportSize() });
    for (const scheme of ['light', 'dark']) {
      await visitor.emulateMedia({ colorScheme: scheme });
      for (const path of ['/login', '/signup']) {
        await visitor.goto(`${BASE}${path}`);
        await visitor.getByRole('heading', { level: 1 }).waitFor();
        await assertAccessible(visitor, path);
      }
    }
    await visitor.context().close();
  });
}

test('on a phone, more than eight rows to a screen, 44 px targets, nothing off the edge', async () => {
  await phone.emulateMedia({ colorScheme: 'light' });
  await openView(phone, 'All', 'All tasks');
  await rows(phone).nth(TASKS.length - 1).waitFor();
  await listRegion(phone).evaluate((list) => window.scrollTo(0, list.getBoundingClientRect().top + window.scrollY - document.querySelector('.app-header').offsetHeight));
  const shown = await rows(phone).evaluateAll((all) => {
    const top = document.querySelector('.app-header').getBoundingClientRect().bottom;
    return all.filter((li) => { const box = li.getBoundingClientRect(); return box.top >= top && box.bottom <= window.innerHeight; }).length;
  });
  assert.ok(shown >= 8, `${shown} rows to a screen`);

  const first = rows(phone).first();
  await assertTarget(first.getByRole('button', { name: /^Complete/ }), 'Complete');
  await assertTarget(first.getByRole('button', { name: /^Edit/ }), 'Edit');
  for (const name of ['Today', 'Upcoming', 'All', 'Completed']) await assertTarget(viewLink(phone, name), name);
  const header = phone.getByRole('navigation', { name: 'Account' });
  for (const control of await header.locator('a, button').all()) {
    await assertTarget(control, `the header's ${await control.getAttribute('aria-label') ?? await control.textContent()}`);
    await assertInside(phone, control, 'the header\'s controls');
  }
  await assertTarget(phone.getByRole('button', { name: /filters/ }), 'the filters\' toggle');
  await assertTarget(phone.getByRole('textbox', { name: 'Quick add' }), 'quick add');

  const add = phone.getByRole('button', { name: 'New task' });
  await assertTarget(add, 'the add button');
  const box = await add.boundingBox();
  assert.ok(box.x + box.width >= PHONE.width - 32 && box.y + box.height >= PHONE.height - 32, `the add button in the bottom right corner: ${JSON.stringify(box)}`);
  await add.click();
  const editor = phone.getByRole('dialog', { name: 'New task' });
  await assertInside(phone, editor, 'the editor');
  assert.ok(await isFocused(editor.getByLabel('Title')), 'typing goes to the title');
  await phone.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });

  await phone.getByRole('button', { name: 'Show filters' }).click();
  for (const name of ['To do', 'In progress', 'Done', 'High', 'Medium', 'Low', 'Overdue']) {
    await assertTarget(phone.getByRole('checkbox', { name }), `the ${name} chip`);
  }
  for (const field of await phone.locator('#task-filters').locator('input:visible, select:visible, button:visible').all()) {
    const fieldBox = await field.boundingBox();
    assert.ok(fieldBox.x >= 0 && fieldBox.x + fieldBox.width <= PHONE.width, `a filter inside the screen: ${JSON.stringify(fieldBox)}`);
  }
  await phone.getByRole('button', { name: 'Hide filters' }).click();
});

test('the filters are a compact bar: chips, tags and Overdue in a line, More filters for the rest', async () => {
  await desktop.goto(`${BASE}/?view=all`);
  await rows(desktop).first().waitFor();
  const bar = desktop.locator('.filter-bar');
  const chip = await desktop.getByRole('checkbox', { name: 'High' }).boundingBox();
  const barBox = await bar.boundingBox();
  assert.ok(barBox.height < 2 * chip.height, `one line at 1280 px: ${JSON.stringify(barBox)}`);
  assert.equal(await desktop.getByLabel('Sort by').count(), 0, 'the sort is behind More filters');

  await desktop.getByRole('checkbox', { name: 'High' }).check();
  await eventually('only high priority', async () => new URL(desktop.url()).searchParams.get('priority') === 'high'
    && (await rows(desktop).locator('[data-testid="priority"]').allTextContents()).every((p) => p === 'High'));
  const more = desktop.getByRole('button', { name: 'More filters' });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  await more.click();
  await desktop.getByLabel('Sort by').selectOption({ label: 'Priority' });
  await eventually('sorted in the URL', async () => new URL(desktop.url()).searchParams.get('sort_by') === 'priority');
  await desktop.reload();
  assert.equal(await desktop.getByRole('button', { name: 'Fewer filters' }).getAttribute('aria-expanded'), 'true',
    'open by itself when one of its filters is set');
  assert.ok(await desktop.getByRole('checkbox', { name: 'High' }).isChecked());
  await desktop.getByRole('button', { name: 'Clear filters' }).click();
  await eventually('no priority', async () => new URL(desktop.url()).searchParams.get('priority') === null);
});

/** Drags the row to the right by `dx` px with a mouse. */
async function swipe(page, locator, dx) {
  const box = await locator.boundingBox();
  const y = box.y + box.height / 2;
  const x = box.x + box.width * 0.3;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + 4, { steps: 8 });
  await page.mouse.up();
}

/** The same with a finger: touch events, as a phone's screen sends them (the context has touch). */
async function swipeByTouch(page, locator, dx) {
  const box = await locator.boundingBox();
  const y = box.y + box.height / 2;
  const x = box.x + box.width * 0.3;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let step = 1; step <= 8; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * step) / 8, y: y + step / 2 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('on a phone, a swipe right (mouse or finger) completes a task, with Undo; a short one does nothing', async () => {
  await openView(phone, 'All', 'All tasks');
  const plants = row(phone, 'Water the plants');
  await swipe(phone, plants, 40);
  assert.equal(await plants.count(), 1, 'a short swipe leaves it');
  assert.equal(await plants.evaluate((li) => li.style.transform), '', 'and the row back in place');

  await swipe(phone, plants, 150);
  await eventually('completed: gone from All', async () => (await plants.count()) === 0);
  const toast = phone.getByRole('status').filter({ hasText: 'Completed "Water the plants"' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await plants.waitFor();

  const bank = row(phone, 'Call the bank');
  await swipeByTouch(phone, bank, 150);
  await eventually('a finger\'s swipe completes it too', async () => (await bank.count()) === 0);
  await phone.getByRole('status').filter({ hasText: 'Completed "Call the bank"' }).getByRole('button', { name: 'Undo' }).click();
  await bank.waitFor();
});

for (const [device, width] of [['desktop', 1280], ['phone', PHONE.width]]) {
  test(`the keyboard reaches the first task in five stops at ${width} px`, async () => {
    const page = device === 'desktop' ? desktop : phone;
    await page.goto(`${BASE}/?view=all`);
    await rows(page).first().waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to tasks');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.ok(await isFocused(rows(page).first().getByRole('button', { name: /^Complete/ })), 'three keys: Tab, Enter, Tab');
    await page.keyboard.press('Enter');
    const toast = page.getByRole('status').filter({ hasText: /^Completed/ });
    await toast.getByRole('button', { name: 'Undo' }).click();
  });
}

test('screenshots for the README, when asked for', { skip: !SHOTS && 'KADENCE_SCREENSHOTS is not set' }, async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [device, page] of [['desktop', desktop], ['phone', phone]]) {
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${BASE}/?view=all`);
      await rows(page).nth(TASKS.length - 1).waitFor();
      await eventually('the counts', async () => (await viewLink(page, 'All').getByTestId('view-count').textContent()).endsWith(String(TASKS.length)));
      await page.screenshot({ path: join(SHOTS, `${device}-${scheme}.png`) });
    }
  }
});

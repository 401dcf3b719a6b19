// The walk-through: the common actions of a day with Kadence done as a person does them, in headless Chromium against a
// running Kadence, counting every click and every key (a chord such as Shift+Tab is one key; each typed character is
// one). Each action is checked by what the app shows afterwards, the counts are printed as the table in
// frontend/README.md, and the budgets are asserted: a task with a due date and a tag in ≤ 1 click or ≤ 45 keys
// with none, the first task reached by keyboard in ≤ 5 Tab stops. Run like webapp.e2e.mjs:
//
//   KADENCE_URL=http://127.0.0.1:8080 node --test e2e/walkthrough.e2e.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCreate, BASE, eventually, isFocused, launch, row, rows, signUp } from './browser.mjs';

let browser;
let page;
const counted = [];

before(async () => {
  ({ browser, page } = await launch());
  await signUp(page);
  await apiCreate(page, { title: 'Water the plants', due_at: new Date(Date.now() - 3_600_000).toISOString() });
  await apiCreate(page, { title: 'Call the bank' });
  // All tasks: what is added here is due on other days than today.
  await page.goto(`${BASE}/?view=all`);
  await rows(page).first().waitFor();
});

after(async () => {
  console.log(table());
  await browser?.close();
});

/** What one action took: the clicks and keys it was done with, counted as they are sent. */
class Tally {
  clicks = 0;
  keys = 0;

  constructor(p = page) {
    this.page = p;
  }

  async press(key, times = 1) {
    for (let i = 0; i < times; i++) {
      this.keys++;
      await this.page.keyboard.press(key);
    }
  }

  async type(text) {
    this.keys += [...text].length;
    await this.page.keyboard.type(text);
  }

  async click(locator) {
    this.clicks++;
    await locator.click();
  }

  /** Types {@code sentence} into the focused quick-add bar, waits until it reads {@code kind} in it, and sends it. */
  async quickAdd(sentence, kind) {
    await this.type(sentence);
    await this.page.locator(`[data-testid="quick-add-chip"][data-kind="${kind}"]`).waitFor();
    await this.press('Enter');
  }
}

/** Does {@code action} from a page with nothing focused, and records its counts under {@code name}. */
async function walk(name, how, action, p = page) {
  await p.locator('body').evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  const tally = new Tally(p);
  await action(tally);
  counted.push({ name, how, clicks: tally.clicks, keys: tally.keys });
  return tally;
}

function table() {
  const lines = ['| action | how | clicks | keys |', '|---|---|---:|---:|'];
  for (const c of counted) lines.push(`| ${c.name} | ${c.how} | ${c.clicks} | ${c.keys} |`);
  return lines.join('\n');
}

test('add a task with a due date and a tag: keyboard only', async () => {
  const tally = await walk('Add a task with a due date and a tag', 'quick add: `q`, the sentence, Enter', async (t) => {
    await t.press('q');
    await t.quickAdd('Pay rent tomorrow at 9am #home', 'tag');
  });
  const created = row(page, 'Pay rent');
  await created.waitFor();
  assert.deepEqual(await created.getByTestId('tag').allTextContents(), ['home']);
  assert.match(await created.getByTestId('due').textContent(), /09:00|9:00/);
  assert.equal(tally.clicks, 0);
  assert.ok(tally.keys <= 45, `≤ 45 keys with no click (took ${tally.keys})`);
});

test('add a task with a due date and a tag: one click, then typing', async () => {
  const tally = await walk('Add a task with a due date and a tag', 'click the quick-add bar, the sentence, Enter', async (t) => {
    await t.click(page.getByRole('textbox', { name: 'Quick add' }));
    await t.quickAdd('Book flights friday at 5pm #travel', 'tag');
  });
  await row(page, 'Book flights').waitFor();
  assert.ok(tally.clicks <= 1, `≤ 1 click (took ${tally.clicks})`);
});

test('add a repeating task with a reminder', async () => {
  await walk('Add a repeating task with a reminder', 'quick add', async (t) => {
    await t.press('q');
    await t.quickAdd('Standup every weekday at 9:30 remind me 10 minutes before #work', 'recurrence');
  });
  const standup = row(page, 'Standup');
  await standup.waitFor();
  assert.match(await standup.getByTestId('recurrence').textContent(), /weekday|Monday/i);
});

test('add a reminder at a clock time to a task there is', async () => {
  await walk('Add a reminder at a clock time to a task', 'assistant: `a`, the sentence, Enter', async (t) => {
    await t.press('a');
    const drawer = page.getByRole('dialog', { name: 'Assistant' });
    await drawer.waitFor();
    await eventually('the message box has focus', () => isFocused(drawer.getByLabel('Message to the assistant')));
    await t.type('Remind me about call the bank tomorrow at 8am');
    await t.press('Enter');
    await eventually('the reply', async () =>
      /remind you about 'Call the bank'/.test(await drawer.locator('[data-role="assistant"]').last().textContent()));
    await t.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });
  const [bank] = (await apiGet(page, '/api/v1/tasks?search=bank')).items;
  assert.equal(bank.reminders.filter((r) => r.status === 'pending').length, 1, 'the task has its reminder');
});

test('reach the first task by keyboard', async () => {
  await page.reload();
  await rows(page).first().waitFor();
  const inFirstRow = () => rows(page).first().evaluate((li) => li.contains(document.activeElement));
  const skip = await walk('Reach the first task by keyboard', 'Tab to the skip link, Enter, Tab (2 Tab stops)', async (t) => {
    await t.press('Tab');
    assert.ok(await isFocused(page.getByRole('link', { name: 'Skip to tasks' })), 'the first Tab stop is the skip link');
    await t.press('Enter');
    await t.press('Tab');
  });
  assert.ok(await inFirstRow(), 'focus is in the first task');
  const stops = skip.keys - 1;
  assert.ok(stops <= 5, `≤ 5 Tab stops (took ${stops})`);

  await page.reload();
  await rows(page).first().waitFor();
  await walk('Reach the first task by keyboard', 'Tab alone, past the skip link and the controls above the list', async (t) => {
    while (!(await inFirstRow()) && t.keys < 80) {
      await t.press('Tab');
    }
  });
  assert.ok(await inFirstRow(), 'Tab alone reaches the first task too');
});

test('complete a task', async () => {
  await page.reload();
  await rows(page).first().waitFor();
  const first = await rows(page).first().locator('.task-title').textContent();
  await walk('Complete a task', '`j` to the first task, `x`', async (t) => {
    await t.press('j');
    await t.press('x');
  });
  await eventually(`${first} leaves the list`, async () => (await row(page, first).count()) === 0);
});

test('find a task', async () => {
  await walk('Find a task', '`/`, the words', async (t) => {
    await t.press('/');
    await t.type('flights');
  });
  await eventually('only the match is listed', async () =>
    (await rows(page).locator('.task-title').allTextContents()).join() === 'Book flights');
  await page.keyboard.press('Escape');
});

test('delete a task', async () => {
  await page.reload();
  await rows(page).first().waitFor();
  const first = await rows(page).first().locator('.task-title').textContent();
  await walk('Delete a task', '`j`, `#`, Shift+Tab to Delete, Enter (Cancel is the default)', async (t) => {
    await t.press('j');
    await t.press('#');
    const confirm = page.getByRole('dialog', { name: 'Delete task?' });
    await confirm.waitFor();
    await t.press('Shift+Tab');
    assert.ok(await isFocused(confirm.getByRole('button', { name: 'Delete' })), 'Shift+Tab reaches Delete');
    await t.press('Enter');
  });
  await eventually(`${first} is deleted`, async () => (await row(page, first).count()) === 0);
});

test('on a phone: add a task with a due date and a tag', async () => {
  const phone = await page.context().newPage();
  await phone.setViewportSize({ width: 375, height: 812 });
  await phone.goto(`${BASE}/?view=all`);
  await phone.getByRole('textbox', { name: 'Quick add' }).waitFor();
  const tally = await walk('Add a task with a due date and a tag, 375 px', 'tap the quick-add bar, the sentence, Enter', async (t) => {
    await t.click(phone.getByRole('textbox', { name: 'Quick add' }));
    await t.quickAdd('Renew passport next monday at 10am #admin', 'tag');
  }, phone);
  await row(phone, 'Renew passport').waitFor();
  assert.ok(tally.clicks <= 1, `≤ 1 tap (took ${tally.clicks})`);
  await phone.close();
});

/** GET {@code path} with the signed-in user's token, as JSON. */
function apiGet(p, path) {
  return p.evaluate(async (url) => {
    const token = Object.entries(localStorage).find(([k]) => k.toLowerCase().includes('token'))?.[1];
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    return response.json();
  }, path);
}

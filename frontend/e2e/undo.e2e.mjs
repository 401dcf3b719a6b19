// Undo (complete, edit, delete: the toast's button and Ctrl+Z), feedback on requests (a spinner, the time limit, Retry,
// nothing sent twice), the app's shell when the backend does not answer, and toasts that cover no control of the
// list (at most three), each at 1280 px and at 375 px, in headless Chromium against a running Kadence. Run like
// webapp.e2e.mjs:
//
//   KADENCE_URL=http://127.0.0.1:8080 node --test e2e/undo.e2e.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, eventually, isFocused, launchBrowser, newPage, row, rows, signUp } from './browser.mjs';

const WIDTHS = [
  { width: 1280, height: 860 },
  { width: 375, height: 740 },
];
const REQUEST_TIMEOUT_MS = 15_000; // src/api/client.ts

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A request to the API with the signed-in user's token: its status and JSON body. */
function api(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const token = localStorage.getItem('kadence.token');
    const response = await fetch(`/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }, { method, path, body });
}

async function create(page, body) {
  const answer = await api(page, 'POST', '/tasks', body);
  assert.equal(answer.status, 201, `creating ${body.title}`);
  return answer.body;
}

async function openAll(page) {
  await page.goto(`${BASE}/?view=all`);
  await page.getByRole('heading', { name: 'All tasks', level: 1 }).waitFor();
  await eventually('the list loaded', async () => (await page.getByRole('region', { name: 'Task list' }).getAttribute('aria-busy')) === 'false');
}

/** Moves the keyboard's selection (j) onto the row titled `title`. */
async function select(page, title) {
  await page.getByRole('heading', { level: 1 }).click();
  for (let i = 0; i < 50 && !(await isFocused(row(page, title))); i++) await page.keyboard.press('j');
  assert.ok(await isFocused(row(page, title)), `${title} selected`);
}

const undoToast = (page, text) => page.getByTestId('undo-toast').filter({ hasText: text });

for (const viewport of WIDTHS) {
  describe(`at ${viewport.width} px`, () => {
    let page;

    before(async () => {
      page = await newPage(browser);
      await page.setViewportSize(viewport);
      await signUp(page, `undo-${viewport.width}-${Date.now()}@example.com`);
    });

    after(async () => {
      await page?.context().close();
    });

    test('complete is undone by the toast\'s Undo, and with the keyboard alone by x then Ctrl+Z', async () => {
      await create(page, { title: 'File report' });
      await openAll(page);
      await page.getByRole('button', { name: 'Complete "File report"' }).click();
      await undoToast(page, 'Completed "File report"').getByRole('button', { name: 'Undo' }).click();
      await page.getByRole('button', { name: 'Complete "File report"' }).waitFor();
      await page.getByTestId('info-toast').filter({ hasText: 'Undone: Completed "File report"' }).waitFor();

      await select(page, 'File report');
      await page.keyboard.press('x');
      await undoToast(page, 'Completed "File report"').waitFor();
      await eventually('completed, it left All', async () => (await row(page, 'File report').count()) === 0);
      await page.keyboard.press('Control+z');
      await row(page, 'File report').waitFor();
      const [task] = (await api(page, 'GET', '/tasks?search=File+report')).body.items;
      assert.equal(task.status, 'todo', 'reopened on the server');
    });

    test('an edit is undone: the task gets back what it had', async () => {
      const task = await create(page, { title: 'Plan trip', priority: 'high' });
      await openAll(page);
      await select(page, 'Plan trip');
      await page.keyboard.press('e');
      const editor = page.getByRole('dialog', { name: 'Edit task' });
      await editor.waitFor();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('Plan holiday');
      await editor.getByLabel('Priority').selectOption('low');
      await editor.getByLabel('Title').press('Enter');
      await editor.waitFor({ state: 'detached' });
      await undoToast(page, 'Saved "Plan holiday"').waitFor();
      await row(page, 'Plan holiday').waitFor();

      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.press('Control+z');
      await row(page, 'Plan trip').waitFor();
      const back = (await api(page, 'GET', `/tasks/${task.id}`)).body;
      assert.equal(back.title, 'Plan trip');
      assert.equal(back.priority, 'high');
    });

    test('a delete goes to the trash: Undo (the toast\'s, or Ctrl+Z with the keyboard alone) restores it', async () => {
      const kept = await create(page, { title: 'Keep me', tags: ['home'], due_at: '2030-03-01T09:00:00Z', reminders: [{ before_due: 'PT1H' }] });
      await create(page, { title: 'Drop me' });
      await openAll(page);

      await select(page, 'Keep me');
      await page.keyboard.press('#');
      const confirm = page.getByRole('dialog', { name: 'Delete task?' });
      await confirm.waitFor();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await undoToast(page, 'Deleted "Keep me"').waitFor();
      assert.equal(await row(page, 'Keep me').count(), 0, 'gone from the list');
      assert.equal((await api(page, 'GET', `/tasks/${kept.id}`)).status, 404, 'deleted on the server');
      assert.deepEqual((await api(page, 'GET', '/trash')).body.items.map((task) => task.title), ['Keep me']);
      await page.keyboard.press('Control+z');
      await row(page, 'Keep me').waitFor();
      const back = (await api(page, 'GET', `/tasks/${kept.id}`)).body;
      assert.deepEqual([back.title, back.tags, back.reminders.length], ['Keep me', ['home'], 1], 'restored, reminder armed again');

      await page.getByRole('button', { name: 'Edit "Drop me"' }).click();
      await page.getByRole('dialog', { name: 'Edit task' }).getByRole('button', { name: 'Delete' }).click();
      await undoToast(page, 'Deleted "Drop me"').getByRole('button', { name: 'Undo' }).click();
      await row(page, 'Drop me').waitFor();
      await page.getByTestId('info-toast').filter({ hasText: 'Undone: Deleted "Drop me"' }).waitFor();
      await page.reload();
      await row(page, 'Keep me').waitFor();
      await row(page, 'Drop me').waitFor();
    });

    test('a delete can be undone after its toast has gone', async () => {
      const task = await create(page, { title: 'Late regret' });
      await openAll(page);
      await page.getByRole('button', { name: 'Edit "Late regret"' }).click();
      await page.getByRole('dialog', { name: 'Edit task' }).getByRole('button', { name: 'Delete' }).click();
      const toast = undoToast(page, 'Deleted "Late regret"');
      await toast.waitFor();
      await toast.getByRole('button', { name: 'Dismiss' }).click();
      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.press('Control+z');
      await row(page, 'Late regret').waitFor();
      assert.equal((await api(page, 'GET', `/tasks/${task.id}`)).status, 200);
    });

    test('the complete button shows progress and sends once, however often it is pressed', async () => {
      await create(page, { title: 'Press twice' });
      await openAll(page);
      let posts = 0;
      let answer;
      const held = new Promise((resolve) => { answer = resolve; });
      await page.route('**/api/v1/tasks/*/complete', async (route) => {
        posts++;
        await held;
        await route.fallback();
      });
      try {
        const check = page.getByRole('button', { name: 'Complete "Press twice"' });
        await check.click();
        await check.locator('[data-testid="spinner"]').waitFor();
        assert.equal(await check.getAttribute('aria-busy'), 'true');
        await check.click({ force: true }); // it is aria-disabled, which Playwright will not click otherwise
        await check.press('Enter');
        answer();
        await undoToast(page, 'Completed "Press twice"').waitFor();
        assert.equal(posts, 1, 'one request');
      } finally {
        answer();
        await page.unroute('**/api/v1/tasks/*/complete');
      }
    });

    test('a save the server does not answer times out with a message and Retry, which does not create it twice', async () => {
      // The same user in a page of its own whose clock the test moves (Playwright's fake timers, running in real time
      // until moved): the 15 s limit passes at once instead of in 15 s of waiting.
      const timed = await newPage(browser, [], { viewport, storageState: await page.context().storageState() });
      await timed.clock.install();
      let posts = 0;
      let answerLost;
      const lost = new Promise((resolve) => { answerLost = resolve; });
      await timed.route('**/api/v1/tasks', async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        posts++;
        const response = await route.fetch(); // it reached the server, which made the task…
        await lost; // …but the answer is lost: held until the page gave up on it
        await route.fulfill({ response }).catch(() => {});
      });
      try {
        await openAll(timed);
        await timed.getByRole('button', { name: 'New task' }).click();
        const editor = timed.getByRole('dialog', { name: 'New task' });
        await editor.waitFor();
        await timed.keyboard.type('Unanswered');
        await timed.keyboard.press('Enter');
        const save = editor.getByRole('button', { name: 'Saving…' });
        await save.locator('[data-testid="spinner"]').waitFor();
        assert.ok(await save.isDisabled(), 'Save waits');
        await timed.keyboard.press('Enter');
        await timed.keyboard.press('Escape');
        assert.ok(await editor.isVisible(), 'Escape does not pretend to cancel a save the server may be making');
        assert.equal(await timed.getByRole('dialog', { name: 'Discard changes?' }).count(), 0);
        await timed.clock.fastForward(REQUEST_TIMEOUT_MS - 1_000);
        assert.ok(await save.isDisabled(), 'still waiting a second before the limit');
        await timed.clock.fastForward(1_000);
        await editor.getByRole('alert').filter({ hasText: 'did not answer within 15 seconds. The change may still have been made.' })
          .waitFor();
        answerLost();
        assert.ok(await editor.getByRole('button', { name: 'Save' }).isEnabled(), 'Save is back');
        await eventually('the keyboard is on Retry', () => isFocused(editor.getByRole('button', { name: 'Retry' })));
        await timed.keyboard.press('Enter');
        await editor.waitFor({ state: 'detached' });
        await row(timed, 'Unanswered').waitFor();
        assert.equal(posts, 1, 'Retry found the task the first request made, and sent no second one');
        assert.equal(await row(timed, 'Unanswered').count(), 1);
      } finally {
        answerLost();
        await timed.context().close();
      }
    });

    test('a reload while the backend is down shows the app\'s shell with Retry', async () => {
      await page.route('**/api/v1/me', (route) => route.fulfill({
        status: 502,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 502, title: 'Bad Gateway', detail: 'task-crud is not answering', code: 'upstream_unavailable' }),
      }));
      try {
        await page.reload();
        await page.getByRole('heading', { name: "Can't reach Kadence" }).waitFor();
        await page.getByRole('link', { name: 'Kadence' }).waitFor();
        await page.getByRole('navigation', { name: 'Views' }).waitFor();
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        assert.match(await page.getByTestId('app-loading').textContent(), /task-crud is not answering/i);
      } finally {
        await page.unroute('**/api/v1/me');
      }
      await eventually('the keyboard is on Retry', () => isFocused(page.getByRole('button', { name: 'Retry' })));
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'New task' }).waitFor();
      assert.equal(await page.getByTestId('app-loading').count(), 0);
    });

    test('toasts: at most three, and none covers a control of the list', async () => {
      const titles = Array.from({ length: 12 }, (_, i) => `Row ${String(i + 1).padStart(2, '0')}`);
      for (const title of titles) await create(page, { title, tags: ['home'] });
      await openAll(page);
      const showFilters = page.getByRole('button', { name: 'Show filters' });
      if (await showFilters.isVisible()) await showFilters.click(); // a narrow screen folds them away
      for (const title of titles.slice(0, 4)) {
        await page.getByRole('button', { name: `Complete "${title}"` }).click();
        await undoToast(page, `Completed "${title}"`).waitFor();
      }
      // The fourth came in the same change that took the first away (toasts of their own accord last 8 s and more).
      assert.equal(await page.locator('.toast').count(), 3, 'three toasts at most');
      assert.equal(await undoToast(page, `Completed "${titles[0]}"`).count(), 0, 'the oldest gave way');

      for (const where of ['top', 'bottom']) {
        await page.evaluate((to) => {
          const scroller = document.querySelector('.app-scroll') ?? document.scrollingElement;
          scroller.scrollTop = to === 'top' ? 0 : scroller.scrollHeight;
        }, where);
        // Each control's visible part (inside what scrolls, inside the screen) is what a person can reach: it must
        // lie clear of every toast, and a click at its centre must land on the control, not on something laid over it.
        const seen = await page.evaluate(() => {
          const scroller = document.querySelector('.app-scroll');
          const scrolled = scroller ? scroller.getBoundingClientRect() : new DOMRect(0, 0, window.innerWidth, window.innerHeight);
          // What scrolls under the (sticky) header is hidden by design; below it is the list's space.
          const headerBottom = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
          const frame = new DOMRect(scrolled.left, Math.max(scrolled.top, headerBottom), scrolled.width, scrolled.bottom - Math.max(scrolled.top, headerBottom));
          const toasts = [...document.querySelectorAll('.toast')].map((toast) => toast.getBoundingClientRect());
          const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          return [...document.querySelectorAll('main button, main a, main input, main select, main textarea')].flatMap((element) => {
            const box = element.getBoundingClientRect();
            const left = Math.max(box.left, frame.left, 0);
            const right = Math.min(box.right, frame.right, window.innerWidth);
            const top = Math.max(box.top, frame.top, 0);
            const bottom = Math.min(box.bottom, frame.bottom, window.innerHeight);
            if (right - left < 1 || bottom - top < 1) return [];
            const visible = new DOMRect(left, top, right - left, bottom - top);
            const hit = document.elementFromPoint(left + (right - left) / 2, top + (bottom - top) / 2);
            const name = element.getAttribute('aria-label') || element.textContent.trim() || element.id;
            return [{ name, covered: toasts.some((toast) => overlaps(visible, toast)) || !(hit && element.contains(hit)) }];
          });
        });
        // A screenful, so that "nothing covered" means something: at 375 px the list's part of the screen holds four
        // rows, of two controls each (complete, edit) or three (and a tag). These rows and the untagged ones earlier
        // tests left tie on every sort key but their random ids, so which end up at the bottom changes from run to
        // run: 8 to 13 controls.
        assert.ok(seen.length >= 8, `controls on screen (${where}): ${seen.length}`);
        assert.deepEqual(seen.filter((control) => control.covered).map((control) => control.name), [], `nothing covered (${where})`);
      }
      const last = row(page, titles.at(-1));
      await last.scrollIntoViewIfNeeded();
      await last.getByRole('button', { name: `Edit "${titles.at(-1)}"` }).click(); // a real click: it would land on a toast above it
      await page.getByRole('dialog', { name: 'Edit task' }).waitFor();
      await page.keyboard.press('Escape');
    });

    test('? lists Ctrl+Z', async () => {
      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.getByText('Ctrl+Z', { exact: true }).waitFor();
      assert.match(await dialog.textContent(), /Undo the last complete, edit or delete/);
      await page.keyboard.press('Escape');
    });
  });
}

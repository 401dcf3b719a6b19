// What the browser scenarios share: Debian's Chromium through playwright-core, a page in the user's zone that records
// what the front door's policies refused, polling, and tasks made through the API to set a scene quickly.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const BASE = process.env.KADENCE_URL;
if (!BASE) {
  throw new Error('KADENCE_URL is not set: the address of a running Kadence, e.g. http://127.0.0.1:8080');
}
export const ZONE = 'Europe/Berlin';
export const PASSWORD = 'correct horse battery';

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/**
 * A page in its own context (`options` for the context: a phone's viewport, a colour scheme); what Chromium refused
 * under the CSP or Permissions-Policy goes to `violations`.
 */
export async function newPage(browser, violations = [], options = {}) {
  const context = await browser.newContext({ timezoneId: ZONE, locale: 'en-GB', viewport: { width: 1280, height: 860 }, ...options });
  // Each violation is an event in the page (and a console error Chromium writes itself); both are recorded.
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(
    `securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`)));
  const p = await context.newPage();
  p.on('console', (message) => {
    if (message.type() === 'error' && /securitypolicyviolation|Content Security Policy|Permissions-Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  p.setDefaultTimeout(10_000);
  return p;
}

/** A browser and its first page. */
export async function launch() {
  const browser = await launchBrowser();
  return { browser, page: await newPage(browser) };
}

/** Polls until {@code check} returns a truthy value (or fails with what it last saw). */
export async function eventually(what, check, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) {
        return last;
      }
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`not within ${timeout} ms: ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

export const rows = (page) => page.getByTestId('task-row');
export const row = (page, title) => rows(page).filter({ has: page.getByText(title, { exact: true }) });
export const isFocused = (locator) => locator.evaluate((element) => element === document.activeElement);

/** Signs a new user up in {@link ZONE}, checking the zone the page detected. */
export async function signUp(page, email = `user-${Date.now()}@example.com`) {
  await page.goto(`${BASE}/signup`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  assert.equal(await page.getByLabel('Time zone').inputValue(), ZONE);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'New task' }).waitFor();
}

/** A task made through the API with the signed-in user's token. */
export async function apiCreate(page, body) {
  const status = await page.evaluate(async (b) => {
    const token = Object.entries(localStorage).find(([k]) => k.toLowerCase().includes('token'))?.[1];
    const response = await fetch('/api/v1/tasks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(b),
    });
    return response.status;
  }, body);
  assert.equal(status, 201, `creating ${body.title}`);
}

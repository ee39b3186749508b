// The `test` every spec uses: it fails a test on any console error or warning, page error
// or dialog, so "no errors in the browser" is checked everywhere, not in one place.
import { test as base, expect } from '@playwright/test';

/// What Chromium logs for a request that fails for want of the network.
export const NETWORK_FAILURE = /^Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)$/;

const UNUSED_PRELOAD = /^The resource \S+ was preloaded using link preload but not used within a few seconds/;
const ROUTED = /^Service Worker registration blocked by Playwright$/;

export const test = base.extend({
  // A test that opens an unknown path expects the host's 404 status, which Chromium
  // logs as a console error; only such tests set this.
  allowNotFound: [false, { option: true }],
  // A test that cuts the network and expects a request to fail (Chromium logs each);
  // only such tests set this, and check themselves which requests failed.
  allowNetworkFailure: [false, { option: true }],
  page: async ({ page, allowNotFound, allowNetworkFailure }, use) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') {
        // Chromium's note on a preload unread 3 s after the load event, which depends on the
        // test's pace (a URL's bad value the pending script cannot judge: `?kind=x`), and
        // Playwright's own on the service worker a spec blocks (`serviceWorkers: 'block'`).
        if (!UNUSED_PRELOAD.test(msg.text()) && !ROUTED.test(msg.text())) problems.push(`console warning: ${msg.text()}`);
        return;
      }
      if (msg.type() !== 'error') return;
      if (allowNotFound && /status of 404/.test(msg.text())) return;
      if (allowNetworkFailure && NETWORK_FAILURE.test(msg.text())) return;
      problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('dialog', async (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      await dialog.dismiss();
    });
    await use(page);
    expect(problems, 'the page reported errors').toEqual([]);
  },
});

export { expect };

/// Waits until every list is wholly rendered: after a query changes, a long list renders
/// a screenful first and marks itself `aria-busy` until the rest follows.
export async function settled(page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/// The kinds of data file (`catalog`, `slice`, `lanes`, `postings`, …) a page asks for from
/// now on, in order: content-named files (`<kind>-<hash>.bin`) and those named by number
/// under their set's hash (`<kind>-<set>-<k>.bin`).
export function watchData(page) {
  const asked = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/^\/data\/([a-z]+)-[0-9a-f]{16}(?:-\d+)?\.bin$/);
    if (m) asked.push(m[1]);
  });
  return asked;
}

/// Opens a path cold and waits until the app has hydrated the page (`<html data-hydrated>`)
/// and its heading shows.
export async function open(page, path) {
  const response = await page.goto(path);
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await expect(page.locator('main h1')).toBeVisible();
  return response;
}

/// The timeline chart's tick labels on screen (narrow screens hide every other one), each
/// with its left and right edge.
export async function tickLabels(page) {
  return page.locator('.chart .tick-label').evaluateAll((els) => els
    .filter((e) => getComputedStyle(e).display !== 'none')
    .map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, text: e.textContent }; }));
}

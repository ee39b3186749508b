// Playwright drives Debian's Chromium (never a downloaded browser) against the release
// build in ../../dist, served by serve.mjs with no rewrite rules, the same app built
// with a synthetic corpus in ../../target/synth-dist, and the bundled corpus built for a
// site under /sub/ in ../../target/sub-dist.
import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

const port = 4173;

export default defineConfig({
  testDir: './specs',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `node serve.mjs ../../dist ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    // The app built with a synthetic corpus of 250 quotes and 250 events (.ci/test), for
    // the tests of long lists (specs/long-lists.spec.js, skipped without it).
    ...(fs.existsSync('../../target/synth-dist/index.html') ? [{
      command: `node serve.mjs ../../target/synth-dist ${port + 1}`,
      url: `http://127.0.0.1:${port + 1}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    }] : []),
    // The bundled corpus built for a site under a path (`--public-url /sub/`, .ci/test) and
    // served under /sub/ only, as a GitHub Pages project site is (specs/base-path.spec.js).
    ...(fs.existsSync('../../target/sub-dist/index.html') ? [{
      command: `node serve.mjs ../../target/sub-dist ${port + 2} /sub`,
      url: `http://127.0.0.1:${port + 2}/sub/`,
      reuseExistingServer: false,
      timeout: 20_000,
    }] : []),
  ],
});

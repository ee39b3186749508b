import { chromium } from 'playwright-core';
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const results = [];
for (let i = 0; i < 3; i++) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.waitForSelector('html[data-hydrated]', { timeout: 30000 });
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => ({ lt: window.__lt, marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]), fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime) }));
  const tbt = r.lt.filter(([s]) => s >= r.fcp).reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
  console.log(JSON.stringify({ ...r, tbt }));
  await ctx.close();
}
await browser.close();

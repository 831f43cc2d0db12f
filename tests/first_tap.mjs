// The first tap on a slow school network: headless Chromium with the network throttled to
// 150 ms latency and 1.6 Mbit/s down (issue 10), a round of the release build, cold (empty
// cache) and warm (the same browser again). Prints per run: when the feed is visible (first
// contentful paint), when a tap works (the island is live: `data-hydrated="true"`; a tap before
// that is held and replayed, `app::TAP_QUEUE`), and the bytes that came over the network.
// Run through `make firsttap` (tests/first_tap.sh), which builds and starts the server.
import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.argv[2];
const runs = Number(process.argv[3] || 3);
const path = '/en/play?age=10-12&app=photo&level=2&seed=7';
const throttle = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: mkdtempSync(join(tmpdir(), 'feedwise-first-tap-')),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

async function visit(context) {
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', throttle);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  // When the island marks itself live, in milliseconds since the navigation started.
  await page.evaluateOnNewDocument(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.game[data-hydrated="true"]')) {
        window.__live = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
  });
  await page.goto(base + path, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => window.__live !== undefined, { timeout: 60000 });
  const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  const live = await page.evaluate(() => window.__live);
  // Give late responses a moment to finish counting.
  await new Promise((r) => setTimeout(r, 300));
  await page.close();
  return { paint, live, bytes };
}

const rows = [];
for (let run = 1; run <= runs; run++) {
  const context = await browser.createBrowserContext();
  const cold = await visit(context);
  const warm = await visit(context);
  await context.close();
  for (const [kind, r] of [['cold', cold], ['warm', warm]]) {
    rows.push({ kind, ...r });
    console.log(`run ${run} ${kind}: feed visible ${r.paint.toFixed(0)} ms, first tap works ${r.live.toFixed(0)} ms, ${(r.bytes / 1024).toFixed(1)} KB over the network`);
  }
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const kind of ['cold', 'warm']) {
  const of = rows.filter((r) => r.kind === kind);
  console.log(`median ${kind}: feed visible ${median(of.map((r) => r.paint)).toFixed(0)} ms, first tap works ${median(of.map((r) => r.live)).toFixed(0)} ms, ${(median(of.map((r) => r.bytes)) / 1024).toFixed(1)} KB (goal: first tap ≤ 1300 ms cold, ≤ 20 KB warm)`);
}
await browser.close();

import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
const minutes = Number(process.argv[2] ?? 10);
const url = process.argv[3] ?? 'lab?seed=1&speed=max';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--enable-precise-memory-info'] });
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
await p.goto(`http://127.0.0.1:4317/#/${url}`);
await p.waitForTimeout(3000);
const cdp = await p.context().newCDPSession(p);
const rendererRss = () => {
  const out = execSync("ps -eo rss,args | grep -- '--type=renderer' | grep -v grep || true").toString().trim().split('\n').filter(Boolean);
  return out.reduce((s, l) => s + Number(l.trim().split(/\s+/)[0]), 0) / 1024;
};
const workerHeap = async () => { const w = p.workers()[0]; if (!w) return NaN; return w.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize / 1048576 : NaN)).catch(() => NaN); };
const sample = async (label) => {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const step = await p.getByTestId('metric-step').textContent();
  console.log(`${label}\tstep ${step}\tpage heap ${(usedSize / 1048576).toFixed(2)} MB\tworker heap ${(await workerHeap()).toFixed(2)} MB\trenderer RSS ${rendererRss().toFixed(0)} MB`);
};
await sample('before Play');
await p.locator('button.run-play').click();
const t0 = Date.now();
while (Date.now() - t0 < minutes * 60_000) {
  await p.waitForTimeout(60_000);
  await sample(`${((Date.now() - t0) / 60000).toFixed(1)} min`);
}
await b.close();

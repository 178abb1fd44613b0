import { chromium } from '@playwright/test';
const [w, h, ...urls] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
for (const u of urls) {
  await p.goto(`http://127.0.0.1:4317/#/${u}`);
  await p.waitForTimeout(2500);
  if (!u.includes('present')) await p.evaluate(() => document.querySelector('.lesson-text h2')?.scrollIntoView());
  await p.waitForTimeout(300);
  await p.screenshot({ path: `/tmp/zb/${w}-${u.replace(/[^a-z0-9]/gi, '_')}.png` });
}
await b.close();

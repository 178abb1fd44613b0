import { chromium } from '@playwright/test';
const chapters = { neurons: 7, activations: 8, loss: 5, backprop: 5, 'gradient-descent': 4, regularization: 7, embeddings: 7, rnn: 6, lstm: 6, transformer: 6 };
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
for (const [c, n] of Object.entries(chapters)) {
  const row = [];
  for (let s = 1; s <= n; s++) {
    await p.goto(`http://127.0.0.1:4317/#/${c}?lesson=${s}&seed=1`);
    await p.waitForTimeout(1800);
    row.push(await p.evaluate(() => Math.round(document.querySelector('.lesson-figure')?.getBoundingClientRect().height ?? -1)));
  }
  console.log(c, row.map((h) => (h > 788 ? `${h}!` : h)).join(' '));
}
await b.close();

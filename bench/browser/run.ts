/**
 * `npm run bench:browser`: the core's W1–W3 in Chromium's worker (where students train), beside Node's numbers.
 * Serves bench/browser/ with Vite, drives the page with Playwright's Chromium (Debian's /usr/bin/chromium or
 * $CHROMIUM_PATH), prints steps/s in both places, and writes them into bench/results.json under `browser`.
 * The chapters' own models (bench/chapterModels.ts) are timed in this Node process and in the browser, side by side.
 * Flags: --only W1,W2 --chapters rnn-char,lstm-char|none --seconds N --rounds N --out FILE|none, --after-detach
 * (detach one buffer in the worker before timing, as a transfer does: bench/README.md, Fairness). Run it on a quiet machine, like `npm run bench`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import type { BrowserBenchResult } from './protocol';
import { CHAPTER_MODEL_IDS, chapterModelLabel, type ChapterModelId } from '../chapterModels';
import { compareRuns, compareWithNode, type NodeResults } from './compare';
import { runChapterModel } from './workloadRun';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && existsSync(p),
  );
  if (!found)
    throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

async function measure(query: string, timeoutMs: number): Promise<BrowserBenchResult> {
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    server: { port: 4391 },
  });
  await server.listen();
  const url = `${server.resolvedUrls?.local[0] ?? 'http://localhost:4391/'}bench/browser/index.html?${query}`;
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => console.log(`  [page] ${m.text()}`));
    await page.goto(url);
    await page.waitForFunction(() => '__browserBench' in window, null, { timeout: timeoutMs });
    const result = await page.evaluate(
      () => (window as unknown as { __browserBench: unknown }).__browserBench,
    );
    if (typeof result === 'object' && result !== null && 'error' in result)
      throw new Error(`browser bench failed: ${String((result as { error: unknown }).error)}`);
    return result as BrowserBenchResult;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const only = flag('only') ?? 'W1,W2,W3';
  const seconds = Number(flag('seconds') ?? 3);
  const rounds = Number(flag('rounds') ?? 5);
  const out = flag('out') ?? 'bench/results.json';
  const chapterFlag = flag('chapters') ?? CHAPTER_MODEL_IDS.join(',');
  const chapters = CHAPTER_MODEL_IDS.filter((id) => chapterFlag.split(',').includes(id));
  const timing = { seconds, rounds, warmupSeconds: 0.5 };
  const nodeChapters = chapters.map((id: ChapterModelId) => {
    console.log(`Node: ${chapterModelLabel(id)}…`);
    return runChapterModel(id, timing);
  });
  const count = only.split(',').length + chapters.length;
  const detach = process.argv.includes('--after-detach') ? '&detach=1' : '';
  const query = `only=${only}&chapters=${chapters.join(',')}&seconds=${seconds}&rounds=${rounds}${detach}`;
  const result = await measure(query, count * (seconds + 30) * 1000);
  const nodeResults: NodeResults = existsSync('bench/results.json')
    ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as NodeResults)
    : { workloads: [] };
  const summary = compareWithNode(result, nodeResults);
  const chapterSummary = compareRuns(result.chapterModels, nodeChapters);
  for (const line of [...summary.lines, "The chapters' own models:", ...chapterSummary.lines])
    console.log(line);
  if (out !== 'none') {
    const json = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
    json.browser = {
      date: new Date().toISOString(),
      ...result,
      comparedWithNode: summary.rows,
      chapterModelsInNode: nodeChapters,
      chapterModelsCompared: chapterSummary.rows,
    };
    writeFileSync(out, `${JSON.stringify(json, null, 1)}\n`);
    console.log(`Wrote ${out} (key "browser").`);
  }
  if (!summary.agree || !chapterSummary.agree) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

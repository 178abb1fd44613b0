import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { precachePlugin } from './precachePlugin';

const template = readFileSync(new URL('../../../public/sw.js', import.meta.url), 'utf8');
const dirs: string[] = [];

/** Builds a fake output folder, runs the plugin's hooks on it, returns the written worker's VERSION and PRECACHE. */
function run(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'gl-precache-'));
  dirs.push(root);
  for (const [name, text] of Object.entries({ 'sw.js': template, ...files })) {
    mkdirSync(join(root, 'out', name, '..'), { recursive: true });
    writeFileSync(join(root, 'out', name), text);
  }
  const plugin = precachePlugin();
  (plugin.configResolved as (c: unknown) => void)({ root, build: { outDir: 'out' } });
  (plugin.closeBundle as () => void)();
  const sw = readFileSync(join(root, 'out', 'sw.js'), 'utf8');
  const version = JSON.parse(sw.match(/const VERSION = ("[^"]*");/)![1]) as string;
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[[^\]]*\]);/)![1]) as string[];
  return { version, precache };
}

afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('precachePlugin', () => {
  const build = {
    'index.html': '<!doctype html>',
    'favicon.svg': '<svg/>',
    'assets/index-abc.js': 'console.log(1)',
    'assets/index-abc.js.map': '{}',
    'assets/KaTeX_Main-Regular-x.woff2': 'font',
    'assets/trainer.worker-y.js': 'self.onmessage = null',
  };

  it('lists every built file except source maps and the worker script itself', () => {
    const { precache, version } = run(build);
    expect(precache).toEqual([
      './assets/KaTeX_Main-Regular-x.woff2',
      './assets/index-abc.js',
      './assets/trainer.worker-y.js',
      './favicon.svg',
      './index.html',
    ]);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes the version whenever any file changes, and only then', () => {
    const a = run(build).version;
    expect(run(build).version).toBe(a);
    expect(run({ ...build, 'assets/index-abc.js': 'console.log(2)' }).version).not.toBe(a);
    expect(run({ ...build, 'assets/extra.css': 'a{}' }).version).not.toBe(a);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The production bundle carries no test hook: the fault-test experiment and the runtime counters on `window` that the
 * browser tests read exist only in the e2e build mode.
 */
const outDir = mkdtempSync(join(tmpdir(), 'gl-prod-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function scriptsIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

describe('production bundle', () => {
  it('has no fault-injection experiment and no runtime counters on window; the e2e build has both', async () => {
    await build({
      mode: 'production',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    const prod = scriptsIn(outDir);
    expect(prod.length).toBeGreaterThan(5);
    expect(prod.filter((s) => s.includes('fault-test') || s.includes('Fault injection'))).toEqual([]);
    expect(prod.filter((s) => s.includes('__gradientLabRuntime'))).toEqual([]);

    await build({ mode: 'e2e', logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
    const e2e = scriptsIn(outDir);
    expect(e2e.some((s) => s.includes('fault-test'))).toBe(true);
    expect(e2e.some((s) => s.includes('__gradientLabRuntime'))).toBe(true);
  });
});

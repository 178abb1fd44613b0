import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * After a production build, fills the service worker's precache list: every file in the output folder (app shell,
 * chunks, the training worker, CSS, KaTeX fonts, data), except source maps and the worker script itself. The version
 * is a hash of the list's contents, so `sw.js` changes byte-for-byte whenever the build does — which is what makes the
 * browser offer the new version.
 */
export function precachePlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'gradient-lab-precache',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const swPath = join(outDir, 'sw.js');
      if (!existsSync(swPath)) return; // a build without public/ (e.g. a library build): nothing to do
      const files = listFiles(outDir)
        .map((f) => relative(outDir, f).split(sep).join('/'))
        .filter((f) => f !== 'sw.js' && !f.endsWith('.map'))
        .sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 16);
      const list = files.map((f) => JSON.stringify(`./${f}`)).join(',');
      const source = readFileSync(swPath, 'utf8');
      if (!source.includes('/*__GL_PRECACHE__*/')) throw new Error('sw.js: precache placeholder missing');
      writeFileSync(
        swPath,
        source.replace("'__GL_VERSION__'", JSON.stringify(version)).replace('/*__GL_PRECACHE__*/', list),
      );
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

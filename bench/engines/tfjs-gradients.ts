// TensorFlow.js's Node entry of @tensorflow/tfjs-core (dist/tf-core.node.js) ships NO gradient definitions: the
// umbrella package @tensorflow/tfjs normally adds them via 'register_all_gradients'. That module exists only as
// extension-less ESM, which Node cannot load directly, so we bundle it once with esbuild (already installed as tsx's
// dependency) into a temporary CommonJS file and require it. The gradients register into tfjs's global registry
// (tfjs keeps its engine and registries on the global object), so they serve the already-loaded engine.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import * as tf from '@tensorflow/tfjs-core';

let registered = false;

export async function registerTfjsGradients(): Promise<void> {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  const dir = path.join(os.tmpdir(), 'gradient-lab-bench');
  const file = path.join(dir, `tfjs-${tf.version_core}-gradients.cjs`);
  if (!existsSync(file)) {
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      logLevel: 'error',
    });
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, out.outputFiles[0].text);
  }
  require(file);
  registered = true;
}

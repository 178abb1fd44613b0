import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rule in eslint.config.js, checked on deliberately bad imports (text linted as if at the given path). */
const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('ESLint layer rule', () => {
  it.each([
    ['src/core/bad.ts', "import { useRunStore } from '../state/runStore';"],
    ['src/experiments/bad.ts', "import { faultTest } from '../worker/client';"],
    ['src/worker/bad.ts', "import { navigate } from '../platform/router';"],
    ['src/state/bad.ts', "import { LessonPage } from '../lessons';"],
    ['src/components/bad.ts', "import { chapter } from '../chapters/neurons/chapter';"],
    ['src/lessons/bad.ts', "import { App } from '../app/App';"],
    ['src/chapters/neurons/bad.ts', "import { App } from '../../app/App';"],
    ['src/core/bad2.ts', "import * as d3 from 'd3';"],
  ])('%s may not import upward: %s', async (filePath, code) => {
    const errors = await layerErrors(filePath, `${code}\nexport const x = 1;\n`);
    expect(errors.length).toBe(1);
    expect(errors[0]).toContain('may import only the layers below it');
  });

  it('allows imports downward', async () => {
    const code =
      "import { navigate } from '../../platform/router';\nimport { tensor } from '../../core';\nexport const x = [navigate, tensor];\n";
    expect(await layerErrors('src/chapters/neurons/ok.ts', code)).toEqual([]);
  });

  it.each([
    [
      'src/chapters/loss/figures/bad.tsx',
      "import { ExperimentPanel } from '../../backprop/figures/ExperimentPanel';",
    ],
    ['src/chapters/lstm/chapter.ts', "import { chapter } from '../rnn/chapter';"],
    ['src/chapters/lstm/figures/bad.ts', "import '../../rnn/rnn.css';"],
  ])('%s may not import another chapter: %s', async (filePath, code) => {
    const errors = await layerErrors(filePath, `${code}\nexport const x = 1;\n`);
    expect(errors.length).toBe(1);
    expect(errors[0]).toContain('may not import another chapter');
  });

  it("allows a chapter its own files and a lower layer's folder of the same name", async () => {
    const code = [
      "import { chapter } from '../chapter';",
      "import { saturationExperiment } from '../../../experiments/loss/saturation';",
      "import { defineChapter } from '../../../lessons/defineChapter';",
      'export const x = [chapter, saturationExperiment, defineChapter];',
      '',
    ].join('\n');
    expect(await layerErrors('src/chapters/loss/figures/ok.ts', code)).toEqual([]);
  });
});

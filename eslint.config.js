import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The layers, bottom up. A layer may import any layer before it in this list and none after it. */
export const LAYERS = [
  'core',
  'experiments',
  'worker',
  'platform',
  'state',
  'components',
  'lessons',
  'chapters',
  'app',
];

/** The patterns that forbid importing the layers above `layer` (relative imports and their folders). */
function upwardPatterns(layer) {
  const i = LAYERS.indexOf(layer);
  const above = LAYERS.slice(i + 1);
  const ui =
    i < LAYERS.indexOf('platform') ? ['react', 'react-dom', 'react/*', 'd3', 'd3-*', 'zustand', 'katex'] : [];
  return {
    group: [...above.flatMap((a) => [`**/${a}`, `**/${a}/**`]), ...ui],
    message: `The ${layer} layer may import only the layers below it (${LAYERS.slice(0, i).join(', ') || 'none'}).`,
  };
}

/** The chapter folders: each is a self-contained page (chapter.ts + figures/); what two share lives in a lower layer. */
const CHAPTERS = readdirSync(join(import.meta.dirname, 'src', 'chapters'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/**
 * Relative imports that reach another chapter's folder from anywhere inside `chapter` (at most three folders deep),
 * e.g. '../../backprop/figures/ExperimentPanel' from src/chapters/loss/figures/.
 */
function otherChapterPatterns(chapter) {
  const others = CHAPTERS.filter((c) => c !== chapter);
  const ups = ['../', '../../', '../../../'];
  return {
    group: others.flatMap((o) => [...ups.flatMap((u) => [`${u}${o}`, `${u}${o}/**`]), `**/chapters/${o}/**`]),
    message:
      'A chapter may not import another chapter: move what they share to a lower layer (components, lessons, state).',
  };
}

/**
 * One `no-restricted-imports` rule per layer, naming every layer above it; then one per chapter folder, which
 * also names the other chapters (it comes later, so for a chapter's files it replaces the layer's rule, whose
 * patterns it repeats).
 */
function layerRules() {
  const rule = (files, patterns) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  });
  const layers = LAYERS.slice(0, -1).map((layer) =>
    rule([`src/${layer}/**/*.{ts,tsx}`], [upwardPatterns(layer)]),
  );
  const chapters = CHAPTERS.map((c) =>
    rule([`src/chapters/${c}/**/*.{ts,tsx}`], [upwardPatterns('chapters'), otherChapterPatterns(c)]),
  );
  return [...layers, ...chapters];
}

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'public/sw.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['e2e/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='eval']",
          message: 'No eval: nothing from a URL or file is code.',
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Layering: each folder under src/ imports only the folders listed before it (docs/ARCHITECTURE.md).
  ...layerRules(),
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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

/** One `no-restricted-imports` rule per layer, naming every layer above it (relative imports and their folders). */
function layerRules() {
  return LAYERS.slice(0, -1).map((layer, i) => {
    const above = LAYERS.slice(i + 1);
    const ui =
      i < LAYERS.indexOf('platform')
        ? ['react', 'react-dom', 'react/*', 'd3', 'd3-*', 'zustand', 'katex']
        : [];
    return {
      files: [`src/${layer}/**/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: [...above.flatMap((a) => [`**/${a}`, `**/${a}/**`]), ...ui],
                message: `The ${layer} layer may import only the layers below it (${LAYERS.slice(0, i).join(', ') || 'none'}).`,
              },
            ],
          },
        ],
      },
    };
  });
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

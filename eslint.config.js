import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/cli/**', '**/documents/**'],
              message: 'The domain is pure: it never imports the store, the CLI or documents.',
            },
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'better-sqlite3', 'pdfkit', '@inquirer/*', 'chalk'],
              message: 'The domain has no I/O.',
            },
          ],
        },
      ],
    },
  },
  { files: ['bench/**', 'scripts/**', 'bin/**', 'test/**'], rules: { 'no-console': 'off' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);

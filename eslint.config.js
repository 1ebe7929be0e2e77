import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'apps/server/drizzle/**',
      'bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // A module owns its tables (DESIGN.md seams): only its own files import its schema.ts; others
  // read what it exports. A schema.ts may reference another's table for a foreign key; the demo
  // seeder and test code may reach everywhere. The same rule for SQL text: apps/server/test/seams.
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: [
      'apps/server/src/**/schema.ts',
      'apps/server/src/modules/demo/**',
      'apps/server/src/**/*.test.ts',
      'apps/server/src/**/testing.ts',
      'apps/server/src/**/test-support.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/schema.ts', '**/modules/*/schema.ts', '**/db/schema.ts'],
              message:
                'Another module owns these tables: call the functions or views it exports (DESIGN.md seams).',
            },
          ],
        },
      ],
    },
  },
);

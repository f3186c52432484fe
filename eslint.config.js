import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // No import cycles: each module's dependencies form a tree that a newcomer can read from
    // the leaves up (ARCHITECTURE.md). The TypeScript resolver follows the @shared/… alias of
    // tsconfig. import-x skips type-only imports by design; test/architecture/import-cycles
    // finds those too.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // The core is plain Node: only the shell and the preload may touch Electron.
    files: ['electron/main/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts'],
    ignores: ['electron/main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main/shell and electron/preload may import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // The interface reaches the core only through window.api.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the core through window.api only.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', 'node:*'],
              message: 'The renderer reaches the core through window.api only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // useApiData's dependencies are checked like useEffect's (renderer/src/lib/use-api-data.ts).
      'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^(useApiData|useRecord)$' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ runs in both processes.' }],
          patterns: [
            {
              group: ['node:*', '**/electron/**', '**/renderer/**'],
              message: 'shared/ runs in both processes.',
            },
          ],
        },
      ],
    },
  },
)

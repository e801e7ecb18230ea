import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const testFiles = ['**/*.test.ts', '**/test/**/*.ts'];
const javascriptFiles = ['**/*.js', '**/*.mjs'];

/**
 * The lint every p2c package runs: typescript-eslint's strict, type-checked set, with each rule
 * that is turned off or down saying why beside it. `root` is the folder of the package's
 * `eslint.config.js`: its `tsconfig.json` decides which files are typed; `untypedFiles` names
 * TypeScript files that are in no tsconfig (they are linted without types, like plain JavaScript).
 */
export function p2cEslint(root, { untypedFiles = [] } = {}) {
  return tseslint.config(
    { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/.turbo/**', '**/.p2c/**'] },
    js.configs.recommended,
    tseslint.configs.strictTypeChecked,
    {
      languageOptions: {
        globals: globals.node,
        parserOptions: { projectService: true, tsconfigRootDir: root },
      },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        // The async pipeline's own failure modes: every promise is awaited, returned or voided on purpose.
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/await-thenable': 'error',
        '@typescript-eslint/return-await': ['error', 'in-try-catch'],
        // Off: `async` without `await` is how a synchronous implementation (better-sqlite3, fakes, msw
        // handlers) keeps an async interface, and it turns a throw into a rejection as callers expect.
        '@typescript-eslint/require-await': 'off',
        // A new status, kind or error code must be handled wherever it is switched on.
        '@typescript-eslint/switch-exhaustiveness-check': [
          'error',
          { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
        ],
        // Type-only imports vanish from the build (verbatimModuleSyntax needs them marked).
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
        '@typescript-eslint/no-import-type-side-effects': 'error',
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_' },
        ],
        // Numbers and booleans read well in messages; objects would print [object Object], which stays an error.
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
        // `Promise<void>` callbacks passed where void is expected are checked by no-misused-promises;
        // arrow shorthands returning void (`() => void done()`) are idiomatic and harmless.
        '@typescript-eslint/no-confusing-void-expression': 'off',
        // Classes with only static members are not used; namespaces of functions are modules here.
        '@typescript-eslint/no-extraneous-class': 'error',
        eqeqeq: ['error', 'always'],
        'no-console': 'off', // The CLI and the bench write to the terminal on purpose; libraries take a Logger.
      },
    },
    {
      files: testFiles,
      rules: {
        // A test asserts a value it has just checked exists; `!` states that without ceremony.
        '@typescript-eslint/no-non-null-assertion': 'off',
        // Tests read parsed JSON from the CLI and the emulator and assert its shape with expect().
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
      },
    },
    {
      files: [...javascriptFiles, ...untypedFiles],
      // Config files and scripts in plain JavaScript are in no tsconfig: lint them without types.
      ...tseslint.configs.disableTypeChecked,
    },
  );
}

// ESLint (flat config): the recommended rules of ESLint and of typescript-eslint, without type
// information (type-aware linting would build a whole program on every run; `npm run typecheck`
// checks the types). Layout is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'server/generated/', '.cache/', 'test-results/', '.corroborate-cache/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `catch {}` is how the code says "ignore this failure" (a process already gone, a file
      // already removed); an empty block anywhere else is still an error.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // It flags deliberate patterns: `let x = fallback; try { x = f(); } catch { x = fallback; }`
      // and the bench's `index = undefined` to let the garbage collector have the old index.
      'no-useless-assignment': 'off',
      // A `let` read (in a closure) before its one assignment, e.g. a timer that the callback
      // defined above it clears, cannot be a `const`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Each custom request is declared as LSP's own protocol declares its requests:
    // `namespace FooRequest { export const type = new RequestType(...) }`.
    files: ['server/src/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    // Tests read untyped JSON: LSP messages, the CLI's JSON and SARIF output.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain CommonJS scripts loaded by mocha (the reporter) and by the editor suite.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The callbacks passed to playwright's page.evaluate() run in the browser.
    files: ['test/editor/ui.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

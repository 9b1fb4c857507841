// Lint rules: the recommended sets of ESLint and typescript-eslint; `any` is
// an error because a type can almost always be written.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'services/db/generated/', 'web/**/vendor/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'web/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', window: 'readonly', document: 'readonly', localStorage: 'readonly', sessionStorage: 'readonly', fetch: 'readonly', URL: 'readonly', setTimeout: 'readonly', Buffer: 'readonly',
      Node: 'readonly', HTMLElement: 'readonly', Event: 'readonly', CustomEvent: 'readonly', navigator: 'readonly', location: 'readonly',
      history: 'readonly', WebSocket: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', clearTimeout: 'readonly',
      FormData: 'readonly', AbortController: 'readonly', URLSearchParams: 'readonly', alert: 'readonly', confirm: 'readonly' } },
  },
);

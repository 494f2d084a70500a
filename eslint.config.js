// @ts-check
/**
 * ESLint: typescript-eslint's type-checked recommended rules for .ts and .mjs, the non-type-checked set for
 * .astro (their frontmatter is not in the TypeScript program), and the folder boundaries of src/ (README,
 * "How the data flows"), written as import and global restrictions so that an editor shows them as you type.
 * tests/unit/eslintBoundaries.test.ts proves the boundaries report what they should.
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/** A relative import of `src/<folder>/…`, from a module one or more folders deep in src/. */
const intoFolder = (folder) => `^(\\.\\./)+(src/)?${folder}(/|$)`;

/** @param {string[]} folders @param {string} why */
const folders = (folders, why) => ({ regex: intoFolder(`(${folders.join('|')})`), message: why });

const NODE_BUILTINS = {
  regex: `^(node:.*|(${builtinModules.filter((name) => !name.includes('/')).join('|')})(/.*)?)$`,
  message: 'Only src/load (and scripts/) touch the disk or the process: pass data in instead.',
};
const ASTRO_RUNTIME = {
  // astro/zod is zod itself, re-exported: the schema library the record types are inferred from.
  regex: '^astro(:.*|/(?!zod$).*)?$',
  message: 'Pure modules run outside Astro too (scripts, tests, the browser): no astro:* or Astro runtime. astro/zod is allowed.',
};
const SITE = folders(
  ['client', 'load', 'pages', 'views', 'components', 'layouts', 'styles'],
  'Pure folders are below the site, its loader and browser code: never import them.',
);
const ASTRO_FILE = { regex: '\\.astro$', message: 'Components are for the site; pure modules cannot import them.' };

/**
 * The site's dictionaries (i18n/index.ts, zh-CN.ts, en.ts) hold page texts and import derive/ and charts/;
 * below them, every step may share i18n's leaf modules: the Locale and Bilingual types and the {placeholder} filler.
 */
const DICTIONARIES = {
  regex: `${intoFolder('i18n')}(?!(locale|fill)\\.ts$)`,
  message: "Only i18n/locale.ts and i18n/fill.ts are shared below the site; the dictionaries are the pages' texts.",
};

/**
 * Per pure folder, the later steps it must not know about (format/ and model/ are shared by all steps,
 * i18n/locale.ts and i18n/fill.ts too).
 */
const LOWER_THAN = {
  read: [
    folders(['derive', 'publish', 'charts', 'config'], 'Reading and checking data comes first in the flow: it knows only model/ and format/.'),
    DICTIONARIES,
  ],
  model: [
    folders(['read', 'derive', 'format', 'publish', 'charts', 'config'], 'model/ holds what every step shares, so it imports none of them.'),
    DICTIONARIES,
  ],
  format: [
    folders(['read', 'derive', 'publish', 'charts', 'config'], 'format/ is browser-safe formatting: it builds on model/ and i18n/locale.ts only.'),
    DICTIONARIES,
  ],
  config: [folders(['read', 'derive', 'format', 'publish', 'charts'], 'Site settings do not depend on the steps that use them.'), DICTIONARIES],
  derive: [folders(['charts', 'publish'], 'View models are computed before charts are laid out and files are published.'), DICTIONARIES],
  publish: [folders(['charts'], 'Published files are made from records and view models, not from chart layouts.'), DICTIONARIES],
  charts: [folders(['read', 'publish'], 'Chart layouts take view models (derive/), not records or files.'), DICTIONARIES],
  i18n: [],
};

const PURE_GLOBALS = [
  ...['document', 'window', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history', 'fetch', 'XMLHttpRequest'].map((name) => ({
    name,
    message: 'Pure folders have no DOM or network: browser code lives in src/client/.',
  })),
  { name: 'process', message: 'Pure folders read no environment: take settings as arguments (src/load reads them).' },
  { name: 'Buffer', message: 'Use Uint8Array: pure modules also run in the browser.' },
  { name: 'performance', message: 'Pure folders read no clock: timing belongs in scripts/.' },
];

const CLOCK = 'Pure folders read no clock or randomness (same input, same output): take the date as an argument.';
const PURE_SYNTAX = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: CLOCK },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK },
  { selector: "CallExpression[callee.name='Date']", message: CLOCK },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: CLOCK },
];

const pureFolderConfigs = Object.entries(LOWER_THAN).map(([folder, lower]) => ({
  name: `boundaries/pure/${folder}`,
  files: [`src/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', { patterns: [NODE_BUILTINS, ASTRO_RUNTIME, SITE, ASTRO_FILE, ...lower] }],
    'no-restricted-globals': ['error', ...PURE_GLOBALS],
    'no-restricted-syntax': ['error', ...PURE_SYNTAX],
  },
}));

/** Modules in the TypeScript program; not the <script>s ESLint extracts from .astro files as `X.astro/1_1.ts`. */
const TYPED = { files: ['**/*.ts', '**/*.mjs', '**/*.js'], ignores: ['**/*.astro/**'] };

export default defineConfig(
  {
    name: 'ignores',
    ignores: ['dist/', '.build/', '.astro/', 'node_modules/', 'tests/fixtures/', 'tests/unit/__snapshots__/', 'tests/browser/screenshots/', '.exp/'],
  },
  js.configs.recommended,
  {
    name: 'typed',
    ...TYPED,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  ...astro.configs.recommended,
  // .astro frontmatter and <script>s are parsed by astro-eslint-parser outside the TypeScript program.
  {
    name: 'astro-ts',
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js'],
    // Without typescript-eslint's base config, which would replace astro-eslint-parser.
    plugins: { '@typescript-eslint': tseslint.plugin },
    extends: [tseslint.configs.recommended.filter((config) => config.name !== 'typescript-eslint/base')],
  },
  {
    name: 'project',
    rules: {
      // Unused names are errors, except a leading _ marking one kept on purpose (a parameter a callback must accept).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `x == null` is kept as the one idiom for null-or-undefined (DOM lookups give both).
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    name: 'node-globals',
    // Config files and scripts run in Node; TypeScript checks globals in .ts, no-undef does not know them.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  ...pureFolderConfigs,
  {
    name: 'boundaries/client',
    files: ['src/client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...NODE_BUILTINS, message: 'src/client runs in the browser: no Node modules.' },
            { regex: '^astro(:.*)?$', message: 'src/client runs in the browser: no astro:* or Astro runtime.' },
            folders(['load', 'pages', 'views', 'components', 'layouts'], 'Browser code cannot reach the build: it gets its data from the page.'),
            ASTRO_FILE,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require'].map((name) => ({ name, message: 'src/client runs in the browser: no Node globals.' })),
      ],
    },
  },
  {
    name: 'boundaries/site',
    // The Astro site lays out what src/load built; only src/load reads the disk.
    files: ['src/pages/**', 'src/views/**', 'src/components/**', 'src/layouts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ ...NODE_BUILTINS, message: 'Only src/load reads the disk: have it put what the page needs in the Site.' }] },
      ],
    },
  },
);

import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Dependency direction, as lint rules (issue 13): packages never import services; services never import each other;
 * only composition roots (infra, the local CLI, tests' and benches' set-up) import the suite; inside a service,
 * `domain/` is pure (no kernel, no AWS, no other room), repositories know no use case, use cases no route, and no
 * route file imports another.
 */
const SERVICES = readdirSync(new URL('./services/', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const service = (name) => [`@cocreate/${name}`, `@cocreate/${name}/*`];
const NO_SUITE = {
  group: ['@cocreate/suite', '@cocreate/suite/*'],
  message: 'Only composition roots (infra, the local CLI, test set-up) import the suite.',
};
const NO_SERVICES = {
  group: SERVICES.flatMap(service),
  message: 'Shared packages never import a service: take what you need as a parameter from the composition root.',
};
const otherServices = (own) => ({
  group: [...SERVICES.filter((s) => s !== own).flatMap(service), '../../*/**', '../../../services/**'],
  message: 'Services never import each other: they talk through events (contracts) only.',
});
const PURE = {
  group: [
    '@cocreate/kernel',
    '@cocreate/kernel/*',
    '@aws-sdk/*',
    '@middy/*',
    '@aws-lambda-powertools/*',
    '../app/*',
    '../repos/*',
    '../handlers/*',
    '../store.ts',
  ],
  message: 'domain/ holds pure rules: no kernel, no AWS, no use cases, repositories or routes.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const boundaries = [
  { files: ['packages/**/*.ts'], rules: restrict(NO_SUITE, NO_SERVICES) },
  { files: ['packages/suite/**/*.ts', 'packages/local/src/cli.ts', 'packages/ops/src/cli.ts'], rules: restrict() },
  ...SERVICES.flatMap((s) => [
    { files: [`services/${s}/**/*.ts`], rules: restrict(NO_SUITE, otherServices(s)) },
    { files: [`services/${s}/domain/**/*.ts`], rules: restrict(NO_SUITE, otherServices(s), PURE) },
    {
      files: [`services/${s}/repos/**/*.ts`],
      rules: restrict(NO_SUITE, otherServices(s), {
        group: ['../app/*', '../handlers/*'],
        message: 'Repositories know no use case or route.',
      }),
    },
    {
      files: [`services/${s}/app/**/*.ts`],
      rules: restrict(NO_SUITE, otherServices(s), { group: ['../handlers/*'], message: 'Use cases know no route: routes call use cases.' }),
    },
    {
      files: [`services/${s}/handlers/**/*.ts`],
      rules: restrict(NO_SUITE, otherServices(s), {
        group: ['./*', '../handlers/*'],
        message: 'A route file imports no other route file: share through app/ or domain/.',
      }),
    },
    // Benches and tests set up whole stacks: they are composition roots.
    { files: [`services/${s}/bench/**/*.ts`, `services/${s}/test/**/*.ts`], rules: restrict(otherServices(s)) },
  ]),
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'cdk.out/**', '**/cdk.out/**', 'reports/**', '.cocreate/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        NodeJS: 'readonly',
        Headers: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      // `import { z }` keeps all of zod in every bundle (~85 KB); the namespace import lets esbuild drop what no schema uses.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
          message: "Write import * as z from 'zod' (issue 17).",
        },
      ],
    },
  },
  ...boundaries,
  {
    // Tests talk to JSON APIs whose bodies they assert field by field.
    files: ['**/test/**/*.ts', 'test/**/*.ts', 'packages/local/src/testing.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

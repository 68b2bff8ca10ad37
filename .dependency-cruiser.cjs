/**
 * Module boundaries, checked by `npm run boundaries` (part of `npm test`).
 * The pure libraries hold the decisions; frameworks, databases and queues stay outside.
 */
const PURE_LIBS = '^libs/(domain|clock|plan)/';
const INFRA_PACKAGES =
  '(^|/)node_modules/(@nestjs|better-sqlite3|bullmq|ioredis|@kurrent|express|class-validator|class-transformer|nestjs-pino|pino|prom-client)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports make load order fragile and hide layering mistakes.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-libs-no-infrastructure',
      severity: 'error',
      comment: 'The domain, plan and clock libraries import nothing of NestJS, databases or queues.',
      from: { path: PURE_LIBS, pathNot: '\\.spec\\.ts$' },
      to: { path: INFRA_PACKAGES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-libs-no-infra-libs',
      severity: 'error',
      comment: 'Pure libraries may know the event store port as types, never its adapters.',
      from: { path: PURE_LIBS, pathNot: '\\.spec\\.ts$' },
      to: { path: '^libs/(event-store|config)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libraries are wired by the apps, never the other way round.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'worker-not-to-api',
      severity: 'error',
      comment: 'The worker runs without HTTP; the api may host the worker module, not the reverse.',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      comment: 'Production code must not import specs or test support.',
      from: { path: '^(apps|libs)/', pathNot: '(\\.spec\\.ts$|/testing/)' },
      to: { path: '(\\.spec\\.ts$|/testing/|^test/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^coverage/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    moduleSystems: ['cjs', 'es6'],
  },
};

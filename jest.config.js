// Three tiers, selected by file suffix: *.spec.ts beside the code (unit and
// integration against the real SQLite file / Redis), test/**/*.e2e-spec.ts through HTTP.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: { '^@zw/(.*)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  // The suite runs beside other CPU-heavy work on 2 cores: a hook or test may take far longer than
  // on a quiet machine. No test relies on time passing, so a generous limit hides nothing.
  testTimeout: 120_000,
  // A failed test may leave a subscription or child process open; CI must end with the failure
  // reported, never hang on it.
  forceExit: true,
  reporters: ['default', '<rootDir>/scripts/summary-reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // The web console in Debian's Chromium against the real api process (test/browser/support).
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};

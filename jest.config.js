/**
 * Three projects: node for domain/emulator/function tests, jsdom (with the Node globals the emulator needs) for
 * mini-program pages, and e2e (miniprogram-automator driving the pages in headless Chromium).
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];
const common = {
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/tests/setup/net-guard.ts'],
};
module.exports = {
  testTimeout: 60000,
  globalSetup: '<rootDir>/tests/setup/worktree-before.js',
  globalTeardown: '<rootDir>/tests/setup/worktree-after.js',
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/{unit,emulator,functions,scenarios}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'pages',
      testEnvironment: '<rootDir>/tests/pages/backend-environment.ts',
      testMatch: ['<rootDir>/tests/pages/**/*.test.ts'],
    },
    {
      // miniprogram-automator specs against the mini program in headless Chromium (tools/mp-runtime), one browser
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/browser-setup.js',
      globalTeardown: '<rootDir>/tests/e2e/browser-teardown.js',
    },
  ],
};

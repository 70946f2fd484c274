/** @type {import('jest').Config} Browser tests (npm run test:e2e): the built add-in in Debian's Chromium. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 180000,
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};

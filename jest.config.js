/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // Jest's default on this 2-core machine is one worker (cores − 1) with the parent idle; two
  // workers use both cores: the full suite took 9 min in one worker and 4 min in two.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};

/** Jest runs TypeScript through ts-jest without type-checking (tsc does that once in `npm test`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
    // strip-bom is ESM-only; @microsoft/app-manifest requires it from CommonJS.
    '^strip-bom$': '<rootDir>/test/support/strip-bom.cjs',
  },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

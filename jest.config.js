/**
 * Tests run as ESM (the runtime deps are ESM-only). ts-jest only transpiles (tsconfig's isolatedModules);
 * `tsc --noEmit` checks the types. No native-binary tooling: the registry that CI uses does
 * not serve other platforms' optional binaries, which `npm ci` would then reject.
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/__tests__/support/count-reporter.cjs'],
};

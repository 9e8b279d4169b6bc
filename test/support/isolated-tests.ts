/**
 * The test files that run each in a fresh process (vitest `isolate: true`); every other file shares its worker's
 * module cache with the files before it (`isolate: false`: the core is imported once per worker, not once per
 * file — a third of `npm test`'s time). A file belongs here when it replaces modules or globals (vi.mock,
 * vi.spyOn, vi.stubEnv/stubGlobal, fake timers, process.env assignments) or counts what the core does from a
 * cold start; test/architecture/test-isolation.test.ts checks that every such file is listed.
 */
export const ISOLATED_TESTS = [
  // modules or functions replaced
  'test/renderer/open-signed.test.tsx',
  'test/shell/open-path.test.ts',
  'test/pdf/verify-range-net.test.ts',
  'test/pdf/digest-never-comes.test.ts',
  // process.env set
  'test/files/read-pool.test.ts',
  'test/verify/nested-one-pass.test.ts',
  'test/verify/content-prefetch.test.ts',
  'test/pdf/verify-fast-same.test.ts',
  'test/pdf/verify-early-hash.test.ts',
  'test/pdf/shared-range-hash.test.ts',
  'test/pcsc/virtual-reader.test.ts',
  'test/pin/pin-management.test.ts',
  'test/pkcs11/always-authenticate.test.ts',
  'test/pkcs11/login.test.ts',
  'test/pkcs11/multi-token.test.ts',
  'test/pkcs11/single-token.test.ts',
];

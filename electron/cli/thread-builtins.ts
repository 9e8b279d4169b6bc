/**
 * The Node built-in modules the verifier bundle loads as it starts (the CLI's verifier thread,
 * cli/verifier-thread.ts), loaded before the thread sets the batch's V8 flags: Node compiles its built-ins
 * with code caches made under V8's default flags, which V8 refuses once the flags have changed, so each one
 * loaded later is compiled from source. The list is what the bundle's modules import when they are evaluated
 * (test/cli/verifier-code-cache.test.ts checks that none is left to load after the flags); one missing only
 * costs its compilation.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded for their side effect only, in this order */
export function loadThreadBuiltins(): void {
  // pkijs reads webcrypto as it loads; the getter loads Node's WebCrypto modules
  void (require('node:crypto') as typeof import('node:crypto')).webcrypto;
  require('node:fs/promises');
  require('node:os');
  require('node:readline');
  require('node:readline/promises');
  require('node:zlib');
}

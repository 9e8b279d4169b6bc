// Makes the V8 code cache of the verifier bundle at build time (dist/electron/cli/verifier-bundle.cache), the
// code `sigillo verify`'s verifier threads run: one process (verifier-cache-run.js) sets the batch's V8 flags —
// the CLI sets them before it starts a thread, and V8 refuses a cache made with other flags —, runs the bundle's
// thread body over a message channel on batches of the small signed files of build/training/ (private HOME,
// --offline; one of them with its revocation answer in that HOME's cache, training-revocation.js) and writes, at the end, the code V8 compiled by then. A second process checks that the cache is
// used with those flags before it is kept.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { delimiter, join } = require('node:path');
const { OCSP_P7M, OCSP_ROOT, checkCachedRevocation, seedRevocationCache } = require('./training-revocation');
const { installCache, trainingEnv, training } = require('./train-code-cache');

const cliDir = join(__dirname, '..', '..', 'dist', 'electron', 'cli');
const VERIFIER_BUNDLE = join(cliDir, 'verifier-bundle.js');
const VERIFIER_CACHE = join(cliDir, 'verifier-bundle.cache');
const RUN = join(__dirname, 'verifier-cache-run.js');

/** `node verifier-cache-run.js …`, with the training environment; its stderr when it fails */
function run(env, args) {
  const r = spawnSync(process.execPath, [RUN, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.status !== 0 || r.signal || r.error) {
    throw new Error(`verifier cache run ${args[0]} failed: ${r.error ?? r.signal ?? r.stderr}`);
  }
  return r.stdout;
}

function trainVerifierCache() {
  const home = mkdtempSync(join(tmpdir(), 'sigillo-verifier-cache-'));
  const env = trainingEnv(home);
  try {
    const out = join(home, 'cache');
    seedRevocationCache(env);
    const printed = run(env, [
      'train',
      VERIFIER_BUNDLE,
      out,
      [join(training, 'root.pem'), OCSP_ROOT].join(delimiter),
      join(training, 'fattura.xml.p7m'),
      OCSP_P7M,
      join(training, 'documento.pdf'),
    ]);
    checkCachedRevocation(printed, "verifier threads' code cache");
    installCache(out, VERIFIER_CACHE, "the verifier's threads", () => {
      const verdict = run(env, ['check', VERIFIER_BUNDLE, VERIFIER_CACHE]).trim();
      return verdict === 'used' ? undefined : verdict;
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

module.exports = { VERIFIER_BUNDLE, VERIFIER_CACHE, trainVerifierCache };

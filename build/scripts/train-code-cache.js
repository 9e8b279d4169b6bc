// Makes the V8 code cache of the CLI bundle at build time (dist/electron/cli/sigillo-bundle.cache): the built CLI
// runs the commands below over the small signed files of build/training/, one process each, every run starting
// from the previous run's cache, so the last one holds the code all of them compiled (V8 compiles a function on
// its first call: a cache made right after loading would hold almost nothing). The runs see a private HOME and
// never the network (--offline); one verifies a file whose revocation answer is in the private HOME's cache
// (training-revocation.js), the path of a batch. The cache is checked by a normal start of the bin before it is kept.
// `sign` is trained as far as it goes without a token (signTraining): the build has none.
const { spawnSync } = require('node:child_process');
const { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { OCSP_P7M, OCSP_ROOT, checkCachedRevocation, seedRevocationCache } = require('./training-revocation');

const root = join(__dirname, '..', '..');
const training = join(root, 'build', 'training');
const cliDir = join(root, 'dist', 'electron', 'cli');
const BUNDLE = join(cliDir, 'sigillo-bundle.js');
const CACHE = join(cliDir, 'sigillo-bundle.cache');

const trust = ['--offline', '--trust', join(training, 'root.pem')];
const p7m = join(training, 'fattura.xml.p7m');
const pdf = join(training, 'documento.pdf');
/** the commands trained, in order: the ones a start-up matters most for */
const RUNS = [
  ['--version'],
  ['verify', '--json', ...trust, p7m],
  ['verify', '--json', ...trust, pdf],
  ['verify', ...trust, p7m, pdf],
];

/** the run that reaches the cached-revocation path (training-revocation.js): checked from its output */
const OCSP_RUN = {
  words: ['verify', '--json', '--offline', '--trust', OCSP_ROOT, OCSP_P7M],
  env: {},
  check: (stdout) => checkCachedRevocation(stdout, 'CLI code cache'),
};

/**
 * The `sign` training run: a PAdES signature of the training PDF into an empty folder of the private HOME, with
 * the PKCS#11 module named by a path that does not exist there, so the run parses the options, checks the policy
 * and the output folder, loads the signing and PKCS#11 code (graphene-pk11's ~0.1 MB, evaluated by every card
 * command) and stops at the module (PKCS11_MODULE_NOT_FOUND, exit 1): no module is loaded, no card reached, no PIN
 * asked (no SIGILLO_PIN, stdin closed), nothing written (checked).
 */
function signTraining(home) {
  const out = join(home, 'signed');
  mkdirSync(out);
  return {
    words: ['sign', '--format', 'pades', '--out', out, pdf],
    env: { SIGILLO_PKCS11_MODULE: join(home, 'no-module', 'none.so') },
    check() {
      if (readdirSync(out).length > 0) throw new Error(`the sign training run wrote into ${out}`);
    },
  };
}

/** the environment of the training runs: a private HOME and user folders, nothing else */
function trainingEnv(home) {
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_DATA_HOME: join(home, 'data'),
  };
}

/**
 * Puts a trained cache in place (a temporary copy renamed over `dest`), then keeps it only if `refusal()` — a
 * normal start with it — finds nothing to say; otherwise removes it, and `who` runs without a cache.
 */
function installCache(trained, dest, who, refusal) {
  const tmp = `${dest}.tmp-${process.pid}`;
  copyFileSync(trained, tmp);
  renameSync(tmp, dest);
  const why = refusal();
  if (why !== undefined) {
    rmSync(dest, { force: true });
    console.warn(`sigillo: the trained code cache of ${who} was not accepted (${why}); it runs without it`);
  }
}

function trainCodeCache() {
  const home = mkdtempSync(join(tmpdir(), 'sigillo-code-cache-'));
  const env = trainingEnv(home);
  try {
    let cache = '-';
    seedRevocationCache(env);
    const runs = [...RUNS.map((words) => ({ words, env: {}, check() {} })), OCSP_RUN, signTraining(home)];
    runs.forEach((run, i) => {
      const out = join(home, `cache-${i}`);
      const r = spawnSync(
        process.execPath,
        [join(__dirname, 'code-cache-run.js'), BUNDLE, cache, out, ...run.words],
        {
          env: { ...env, ...run.env },
          stdio: ['ignore', 'pipe', 'pipe'],
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          timeout: 60_000,
        },
      );
      if (r.status === 70 || r.signal || r.error) {
        throw new Error(`training run ${run.words.join(' ')} failed: ${r.error ?? r.signal ?? r.stderr}`);
      }
      run.check(r.stdout);
      cache = out;
    });
    installCache(cache, CACHE, 'the CLI', () => {
      const check = spawnSync(process.execPath, [join(cliDir, 'sigillo.js'), '--version'], {
        env: { ...env, SIGILLO_DEBUG_CODE_CACHE: '1' },
        encoding: 'utf8',
      });
      return check.stderr.includes('code cache used') ? undefined : check.stderr.trim();
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

module.exports = { BUNDLE, CACHE, RUNS, installCache, signTraining, trainCodeCache, trainingEnv, training };

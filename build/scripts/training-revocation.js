// The cached-revocation training input (build/training/ocsp-*, made by make-ocsp-inputs.sh): a .p7m whose signer
// names an OCSP responder, and that responder's answer, put into the private HOME's revocation cache before the
// training verifies the file --offline (seed-revocation-cache.js). A batch reads its revocation answers from that
// cache; without this input the trainings never ran that code nor pkijs' reading of an OCSP answer, and each of
// a batch's threads compiled them on its first file. The training fails when the verification did not end with
// a good status read from the cache: the caches would silently miss that path.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const training = join(__dirname, '..', '..', 'build', 'training');
const OCSP_ROOT = join(training, 'ocsp-root.pem');
const OCSP_P7M = join(training, 'ocsp-fattura.xml.p7m');

/** puts the answer into the revocation cache of the user data folder of `env` (a private HOME) */
function seedRevocationCache(env) {
  const r = spawnSync(process.execPath, [join(__dirname, 'seed-revocation-cache.js')], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0 || r.signal || r.error) {
    throw new Error(
      `the training's revocation cache could not be filled: ${r.error ?? r.signal ?? r.stderr}`,
    );
  }
}

/** throws unless `json` (a `verify --json` output) verified OCSP_P7M with a good status from the cache */
function checkCachedRevocation(json, who) {
  let reports;
  try {
    reports = JSON.parse(json);
  } catch {
    reports = [];
  }
  const report = reports.find((r) => r && r.file === OCSP_P7M);
  const sig = report?.signatures?.[0];
  const rev = sig?.revocation;
  if (sig?.indication !== 'TOTAL_PASSED' || rev?.status !== 'good' || rev?.cached !== true) {
    throw new Error(
      `${who}: the training did not verify ${OCSP_P7M} with a good revocation status from the cache ` +
        `(${JSON.stringify(sig ? { indication: sig.indication, revocation: rev } : (report ?? 'no report'))})`,
    );
  }
}

module.exports = { OCSP_P7M, OCSP_ROOT, checkCachedRevocation, seedRevocationCache };

// Puts the training's OCSP answer (build/training/ocsp-fattura.ocsp.der, made by make-ocsp-inputs.sh) into the
// revocation cache of the private HOME of a training (the user data folder of this process's environment), under
// the key the verifier looks it up by, so that the --offline training verification of ocsp-fattura.xml.p7m reads
// it from the cache, as a batch does. Started by the trainings (training-revocation.js), never by the CLI.
const { X509Certificate } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const training = join(root, 'build', 'training');
const core = join(root, 'dist', 'electron', 'core');
const { parseCert } = require(join(core, 'x509', 'certificates.js'));
const { certIdHashes } = require(join(core, 'revocation', 'ocsp-request.js'));
const { ocspCacheKey } = require(join(core, 'revocation', 'ocsp.js'));
const { RevocationCache, defaultCacheDir } = require(join(core, 'revocation', 'disk-cache.js'));

const signer = new X509Certificate(readFileSync(join(training, 'ocsp-signer.pem')));
const issuer = new X509Certificate(readFileSync(join(training, 'ocsp-root.pem')));
const url = /OCSP - URI:(\S+)/.exec(signer.infoAccess ?? '')?.[1];
const cert = parseCert(new Uint8Array(signer.raw));
const ca = parseCert(new Uint8Array(issuer.raw));
if (!url || !cert || !ca) throw new Error('the training OCSP signer has no responder URL or does not parse');
const answer = new Uint8Array(readFileSync(join(training, 'ocsp-fattura.ocsp.der')));
// kept in the cache until the signer's notAfter (the answer's own nextUpdate is checked by the verifier)
void new RevocationCache(defaultCacheDir(process.env))
  .put(ocspCacheKey(url, certIdHashes(cert, ca)), answer, new Date(signer.validTo))
  .then(() => undefined);

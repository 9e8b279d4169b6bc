// The training of the verifier bundle's code cache (started by train-verifier-cache.js at build time, never by
// the CLI), with the V8 flags of a batch set first, as the CLI sets them before it starts a verifier thread:
//   node verifier-cache-run.js train <bundle> <cache out> <root.pem[:root.pem…]> <file>…
//     runs the bundle's thread body (verifierThread) over a MessageChannel, gives it the files as a run (each
//     many times, as a batch of invoices), writes the code V8 compiled by then with its header, and prints the
//     run's reports as `verify --json` does (the training checks one of them);
//   node verifier-cache-run.js check <bundle> <cache>
//     prints how the bundle compiled with that cache (`used`, or why not).
const { Buffer } = require('node:buffer');
const { readFileSync, writeFileSync } = require('node:fs');
const { delimiter, join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { MessageChannel } = require('node:worker_threads');

const cli = join(__dirname, '..', '..', 'dist', 'electron', 'cli');
const { loadBundle } = require(join(cli, 'bundle-loader.js'));
const { encodeCodeCache } = require(join(cli, 'code-cache.js'));
const { BATCH_TIERING_FROM, batchFlags } = require(join(cli, 'batch-tiering.js'));

/** files verified by the training run (the given ones in turn) */
const FILES = 128;

const [mode, bundle, cache, root, ...files] = process.argv.slice(2);
setFlagsFromString(batchFlags(BATCH_TIERING_FROM, {}));
if (mode === 'check') {
  process.stdout.write(`${loadBundle(bundle, cache).cache}\n`);
  process.exit(0);
}

const loaded = loadBundle(bundle, undefined);
const { port1, port2 } = new MessageChannel();
const paths = Array.from({ length: FILES }, (_, i) => files[i % files.length]);
/** the run's reports as printed (elements of `verify --json`'s array), written to stdout at the end */
const printed = [];
port2.on('message', (m) => {
  if (m.failed) {
    process.stderr.write(`the verifier could not open its session: ${m.failed}\n`);
    process.exit(1);
  }
  // the run's files, as verify-pool.ts gives them (printed: the JSON output of `sigillo verify --json`)
  if (m.ready) port2.postMessage({ paths, next: new SharedArrayBuffer(4), batch: 16, print: true });
  for (const r of m.results ?? []) {
    printed.push(
      'printed' in r.report ? Buffer.from(r.report.printed).toString('utf8') : JSON.stringify(r.report),
    );
  }
  if (!m.finished) return;
  writeFileSync(cache, encodeCodeCache(readFileSync(bundle), loaded.script.createCachedData()));
  // exits once the pipe has taken the whole text
  process.stdout.write(`[\n${printed.join(',\n')}\n]\n`, () => process.exit(0));
});
const session = { trustFiles: root.split(delimiter), offline: true, env: process.env, trustedLists: true };
void loaded.exports.verifierThread(port1, { session });

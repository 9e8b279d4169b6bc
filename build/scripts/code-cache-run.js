// One training run of the CLI's code cache (started by train-code-cache.js at build time, never by the CLI):
//   node code-cache-run.js <bundle> <cache in | -> <cache out> <sigillo words…>
// runs the bundle like the bin does, compiled with the cache of the previous run, and at exit writes the code
// V8 compiled by then (the previous run's functions and this run's) with its header.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', '..', 'dist', 'electron', 'cli');
const { loadBundle } = require(join(cli, 'bundle-loader.js'));
const { encodeCodeCache } = require(join(cli, 'code-cache.js'));

const [bundle, cacheIn, cacheOut, ...words] = process.argv.slice(2);
const loaded = loadBundle(bundle, cacheIn === '-' ? undefined : cacheIn);
if (cacheIn !== '-' && loaded.cache !== 'used') {
  process.stderr.write(`code cache of the previous training run not used: ${loaded.cache}\n`);
  process.exit(70);
}
process.on('exit', () => {
  writeFileSync(cacheOut, encodeCodeCache(readFileSync(bundle), loaded.script.createCachedData()));
});
void loaded.exports.main(words, process.env);

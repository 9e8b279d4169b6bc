// Bundles the built CLI program (dist/electron/cli/main.js and what it loads, node_modules included, native
// addons excluded) into dist/electron/cli/sigillo-bundle.js, which the bin dist/electron/cli/sigillo.js runs.
// Every module keeps its own __dirname/__filename (its place in dist/, where its data files and thread entries
// are), and records its evaluation in a list the bundle exports (`bundledModules`, for the tests that check
// what a command loads). Then the code cache is trained (train-code-cache.js).
const { readFileSync, rmSync } = require('node:fs');
const { dirname, join, relative, sep } = require('node:path');
const esbuild = require('esbuild');
const { BUNDLE, CACHE, trainCodeCache } = require('./train-code-cache');

const root = join(__dirname, '..', '..');
const cliDir = join(root, 'dist', 'electron', 'cli');
const { BUNDLE_HEAD } = require(join(cliDir, 'bundle-loader.js'));
/**
 * Outside the bundle, loaded from node_modules when needed (as before): the native addons and Electron, and two
 * big packages the common commands never load — zod (settings, the ATR table of `devices`) and pdf-lib (the
 * report PDF, visible signatures). Every start reads, hashes and keeps the whole bundle source (~1 MiB of RSS
 * per 0.7 MB), so code few runs use is cheaper where it was. graphene-pk11 (plain JS over the pkcs11js addon,
 * 0.1 MB) is bundled: every card command loads it, ~40 ms from node_modules (a PAdES signature 0.18 → 0.16 s).
 */
const EXTERNAL = ['pkcs11js', 'pcsclite', '@napi-rs/canvas', 'electron', 'zod', 'pdf-lib'];

/** a module's name in the list of evaluated modules: dist/… for ours, node_modules/… for packages */
function moduleName(file) {
  const rel = relative(root, file).split(sep).join('/');
  const at = rel.lastIndexOf('node_modules/');
  return at >= 0 ? rel.slice(at) : rel;
}

/** where the directive prologue ("use strict"; …) of a script ends: code inserted there keeps the directives */
function afterPrologue(src) {
  const gap = /(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/y;
  const directive = /(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')[ \t]*(?:;|(?=\r?\n)|$)/y;
  let at = src.startsWith('#!') ? src.indexOf('\n') + 1 || src.length : 0;
  let end = at;
  for (;;) {
    gap.lastIndex = at;
    gap.exec(src);
    directive.lastIndex = gap.lastIndex;
    if (!directive.exec(src)) return end;
    at = end = directive.lastIndex;
  }
}

const perModule = {
  name: 'sigillo-per-module',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const name = moduleName(args.path);
      let head = `;__sigilloEvaluated.push(${JSON.stringify(name)});`;
      if (name.startsWith('dist/') && /\b__(dirname|filename)\b/.test(src)) {
        const dir = relative(cliDir, dirname(args.path)).split(sep).join('/');
        const file = relative(cliDir, args.path).split(sep).join('/');
        head += `var __dirname = __sigilloPath(${JSON.stringify(dir)}), __filename = __sigilloPath(${JSON.stringify(file)});`;
      }
      const at = afterPrologue(src);
      return { contents: src.slice(0, at) + head + src.slice(at), loader: 'js' };
    });
  },
};

async function bundle() {
  rmSync(CACHE, { force: true });
  await esbuild.build({
    entryPoints: [join(cliDir, 'main.js')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // no comments or indentation (a third less to read, hash and scan at every start); names are kept. Pure
    // ASCII (esbuild escapes the rest), so the loader reads it as a one-byte string.
    minifyWhitespace: true,
    charset: 'ascii',
    external: EXTERNAL,
    plugins: [perModule],
    logLevel: 'warning',
    // the file is one function expression, the wrapper Node puts around a CommonJS file: the loader compiles
    // the file's text as it is (no second copy of ~2 MB to add the wrapper at every start)
    banner: {
      js:
        BUNDLE_HEAD +
        '"use strict";' +
        ' var __sigilloEvaluated = [];' +
        ' var __sigilloPath = (rel) => require("node:path").join(__dirname, rel);',
    },
    footer: { js: 'module.exports.bundledModules = () => __sigilloEvaluated.slice();\n})' },
  });
}

if (require.main === module) {
  bundle()
    .then(() => {
      trainCodeCache();
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

module.exports = { afterPrologue };

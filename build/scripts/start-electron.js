// `npm start`: makes sure the Electron runtime is present (npm may have skipped its download script, see
// allowScripts in package.json: the first start downloads it), then starts the app. When the download or the
// start fails (no network, a proxy, a broken runtime), one short message says what failed and offers the same UI
// in a browser (`npm run harness`), with no stack trace. SIGILLO_ELECTRON_DIR points at another electron
// package (tests use a fake one).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..');
const electronDir = process.env.SIGILLO_ELECTRON_DIR || join(root, 'node_modules', 'electron');
const italian = /^it/i.test(process.env.SIGILLO_LANG || process.env.LC_ALL || process.env.LANG || '');

const TEXT = italian
  ? {
      downloading: 'Scarico il runtime di Electron (solo al primo avvio)…',
      download: 'Sigillo: impossibile scaricare il runtime di Electron (il primo avvio richiede la rete)',
      start: 'Sigillo: impossibile avviare Electron',
      hint: 'La stessa interfaccia funziona nel browser senza Electron: npm run harness (e la riga di comando: npx sigillo --help).',
    }
  : {
      downloading: 'Downloading the Electron runtime (first start only)…',
      download: 'Sigillo: could not download the Electron runtime (the first start needs the network)',
      start: 'Sigillo: could not start Electron',
      hint: 'The same UI runs in a browser without Electron: npm run harness (and the command line: npx sigillo --help).',
    };

/** the one line worth showing from an error text: its first line that says something, without "Error:" */
function reason(text) {
  const line = String(text || '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  return line ? line.replace(/^(\w*Error|RequestError|HTTPError):\s*/, '').slice(0, 200) : '';
}

function fail(what, why) {
  console.error(why ? `${what}: ${why}.` : `${what}.`);
  console.error(TEXT.hint);
  process.exit(1);
}

if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log(TEXT.downloading);
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (r.status !== 0) fail(TEXT.download, reason(r.stderr) || reason(r.error && r.error.message));
}

let electron;
try {
  electron = require(electronDir); // in plain Node this resolves to the binary's path
} catch (e) {
  fail(TEXT.start, reason(e && e.message));
}
const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('error', (e) => fail(TEXT.start, reason(e.message)));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

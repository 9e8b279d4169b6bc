// `npm start`: makes sure the Electron binary is present (npm may have skipped its download script, see
// allowScripts in package.json), then starts the app.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..');
const electronDir = join(root, 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');

if (!existsSync(pathFile)) {
  console.log('Downloading the Electron runtime (first start only)…');
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
    cwd: electronDir,
  });
  if (r.status !== 0) {
    console.error('Could not download Electron. The CLI still works: npx sigillo --help');
    process.exit(1);
  }
}
const electron = require('electron'); // in plain Node this resolves to the binary's path
const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

// Copies the non-TypeScript data files of the main process (JSON tables, ...) next to the compiled code.
const { cpSync, readdirSync, statSync, mkdirSync } = require('node:fs');
const { join, dirname, relative } = require('node:path');

const root = join(__dirname, '..', '..');
const DATA = /\.(json|pem|txt)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (DATA.test(name)) {
      const target = join(root, 'dist', relative(root, full));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(full, target);
    }
  }
}

walk(join(root, 'electron'));

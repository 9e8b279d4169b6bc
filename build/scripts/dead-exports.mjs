#!/usr/bin/env node
/**
 * Lists exported symbols of electron/, shared/ and renderer/src that nothing else imports (dead exports), and
 * those only tests import (a function used only by tests is dead too, unless it is there to test a real path).
 * Reads import/export declarations with the TypeScript parser: `import {a}`, `export {a} from`, `export *`,
 * `import * as ns` (then only `ns.name` uses count), `import('…')` and `vi.mock('…')` (all exports used).
 * Usage: node build/scripts/dead-exports.mjs [--tests]   (--tests also lists the exports only tests use)
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['electron', 'shared', 'renderer/src'];
const USER_DIRS = [...SOURCE_DIRS, 'test', 'build', 'renderer'];
/** entry points: their exports are loaded by Electron, Vite, npm or a worker, not imported */
const ENTRY = /(^|\/)(main|preload|index|cli|worker-main|harness-main)\.tsx?$|\.d\.ts$|vite\.config/;

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('dist')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(p);
  }
  return out;
}

function resolveModule(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return undefined;
}

const files = [...new Set(USER_DIRS.flatMap((d) => walk(join(root, d))))];
const parsed = new Map(
  files.map((f) => [f, ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true)]),
);

/** file → exported names declared in it */
const exportsOf = new Map();
for (const [f, sf] of parsed) {
  const names = new Set();
  for (const st of sf.statements) {
    const mods = ts.canHaveModifiers(st) ? (ts.getModifiers(st) ?? []) : [];
    if (!mods.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    } else if (st.name && ts.isIdentifier(st.name)) names.add(st.name.text);
  }
  exportsOf.set(f, names);
}

/** `${file}#${name}` → set of user files */
const uses = new Map();
const use = (target, name, by) => {
  const k = `${target}#${name}`;
  if (!uses.has(k)) uses.set(k, new Set());
  uses.get(k).add(by);
};
const useAll = (target, by) => {
  for (const n of exportsOf.get(target) ?? []) use(target, n, by);
};

/** re-exports (`export … from`): a use of the re-exported name is a use of the original */
const forwards = [];
for (const [f, sf] of parsed) {
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const target = resolveModule(f, node.moduleSpecifier.text);
      if (target) {
        if (ts.isImportDeclaration(node)) {
          const b = node.importClause?.namedBindings;
          if (b && ts.isNamedImports(b))
            for (const e of b.elements) use(target, (e.propertyName ?? e.name).text, f);
          else if (b && ts.isNamespaceImport(b)) {
            const ns = b.name.text;
            const text = sf.text;
            for (const m of text.matchAll(new RegExp(`\\b${ns}\\.(\\w+)`, 'g'))) use(target, m[1], f);
          }
          if (node.importClause?.name) use(target, 'default', f);
        } else if (node.exportClause && ts.isNamedExports(node.exportClause)) {
          for (const e of node.exportClause.elements)
            forwards.push({
              from: `${f}#${e.name.text}`,
              to: `${target}#${(e.propertyName ?? e.name).text}`,
            });
        } else
          for (const n of exportsOf.get(target) ?? [])
            forwards.push({ from: `${f}#${n}`, to: `${target}#${n}` });
      }
    }
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression.getText(sf);
      if (
        node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        /(^|\.)(mock|doMock|require)$/.test(callee)
      ) {
        const target = resolveModule(f, node.arguments[0].text);
        if (target) useAll(target, f);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

for (let changed = true; changed;) {
  changed = false;
  for (const { from, to } of forwards) {
    for (const by of uses.get(from) ?? []) {
      if (!uses.has(to)) uses.set(to, new Set());
      if (!uses.get(to).has(by)) {
        uses.get(to).add(by);
        changed = true;
      }
    }
  }
}

const isTest = (f) => relative(root, f).startsWith('test/');
const withTests = process.argv.includes('--tests');
const rows = [];
for (const dir of SOURCE_DIRS) {
  for (const f of walk(join(root, dir))) {
    const rel = relative(root, f);
    if (ENTRY.test(rel)) continue;
    for (const name of exportsOf.get(f) ?? []) {
      const by = [...(uses.get(`${f}#${name}`) ?? [])].filter((u) => u !== f);
      const inFile = new RegExp(`\\b${name}\\b`, 'g');
      const local = (parsed.get(f).text.match(inFile) ?? []).length > 1;
      if (by.length === 0) rows.push(`${rel}: ${name}${local ? ' (used in its file: drop `export`)' : ''}`);
      else if (withTests && by.every(isTest))
        rows.push(`${rel}: ${name} — only tests: ${by.map((u) => relative(root, u)).join(', ')}`);
    }
  }
}
process.stdout.write(`${rows.join('\n') || 'no dead exports'}\n`);

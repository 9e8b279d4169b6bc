/**
 * The folder import graph of electron/core and the checks on it: every relative import, re-export, `import type`,
 * dynamic `import()` and `require()` (found by the TypeScript pre-processor, so comments and strings do not count)
 * becomes an edge between the top-level folders of the importer and the imported file.
 */
import ts from 'typescript';
import { posix } from 'node:path';
import { LAYERS, type Layer } from './core-layers';

export interface SourceFile {
  /** path relative to electron/core, with '/' separators */
  path: string;
  text: string;
}

/** from folder → to folder → the importing lines, as `file → specifier` */
export type FolderGraph = Map<string, Map<string, string[]>>;

export function folderOf(path: string): string {
  const i = path.indexOf('/');
  return i < 0 ? '(root)' : path.slice(0, i);
}

export function buildFolderGraph(files: readonly SourceFile[]): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of files) {
    const from = folderOf(file.path);
    if (!graph.has(from)) graph.set(from, new Map());
    const info = ts.preProcessFile(file.text, true, true);
    for (const ref of info.importedFiles) {
      const spec = ref.fileName;
      if (!spec.startsWith('./') && !spec.startsWith('../')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file.path), spec));
      if (target.startsWith('../')) continue; // outside electron/core: the ESLint layer rules cover those
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from)!;
      edges.set(to, [...(edges.get(to) ?? []), `${file.path} → ${spec}`]);
    }
  }
  return graph;
}

/** Imports from a higher layer and folders missing from the table. */
export function layerViolations(graph: FolderGraph, layers: Readonly<Record<string, Layer>>): string[] {
  const rank = (f: string) => (layers[f] === undefined ? -1 : LAYERS.indexOf(layers[f]));
  const out: string[] = [];
  const folders = new Set([...graph.keys(), ...[...graph.values()].flatMap((m) => [...m.keys()])]);
  for (const f of [...folders].sort()) if (rank(f) < 0) out.push(`folder not in the layer table: ${f}`);
  for (const [from, edges] of graph) {
    for (const [to, lines] of edges) {
      if (rank(from) < 0 || rank(to) < 0 || rank(to) <= rank(from)) continue;
      out.push(`upward import ${from} (${layers[from]}) → ${to} (${layers[to]}): ${lines.join(', ')}`);
    }
  }
  return out;
}

/** One cycle path (a → b → … → a) per strongly connected group of folders (Tarjan). */
export function folderCycles(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const next = (f: string) => [...(graph.get(f)?.keys() ?? [])].sort();
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const f of [...graph.keys()].sort()) if (!index.has(f)) visit(f);
  return groups.map((group) => cyclePath(graph, new Set(group)));
}

/** A shortest cycle through the first (sorted) folder of a strongly connected group, by breadth-first search. */
function cyclePath(graph: FolderGraph, group: Set<string>): string[] {
  const start = [...group].sort()[0]!;
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...(graph.get(v)?.keys() ?? [])].sort()) {
      if (!group.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return [...path, start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

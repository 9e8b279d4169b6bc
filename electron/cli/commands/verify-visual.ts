/**
 * `sigillo verify --visual-diff DIR`: for each PDF signature that leaves later changes, the pages that differ
 * visibly from the revision it covers are written to DIR as NAME-sigN-pP.png (signed revision | now |
 * differences outlined), all-or-nothing, never replacing a file without --overwrite; each PDF signature's JSON
 * gets "visualChanges": [{page, changedFraction, image, kind, boxes}] (empty when nothing visible changed; null
 * with "visualDiffError" when the comparison failed).
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SigilloError } from '../../core/errors';
import { t } from '../../core/i18n/translate';
import { writeStagedFolder, type StagedFile } from '../../core/files/staged-folder';
import type { FileReport } from '../../core/verify/types';
import { visualOfReports, type FileVisual } from '../../core/pdf/visual/visual-of-reports';
import type { PageBox } from '../../core/pdf/visual/visual-types';

export interface VisualChange {
  page: number;
  changedFraction: number;
  /** the PNG written, absolute path */
  image: string;
  kind: 'changed' | 'added' | 'removed';
  /** the changed regions in PDF points (origin bottom-left) */
  boxes: PageBox[];
}

/** fails before any work when DIR can be neither used nor created (its parent missing, or DIR a file) */
export async function checkVisualDir(dir: string): Promise<string> {
  const abs = resolve(dir);
  const st = await stat(abs).catch(() => undefined);
  const parent = await stat(dirname(abs)).catch(() => undefined);
  if ((st && !st.isDirectory()) || (!st && !parent?.isDirectory())) {
    throw new SigilloError(
      'OUTPUT_DIR_NOT_FOUND',
      t(
        {
          it: 'La cartella {dir} non esiste e non si può creare.',
          en: 'The folder {dir} does not exist and cannot be created.',
        },
        { dir: abs },
      ),
      { dir: abs },
    );
  }
  return abs;
}

/** NAME of each file: its base name without .pdf, made unique among the inputs (NAME, NAME-2, …) */
function imageNames(files: string[]): Map<string, string> {
  const used = new Map<string, number>();
  const out = new Map<string, string>();
  for (const f of files) {
    const base = basename(f).replace(/\.pdf$/i, '');
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    out.set(f, n === 1 ? base : `${base}-${n}`);
  }
  return out;
}

/** Compares, writes the PNGs into `dir` and adds visualChanges to the PDF signatures; returns the comparisons. */
export async function writeVisualDiff(
  reports: FileReport[],
  dir: string,
  overwrite: boolean,
): Promise<Map<string, FileVisual>> {
  const visual = await visualOfReports(reports);
  const names = imageNames([...visual.keys()]);
  const staged: StagedFile[] = [];
  const pending: { sig: object; changes: (Omit<VisualChange, 'image'> & { name: string })[] }[] = [];
  for (const r of reports) {
    if (r.format !== 'pades') continue;
    const v = visual.get(r.file);
    r.signatures.forEach((s, i) => {
      if (v?.error) {
        Object.assign(s, { visualChanges: null, visualDiffError: v.error });
        return;
      }
      const sv = v?.signatures.find((x) => x.signature === i + 1);
      const changes = (sv?.pages ?? []).map((p) => {
        const name = `${names.get(r.file)}-sig${i + 1}-p${p.page}.png`;
        staged.push({ name, bytes: async () => p.png });
        return { name, page: p.page, changedFraction: p.changedFraction, kind: p.kind, boxes: p.boxes };
      });
      pending.push({ sig: s, changes });
    });
  }
  const root = staged.length > 0 ? await writeStagedFolder(dir, staged, overwrite) : dir;
  for (const { sig, changes } of pending) {
    const visualChanges: VisualChange[] = changes.map(({ name, ...c }) => ({
      ...c,
      image: join(root, name),
    }));
    Object.assign(sig, { visualChanges });
  }
  return visual;
}

/** the readable lines: where the images are, per file and signature */
export function visualLines(reports: FileReport[], visual: Map<string, FileVisual>): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    const v = visual.get(r.file);
    if (!v) continue;
    if (v.error) {
      lines.push(`⚠ ${r.file}: ${v.error.message}`);
      continue;
    }
    for (const sv of v.signatures) {
      const changed =
        (r.signatures[sv.signature - 1] as { visualChanges?: VisualChange[] }).visualChanges ?? [];
      const head = t(
        { it: '{f}, firma {n}:', en: '{f}, signature {n}:' },
        { f: basename(r.file), n: sv.signature },
      );
      if (changed.length === 0)
        lines.push(`${head} ${t({ it: 'nessuna differenza visibile', en: 'no visible difference' })}`);
      for (const c of changed)
        lines.push(
          `${head} ${t({ it: 'pagina {p} ({k}, {pc}%) → {img}', en: 'page {p} ({k}, {pc}%) → {img}' }, { p: c.page, k: c.kind, pc: (c.changedFraction * 100).toFixed(2), img: c.image })}`,
        );
    }
  }
  return lines;
}

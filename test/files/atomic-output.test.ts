import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { withAtomicOutput, checkOutput } from '../../electron/core/files/atomic-output';
import { cleanStaleTemps } from '../../electron/core/files/stale-temp';
import { outputPathFor } from '../../electron/core/files/output-naming';
import { fileError, inputSize } from '../../electron/core/files/input-file';

describe('atomic output', () => {
  const fx = inject('fixture');
  const base = mkdtempSync(join(fx.root, 'files-'));
  let n = 0;
  const freshDir = () => mkdtempSync(join(base, `d${n++}-`));

  it('writes through a temporary file and leaves only the final file', async () => {
    const dir = freshDir();
    const target = join(dir, 'out.p7m');
    let tempSeen: string[] = [];
    await withAtomicOutput(target, { overwrite: false }, async (fh) => {
      await fh.write(Buffer.from('hello'));
      tempSeen = readdirSync(dir);
      expect(existsSync(target)).toBe(false);
    });
    expect(tempSeen).toHaveLength(1);
    expect(tempSeen[0]).toMatch(/^\.out\.p7m\.sigillo-[0-9a-f]{16}\.tmp$/);
    expect(readFileSync(target, 'utf8')).toBe('hello');
    expect(readdirSync(dir)).toEqual(['out.p7m']);
  });

  it('never replaces an existing file without overwrite, even if it appears during the write', async () => {
    const dir = freshDir();
    const target = join(dir, 'out.p7m');
    writeFileSync(target, 'original');
    await expect(withAtomicOutput(target, { overwrite: false }, async () => 1)).rejects.toMatchObject({
      code: 'OUTPUT_EXISTS',
    });
    const racy = join(dir, 'racy.p7m');
    await expect(
      withAtomicOutput(racy, { overwrite: false }, async (fh) => {
        await fh.write(Buffer.from('new'));
        writeFileSync(racy, 'someone else');
      }),
    ).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(readFileSync(target, 'utf8')).toBe('original');
    expect(readFileSync(racy, 'utf8')).toBe('someone else');
    expect(readdirSync(dir).sort()).toEqual(['out.p7m', 'racy.p7m']);
  });

  it('replaces with overwrite', async () => {
    const dir = freshDir();
    const target = join(dir, 'out.p7m');
    writeFileSync(target, 'original');
    await withAtomicOutput(
      target,
      { overwrite: true },
      async (fh) => void (await fh.write(Buffer.from('new'))),
    );
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.p7m']);
  });

  it('removes the temporary file when the write fails', async () => {
    const dir = freshDir();
    await expect(
      withAtomicOutput(join(dir, 'x'), { overwrite: false }, async (fh) => {
        await fh.write(Buffer.from('partial'));
        throw new Error('boom');
      }),
    ).rejects.toBeTruthy();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes the temporary file and says DISK_FULL when the disk fills up', async () => {
    const dir = freshDir();
    await expect(
      withAtomicOutput(join(dir, 'x.p7m'), { overwrite: false }, async (fh) => {
        await fh.write(Buffer.alloc(4096));
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }),
    ).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a missing output folder and a folder in the way', async () => {
    const dir = freshDir();
    await expect(checkOutput(join(dir, 'nope', 'x'), { overwrite: false })).rejects.toMatchObject({
      code: 'OUTPUT_DIR_NOT_FOUND',
    });
    await expect(checkOutput(dir, { overwrite: true })).rejects.toMatchObject({
      code: 'OUTPUT_IS_DIRECTORY',
    });
  });

  it('cleans only stale temporary files of ours', async () => {
    const dir = freshDir();
    const old = join(dir, '.a.pdf.sigillo-0123456789abcdef.tmp');
    const fresh = join(dir, '.b.pdf.sigillo-fedcba9876543210.tmp');
    const other = join(dir, '.c.tmp');
    for (const f of [old, fresh, other]) writeFileSync(f, 'x');
    const past = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, past, past);
    utimesSync(other, past, past);
    expect(await cleanStaleTemps(dir)).toEqual([old]);
    expect(readdirSync(dir).sort()).toEqual(['.b.pdf.sigillo-fedcba9876543210.tmp', '.c.tmp']);
  });

  it('names outputs next to the input or in --out', () => {
    expect(outputPathFor('/a/b/f.pdf', { suffix: '.p7m' })).toBe('/a/b/f.pdf.p7m');
    expect(outputPathFor('/a/b/f.pdf.p7m', { suffix: '.p7m', outDir: '/c' })).toBe('/c/f.pdf.p7m.p7m');
  });

  it('maps input problems and a full disk to plain errors', async () => {
    const dir = freshDir();
    await expect(inputSize(join(dir, 'missing'))).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
    await expect(inputSize(dir)).rejects.toMatchObject({ code: 'INPUT_IS_DIRECTORY' });
    expect(fileError(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/x').code).toBe('DISK_FULL');
    expect(fileError(Object.assign(new Error('x'), { code: 'EACCES' }), '/x').code).toBe('PERMISSION_DENIED');
  });
});

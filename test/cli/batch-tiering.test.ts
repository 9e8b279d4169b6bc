/**
 * The V8 interrupt budget raised for a batch of files (issue 22, electron/cli/batch-tiering.ts): only from
 * BATCH_TIERING_FROM files, never with SIGILLO_NO_FAST=1 (the run the benchmark compares against), once per
 * process; and the flag string is one V8 accepts (set in a child process, whose result must not change).
 * The same for one big PDF's smaller inlining budget (the CLI sets it: test/cli/early-pdf-hash.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  BATCH_INTERRUPT_BUDGET,
  BATCH_TIERING_FROM,
  BIG_PDF_INLINE_CUMULATIVE,
  batchFlags,
  bigPdfFlags,
  tuneForBatch,
  tuneForBigPdf,
} from '../../electron/cli/batch-tiering';

describe('V8 tiering for a batch', () => {
  it('raises the budget from BATCH_TIERING_FROM files, with the speed-ups on only', () => {
    expect(batchFlags(1, {})).toBeUndefined();
    expect(batchFlags(BATCH_TIERING_FROM - 1, {})).toBeUndefined();
    expect(batchFlags(BATCH_TIERING_FROM, {})).toBe(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
    expect(batchFlags(1000, { SIGILLO_NO_FAST: '1' })).toBeUndefined();
    expect(batchFlags(1000, { SIGILLO_HASH_THREADS: '0' })).toBeUndefined();
  });

  it('sets the flags once per process', () => {
    const set: string[] = [];
    expect(tuneForBatch(5, {}, (f) => set.push(f))).toBe(false);
    expect(tuneForBatch(1000, {}, (f) => set.push(f))).toBe(true);
    expect(tuneForBatch(1000, {}, (f) => set.push(f))).toBe(false);
    expect(set).toEqual([`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`]);
  });

  it('lowers the inlining budget for one big PDF, with the speed-ups on only', () => {
    const flags = `--max-inlined-bytecode-size-cumulative=${BIG_PDF_INLINE_CUMULATIVE}`;
    expect(bigPdfFlags({})).toBe(flags);
    expect(bigPdfFlags({ SIGILLO_NO_FAST: '1' })).toBeUndefined();
    expect(bigPdfFlags({ SIGILLO_HASH_THREADS: '0' })).toBeUndefined();
    const set: string[] = [];
    expect(tuneForBigPdf({ SIGILLO_NO_FAST: '1' }, (f) => set.push(f))).toBe(false);
    // this process was tuned for a batch by the test before: never a second set of flags
    expect(tuneForBigPdf({}, (f) => set.push(f))).toBe(false);
    expect(set).toEqual([]);
  });

  it.each([
    ['a batch', batchFlags(1000, {})],
    ['one big PDF', bigPdfFlags({})],
  ])('V8 takes the flags for %s at run time and code still computes the same', (_, flags) => {
    const script = `
      const v8 = require('node:v8');
      const work = () => { let h = 0; for (let i = 0; i < 2e6; i++) h = (h * 31 + (i % 97)) | 0; return h; };
      const before = work();
      v8.setFlagsFromString(${JSON.stringify(flags)});
      console.log(before === work() && before === work() ? 'same' : 'differs');`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe(''); // V8 prints "unrecognized flag" there for a flag it does not know
    expect(r.stdout.trim()).toBe('same');
  });
});

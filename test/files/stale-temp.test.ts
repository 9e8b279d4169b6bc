/**
 * Temporary files name their writer (PID + host tag): one whose writer has exited is removed by the next run at
 * once, one whose writer still runs is kept, one from another host (a shared folder) only after an hour.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { tempPathFor } from '../../electron/core/files/atomic-output';
import { cleanStaleTemps, TEMP_PATTERN, tempTag } from '../../electron/core/files/stale-temp';

const fx = inject('fixture');

/** the tag another process of this host would use: its PID in place of ours */
function tagFor(pid: number): string {
  return pid.toString(16).padStart(8, '0') + tempTag().slice(8);
}

describe('stale temporary files', () => {
  it('names temporary files with the writer PID and host tag', () => {
    const p = tempPathFor('/x/fattura.xml.p7m');
    const name = p.slice('/x/'.length);
    expect(name).toMatch(TEMP_PATTERN);
    expect(TEMP_PATTERN.exec(name)![1]!.slice(0, 8)).toBe(process.pid.toString(16).padStart(8, '0'));
  });

  it('removes a fresh one whose writer is gone, keeps live writers and other hosts', async () => {
    const dir = mkdtempSync(join(fx.root, 'stale-'));
    const gonePid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const gone = join(dir, `.a.p7m.sigillo-${tagFor(Number(gonePid))}.tmp`);
      const running = join(dir, `.b.p7m.sigillo-${tagFor(live.pid!)}.tmp`);
      const foreignHost = tempTag().slice(8, 12) === 'ffff' ? 'eeee' : 'ffff';
      const otherHost = join(
        dir,
        `.c.p7m.sigillo-${tagFor(Number(gonePid)).slice(0, 8)}${foreignHost}0000.tmp`,
      );
      const mine = join(dir, `.d.p7m.sigillo-${tempTag()}.tmp`);
      for (const f of [gone, running, otherHost, mine]) writeFileSync(f, 'partial');
      expect(await cleanStaleTemps(dir)).toEqual([gone]);
      expect(readdirSync(dir).length).toBe(3);
      const past = new Date(Date.now() - 2 * 3600_000);
      utimesSync(otherHost, past, past);
      expect(await cleanStaleTemps(dir)).toEqual([otherHost]);
    } finally {
      live.kill();
    }
  });
});

/**
 * Start-up A/B (issue 22): the CLI of this checkout against another build of it (BENCH_BEFORE=<its
 * dist/electron/cli/sigillo.js>), in turns, best of BENCH_RUNS (10): `--version`, verify of a small p7m and of a
 * one-page PDF (`--json --offline`), and signing a small file to p7m with a SoftHSM token. Wall time, CPU
 * (user + sys) and peak RSS from GNU time; each pair's stdout must be identical (verify).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBenchToken } from './bench-token';
import { CLI, removeDir, scratchDir } from './bench-lib';
import { writeHandwritten } from '../pdf/support/make-pdf';

interface Run {
  wall: number;
  cpu: number;
  rssMiB: number;
  stdout: string;
}

function timed(cli: string, args: string[], env: NodeJS.ProcessEnv): Run {
  const out = join(scratch, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', out, process.execPath, cli, ...args], {
    env: { PATH: process.env.PATH, HOME: scratch, SIGILLO_LANG: 'en', ...env },
    encoding: 'utf8',
  });
  const [e, u, s, m] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall: e!, cpu: u! + s!, rssMiB: m! / 1024, stdout: r.stdout };
}

const scratch = scratchDir('startup-ab');
const before = process.env.BENCH_BEFORE;
const runs = Number(process.env.BENCH_RUNS ?? 10);
try {
  if (!before)
    throw new Error('BENCH_BEFORE=<path of the other build’s dist/electron/cli/sigillo.js> is needed');
  const { pki, env } = makeBenchToken(scratch);
  const p7m =
    process.env.BENCH_P7M ??
    join(__dirname, '../../../shared/corpus/realworld/fenet-IT02182030391_31.xml.p7m');
  const doc = join(scratch, 'fattura.xml');
  writeFileSync(doc, '<FatturaElettronica/>\n');
  const pdfIn = writeHandwritten(join(scratch, 'page.pdf'));
  const signed = spawnSync(process.execPath, [CLI, 'sign', '--format', 'pades', '--out', scratch, pdfIn], {
    env: { PATH: process.env.PATH, ...env },
  });
  if (signed.status !== 0) throw new Error(`signing the PDF failed: ${signed.stderr}`);
  const pdf = join(scratch, 'page-signed.pdf');
  const trust = ['--offline', '--trust', pki.chainPem];
  let n = 0;
  const cases: [string, () => string[], NodeJS.ProcessEnv, boolean][] = [
    ['--version', () => ['--version'], {}, true],
    ['verify small p7m --json --offline', () => ['verify', '--json', '--offline', p7m], {}, true],
    ['verify 1-page PDF --json --offline', () => ['verify', '--json', ...trust, pdf], {}, true],
    [
      'sign a small file → p7m (SoftHSM)',
      () => {
        const out = join(scratch, `o${n++}`);
        mkdirSync(out);
        return ['sign', '--format', 'cades', '--out', out, doc];
      },
      env,
      false,
    ],
  ];
  for (const [label, args, e, same] of cases) {
    const best: Record<'before' | 'after', Run | undefined> = { before: undefined, after: undefined };
    const min = {
      before: { wall: Infinity, cpu: Infinity, rss: Infinity },
      after: { wall: Infinity, cpu: Infinity, rss: Infinity },
    };
    for (let i = 0; i < runs; i++) {
      for (const side of i % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
        const r = timed(side === 'before' ? before : CLI, args(), e);
        best[side] ??= r;
        min[side].wall = Math.min(min[side].wall, r.wall);
        min[side].cpu = Math.min(min[side].cpu, r.cpu);
        min[side].rss = Math.min(min[side].rss, r.rssMiB);
      }
    }
    const identical = !same || best.before!.stdout === best.after!.stdout;
    console.log(
      `${label}: before ${min.before.wall.toFixed(2)} s, ${min.before.cpu.toFixed(2)} s CPU, ${min.before.rss.toFixed(0)} MiB` +
        ` | after ${min.after.wall.toFixed(2)} s, ${min.after.cpu.toFixed(2)} s CPU, ${min.after.rss.toFixed(0)} MiB` +
        (same ? ` | stdout ${identical ? 'identical' : 'DIFFERS'}` : ''),
    );
  }
} finally {
  rmSync(join(scratch, 'time.txt'), { force: true });
  removeDir(scratch);
}

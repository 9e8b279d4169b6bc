/**
 * `sigillo devices --watch [--json]` (the built CLI) against the virtual reader: one JSON line per event (reader,
 * card inserted with its ATR → module → tokens, card removed), Ctrl-C → exit 0; PC/SC missing → a plain
 * PCSC_UNAVAILABLE message and exit 1.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLI, runCli } from '../support/cli';
import { VIRTUAL_CARD_ATR, VIRTUAL_READER, VirtualReader } from '../support/virtual-card';
import { EventLog } from '../pcsc/event-log';

const fx = inject('fixture');
let vr: VirtualReader;
let extra = '';

interface Line {
  type: string;
  time: string;
  reader?: string;
  atr?: string;
  module?: string;
  card?: { known: boolean; name?: string };
  tokens?: Array<{ label: string }>;
  error?: { code: string; message: string };
}

class Watch {
  readonly log = new EventLog<Line>();
  readonly text = new EventLog<string>();
  stderr = '';
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<number | null>;

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [CLI, 'devices', '--watch', ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SIGILLO_LANG: 'en', ...env },
    });
    let buf = '';
    this.child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) {
        this.text.push(l);
        if (args.includes('--json')) this.log.push(JSON.parse(l) as Line);
      }
    });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((r) => this.child.on('exit', (code) => r(code)));
  }

  /** Ctrl-C, and the exit code. */
  async interrupt(): Promise<number | null> {
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

beforeAll(async () => {
  extra = join(fx.root, `atr-extra-${process.pid}.json`);
  const m = [fx.module];
  writeFileSync(
    extra,
    JSON.stringify([
      {
        atr: VIRTUAL_CARD_ATR,
        mask: 'FF FF FF FF FF FF FF FF FF FF FF',
        name: 'vsmartcard vicc (test)',
        issuer: 'Sigillo tests',
        middleware: 'SoftHSM2 (test)',
        modules: { linux: m, windows: m, darwin: m },
        source: 'test only',
      },
    ]),
  );
  vr = await VirtualReader.start();
});
afterAll(async () => {
  await vr?.stop();
});

describe('sigillo devices --watch', () => {
  it('--json prints one JSON line per event until Ctrl-C, then exits 0', async () => {
    const w = new Watch(['--json'], { SOFTHSM2_CONF: fx.singleConf, SIGILLO_ATR_EXTRA: extra });
    try {
      await w.log.next((l) => l.type === 'reader-added' && l.reader === VIRTUAL_READER);
      let from = w.log.events.length;
      await vr.insert();
      const ins = await w.log.next((l) => l.type === 'card-inserted', from);
      expect(ins).toMatchObject({ reader: VIRTUAL_READER, atr: VIRTUAL_CARD_ATR, module: fx.module });
      expect(ins.card).toMatchObject({ known: true, name: 'vsmartcard vicc (test)' });
      expect(ins.tokens?.map((t) => t.label)).toEqual(['CNS-ROSSI']);
      expect(Number.isNaN(Date.parse(ins.time))).toBe(false);
      from = w.log.events.length;
      await vr.remove();
      expect(await w.log.next((l) => l.type === 'card-removed', from)).toMatchObject({
        reader: VIRTUAL_READER,
      });
    } finally {
      expect(await w.interrupt()).toBe(0);
    }
    expect(w.text.events.every((l) => l.startsWith('{'))).toBe(true);
    expect(w.stderr).not.toMatch(/at \w+ \(|Error:/);
  });

  it('without --json prints readable lines', async () => {
    const w = new Watch([], { SOFTHSM2_CONF: fx.singleConf, SIGILLO_ATR_EXTRA: extra });
    try {
      await w.text.next((l) => l.includes(`reader connected: ${VIRTUAL_READER}`));
      await vr.insert();
      const line = await w.text.next((l) => l.includes('card inserted'));
      expect(line).toContain(VIRTUAL_CARD_ATR);
      expect(line).toContain('vsmartcard vicc (test)');
      expect(line).toContain('token "CNS-ROSSI"');
      await vr.remove();
      await w.text.next((l) => l.includes(`card removed from ${VIRTUAL_READER}`));
    } finally {
      expect(await w.interrupt()).toBe(0);
    }
  });

  it('says what to install for a card the table does not know', async () => {
    const w = new Watch(['--json'], {});
    try {
      await w.log.next((l) => l.type === 'reader-added');
      await vr.insert();
      const ins = await w.log.next((l) => l.type === 'card-inserted');
      expect(ins.error?.code).toBe('CARD_UNKNOWN');
      expect(ins.error?.message).toContain(VIRTUAL_CARD_ATR);
      await vr.remove();
    } finally {
      expect(await w.interrupt()).toBe(0);
    }
  });
});

describe('sigillo devices --watch without PC/SC', () => {
  const noService = { PCSCLITE_CSOCK_NAME: join(fx.root, 'no-pcscd', 'pcscd.comm') };
  it('--json: a PCSC_UNAVAILABLE line and exit 1', async () => {
    const r = await runCli(['devices', '--watch', '--json'], noService);
    expect(r.code).toBe(1);
    const line = JSON.parse(r.stdout.trim()) as Line;
    expect(line).toMatchObject({ type: 'error', error: { code: 'PCSC_UNAVAILABLE' } });
    expect(line.error?.message).toContain('the pcscd service is not running');
  });
  it('a --module that does not exist fails at once', async () => {
    const r = await runCli(['devices', '--watch', '--json', '--module', join(fx.root, 'nope.so')], noService);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'MODULE_NOT_FOUND' } });
  });
  it('says it plainly in Italian', async () => {
    const r = await runCli(['devices', '--watch'], { ...noService, SIGILLO_LANG: 'it' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('il servizio pcscd non è in esecuzione');
    expect(r.stderr).not.toMatch(/at \w+ \(/);
  });
});

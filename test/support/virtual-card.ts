/**
 * A virtual smart card reader for tests (see /work/shared/reference/virtual-card.md): pcscd with the vpcd driver
 * gives the readers "Virtual PCD 00 00/01"; the vicc emulator connecting to the first one is an inserted card
 * (ATR 3B:95:13:81:01:80:73:FF:01:00:0B) and stopping it is a removal. pcscd is started here (foreground, as
 * root) only when it is not already running, and stopped again at the end. Readiness is checked with OpenSC's
 * opensc-tool, independently of the code under test. A lock file serialises users across test processes (one
 * vpcd port, one pcscd).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const VIRTUAL_READER = 'Virtual PCD 00 00';
export const VIRTUAL_CARD_ATR = '3B:95:13:81:01:80:73:FF:01:00:0B';
const PCSCD_PID_FILE = '/run/pcscd/pcscd.pid';
const LOCK = join(tmpdir(), 'sigillo-virtual-card.lock');
const PYTHON = '/usr/bin/python3';
const VICC = '/usr/bin/vicc';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function pcscdRunning(): boolean {
  try {
    const pid = parseInt(readFileSync(PCSCD_PID_FILE, 'utf8').trim(), 10);
    return pid > 0 && alive(pid);
  } catch {
    return false;
  }
}

/** `opensc-tool -l` output: the readers PC/SC sees and whether each holds a card. */
export function listReaders(): Promise<string> {
  return new Promise((resolve) => {
    execFile('opensc-tool', ['-l'], { timeout: 10_000 }, (_err, stdout) => resolve(String(stdout)));
  });
}

export async function virtualCardPresent(): Promise<boolean | undefined> {
  const line = (await listReaders()).split('\n').find((l) => l.includes(VIRTUAL_READER));
  if (!line) return undefined;
  return /^\s*\d+\s+Yes\b/.test(line);
}

async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function acquireLock(timeoutMs = 100_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch {
      const owner = parseInt(readFileSync(LOCK, 'utf8') || '0', 10);
      if (!owner || !alive(owner)) rmSync(LOCK, { force: true });
      else if (Date.now() > end) throw new Error(`virtual card lock held by process ${owner}`);
      else await sleep(250);
    }
  }
}

function releaseLock(): void {
  try {
    if (readFileSync(LOCK, 'utf8') === String(process.pid)) rmSync(LOCK, { force: true });
  } catch {
    // not ours or gone
  }
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The Python path fixes Debian's packaging needs (library one folder too deep; Crypto vs Cryptodome). */
function viccEnv(): NodeJS.ProcessEnv {
  const shim = join(tmpdir(), 'sigillo-vicc-shim');
  mkdirSync(shim, { recursive: true });
  if (!existsSync(join(shim, 'Crypto'))) {
    try {
      symlinkSync('/usr/lib/python3/dist-packages/Cryptodome', join(shim, 'Crypto'));
    } catch {
      // made by a concurrent run
    }
  }
  return { ...process.env, PYTHONPATH: `/usr/lib/python3/site-packages/virtualsmartcard:${shim}` };
}

export class VirtualReader {
  private pcscd?: ChildProcess;
  private vicc?: ChildProcess;
  private viccLog = '';

  /** Takes the lock, starts pcscd if needed and waits for the virtual readers. */
  static async start(): Promise<VirtualReader> {
    await acquireLock();
    const v = new VirtualReader();
    try {
      let log = '';
      if (!pcscdRunning()) {
        if (process.getuid?.() !== 0) {
          throw new Error('pcscd is not running and only root can start it: start pcscd before the tests');
        }
        const pcscd = spawn('pcscd', ['-f', '-a'], { stdio: ['ignore', 'pipe', 'pipe'] });
        // drained (it logs every APDU with -a); the tail explains an early exit
        const keep = (d: Buffer) => (log = (log + d.toString()).slice(-2000));
        pcscd.stdout?.on('data', keep);
        pcscd.stderr?.on('data', keep);
        pcscd.on('error', (e) => (log += String(e)));
        v.pcscd = pcscd;
      }
      await waitFor('the virtual readers (pcscd + vsmartcard-vpcd)', async () => {
        if (v.pcscd && v.pcscd.exitCode !== null) throw new Error(`pcscd exited: ${log}`);
        return (await virtualCardPresent()) !== undefined;
      });
      if (await virtualCardPresent()) throw new Error('a virtual card is already inserted by someone else');
    } catch (e) {
      await v.stop();
      throw e;
    }
    return v;
  }

  get startedPcscd(): boolean {
    return this.pcscd !== undefined;
  }

  /** Starts vicc: the card appears in "Virtual PCD 00 00". */
  async insert(): Promise<void> {
    if (this.vicc) return;
    this.viccLog = '';
    const child = spawn(PYTHON, [VICC, '-t', 'iso7816'], {
      env: viccEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (this.viccLog += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.viccLog += d.toString()));
    child.on('error', () => undefined);
    this.vicc = child;
    try {
      await waitFor('the virtual card', async () => {
        if (child.exitCode !== null) throw new Error('vicc exited');
        return (await virtualCardPresent()) === true;
      });
    } catch (e) {
      throw new Error(`${(e as Error).message}; vicc said: ${this.viccLog.slice(-500)}`);
    }
  }

  /** Stops vicc: the card leaves the reader. */
  async remove(): Promise<void> {
    const child = this.vicc;
    this.vicc = undefined;
    await stopChild(child);
    await waitFor('the card removal', async () => (await virtualCardPresent()) !== true);
  }

  /** Removes the card, stops the pcscd we started, releases the lock. */
  async stop(): Promise<void> {
    try {
      await stopChild(this.vicc);
      this.vicc = undefined;
      await stopChild(this.pcscd);
      this.pcscd = undefined;
    } finally {
      releaseLock();
    }
  }

  /** Stops pcscd (only the one we started): PC/SC goes away under a running watcher. */
  async stopPcscd(): Promise<void> {
    if (!this.pcscd) throw new Error('pcscd was not started by the test');
    const vicc = this.vicc;
    this.vicc = undefined;
    await stopChild(this.pcscd);
    this.pcscd = undefined;
    await stopChild(vicc);
    await waitFor('pcscd to stop', () => !pcscdRunning());
  }
}

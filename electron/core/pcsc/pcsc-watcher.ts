/**
 * Watches PC/SC through the `pcsclite` native module and turns its callbacks into typed events: readers coming and
 * going, cards inserted (with the ATR) and removed, and the PC/SC service missing or stopping. close() releases
 * every pcsclite handle so the process can exit.
 */
import { formatAtr } from '../card/atr-match';
import {
  cardMute,
  isServiceGone,
  noReader,
  pcscError,
  pcscStopped,
  scardCode,
  startFailure,
  SCARD_E_CANCELLED,
} from './pcsc-errors';
import { EventSource, type PcscEvent } from './pcsc-events';

/** The parts of pcsclite we use (its own typings do not export them). */
interface CardReaderHandle {
  name: string;
  SCARD_STATE_PRESENT: number;
  SCARD_STATE_MUTE: number;
  on(type: 'status', l: (s: { state: number; atr?: Buffer }) => void): unknown;
  on(type: 'end', l: () => void): unknown;
  on(type: 'error', l: (e: unknown) => void): unknown;
  close(): void;
}
interface PcscHandle {
  on(type: 'reader', l: (r: CardReaderHandle) => void): unknown;
  on(type: 'error', l: (e: unknown) => void): unknown;
  close(): void;
}
type PcscFactory = () => PcscHandle;

function loadPcsclite(): PcscFactory {
  // loaded on first use: a machine without the PC/SC library can still run every other command
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pcsclite') as PcscFactory;
}

export interface WatcherOptions {
  /** after start, how long to wait for a first reader before saying NO_READER (ms) */
  noReaderGraceMs?: number;
  /** when PC/SC is unavailable or stops, try again after this long (ms); 0 = give up */
  retryMs?: number;
  platform?: NodeJS.Platform;
}

interface ReaderState {
  handle: CardReaderHandle;
  atr?: string;
}

export class PcscWatcher extends EventSource<PcscEvent> {
  private pcsc?: PcscHandle;
  private readonly readers = new Map<string, ReaderState>();
  private timers = new Set<NodeJS.Timeout>();
  private closed = false;
  private running = false;

  constructor(private readonly opts: WatcherOptions = {}) {
    super();
  }

  /** Readers now present and the ATR of the card in each (undefined: empty). */
  snapshot(): Array<{ reader: string; atr?: string }> {
    return [...this.readers].map(([reader, s]) => (s.atr ? { reader, atr: s.atr } : { reader }));
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Starts watching; problems arrive as 'error' events (PCSC_UNAVAILABLE…), never as exceptions. */
  start(): void {
    if (this.closed || this.pcsc) return;
    let pcsc: PcscHandle;
    try {
      pcsc = loadPcsclite()();
    } catch (e) {
      this.emit({ type: 'error', error: startFailure(e, this.platform) });
      this.scheduleRetry();
      return;
    }
    this.pcsc = pcsc;
    this.running = true;
    // a handle torn down after a failure may still call back: only the current one counts
    pcsc.on('reader', (r) => this.pcsc === pcsc && this.addReader(r));
    pcsc.on('error', (e) => this.pcsc === pcsc && this.onServiceError(e));
    this.later(this.opts.noReaderGraceMs ?? 700, () => {
      if (this.running && this.readers.size === 0) this.emit({ type: 'error', error: noReader() });
    });
  }

  /** Stops watching and releases pcsclite (its threads), so the process can exit. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.teardown(false);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private get platform(): NodeJS.Platform {
    return this.opts.platform ?? process.platform;
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private scheduleRetry(): void {
    const ms = this.opts.retryMs ?? 0;
    if (ms > 0 && !this.closed) this.later(ms, () => this.start());
  }

  private addReader(handle: CardReaderHandle): void {
    if (this.closed) return;
    const name = handle.name;
    this.readers.set(name, { handle });
    this.emit({ type: 'reader-added', reader: name });
    const current = () => this.readers.get(name)?.handle === handle;
    handle.on('status', (s) => current() && this.onStatus(name, s.state, s.atr));
    handle.on('end', () => current() && this.removeReader(name));
    handle.on('error', (e) => {
      // the service-level error (or our own close) says it all
      if (!current() || this.closed || isServiceGone(e) || scardCode(e) === SCARD_E_CANCELLED) return;
      this.emit({ type: 'error', reader: name, error: pcscError(e, name) });
    });
  }

  private onStatus(reader: string, state: number, atrBytes?: Buffer): void {
    const r = this.readers.get(reader);
    if (!r || this.closed) return;
    const present = (state & r.handle.SCARD_STATE_PRESENT) !== 0;
    const mute = (state & r.handle.SCARD_STATE_MUTE) !== 0;
    const atr = present && atrBytes && atrBytes.length > 0 ? formatAtr(atrBytes) : undefined;
    if (r.atr && r.atr !== atr) {
      r.atr = undefined;
      this.emit({ type: 'card-removed', reader });
    }
    if (present && mute && !atr) {
      this.emit({ type: 'error', reader, error: cardMute(reader) });
      return;
    }
    if (atr && !r.atr) {
      r.atr = atr;
      this.emit({ type: 'card-inserted', reader, atr });
    }
  }

  private removeReader(reader: string): void {
    const r = this.readers.get(reader);
    if (!r) return;
    this.readers.delete(reader);
    if (this.closed) return;
    if (r.atr) this.emit({ type: 'card-removed', reader });
    this.emit({ type: 'reader-removed', reader });
    // readers also end when the whole service stops: only say NO_READER when PC/SC is still there
    this.later(300, () => {
      if (this.running && this.readers.size === 0) this.emit({ type: 'error', error: noReader() });
    });
  }

  private onServiceError(e: unknown): void {
    if (this.closed || scardCode(e) === SCARD_E_CANCELLED) return;
    this.running = false;
    this.teardown(true);
    this.emit({ type: 'error', error: isServiceGone(e) ? pcscStopped(this.platform) : pcscError(e) });
    this.scheduleRetry();
  }

  /** Closes the reader handles and pcsclite; with `announce`, tells listeners the cards and readers are gone. */
  private teardown(announce: boolean): void {
    this.running = false;
    for (const [reader, r] of [...this.readers]) {
      this.readers.delete(reader);
      if (announce && r.atr) this.emit({ type: 'card-removed', reader });
      if (announce) this.emit({ type: 'reader-removed', reader });
      try {
        r.handle.close();
      } catch {
        // already ended
      }
    }
    const pcsc = this.pcsc;
    this.pcsc = undefined;
    try {
      pcsc?.close();
    } catch {
      // already stopped
    }
  }
}

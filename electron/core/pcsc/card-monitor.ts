/**
 * Readers and cards with their PKCS#11 side: on insert the card's module is chosen from the ATR table (the user's
 * module wins), loaded once for the life of the monitor, and the card's tokens are listed; on removal the
 * sessions opened on it are dropped, so a reinserted card works again without a restart.
 */
import { loadAtrTable, type AtrTable } from '../card/atr-table';
import { identifyCard } from '../card/card-identity';
import { parseAtrHex } from '../card/atr-match';
import { chooseModuleForCard } from '../card/module-for-card';
import { toErrorInfo } from '../errors';
import { acquireModule, releaseModule } from '../pkcs11/module-registry';
import { Pkcs11Service } from '../pkcs11/pkcs11-service';
import { EventSource, type CardInsertedEvent, type DeviceEvent } from './pcsc-events';
import { PcscWatcher, type WatcherOptions } from './pcsc-watcher';
import { summarizeToken, tokensInReader } from './token-summary';

export interface CardMonitorOptions extends WatcherOptions {
  table?: AtrTable;
  /** --module / settings: used for every card */
  moduleOverride?: string;
  env?: NodeJS.ProcessEnv;
  /** false: report cards and modules without loading them (default true) */
  listTokens?: boolean;
}

export class CardMonitor extends EventSource<DeviceEvent> {
  private readonly watcher: PcscWatcher;
  private readonly table: AtrTable;
  /** modules kept loaded while the monitor runs: loaded once, not per insertion */
  private readonly kept = new Set<string>();
  /** the service used for the card in each reader; closed (sessions dropped) on removal */
  private readonly services = new Map<string, Pkcs11Service>();

  constructor(private readonly opts: CardMonitorOptions = {}) {
    super();
    this.table = opts.table ?? loadAtrTable();
    this.watcher = new PcscWatcher(opts);
    this.watcher.on((e) => {
      if (e.type === 'card-inserted') this.emit(this.inserted(e.reader, e.atr));
      else {
        if (e.type === 'card-removed') this.dropReader(e.reader);
        this.emit(e);
      }
    });
  }

  start(): void {
    this.watcher.start();
  }

  /** PC/SC answered and is being watched (false before start, after close, or while PC/SC is missing). */
  get isRunning(): boolean {
    return this.watcher.isRunning;
  }

  /** The PKCS#11 service for the card now in `reader` (for signing, PIN…); undefined when none is usable. */
  serviceFor(reader: string): Pkcs11Service | undefined {
    return this.services.get(reader);
  }

  snapshot(): Array<{ reader: string; atr?: string }> {
    return this.watcher.snapshot();
  }

  /** Stops watching, drops every session and unloads the modules. Idempotent. */
  close(): void {
    this.watcher.close();
    for (const reader of [...this.services.keys()]) this.dropReader(reader);
    for (const path of this.kept) releaseModule(path);
    this.kept.clear();
  }

  private inserted(reader: string, atr: string): CardInsertedEvent {
    const bytes = parseAtrHex(atr) ?? new Uint8Array();
    const event: CardInsertedEvent = {
      type: 'card-inserted',
      reader,
      atr,
      card: identifyCard(this.table, bytes).identity,
    };
    try {
      const choice = chooseModuleForCard({
        atr: bytes,
        table: this.table,
        override: this.opts.moduleOverride,
        platform: this.opts.platform,
        env: this.opts.env,
      });
      event.module = choice.modulePath;
      event.moduleVia = choice.via;
      if (this.opts.listTokens === false) return event;
      if (!this.kept.has(choice.modulePath)) {
        acquireModule(choice.modulePath);
        this.kept.add(choice.modulePath);
      }
      this.dropReader(reader);
      const service = Pkcs11Service.open(choice.modulePath);
      this.services.set(reader, service);
      event.tokens = tokensInReader(service.listTokens(), reader).map(summarizeToken);
    } catch (e) {
      event.error = toErrorInfo(e);
    }
    return event;
  }

  private dropReader(reader: string): void {
    const service = this.services.get(reader);
    this.services.delete(reader);
    try {
      service?.close();
    } catch {
      // a removed card cannot refuse a logout
    }
  }
}

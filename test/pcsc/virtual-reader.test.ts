/**
 * Reader and card events against a real pcscd with the vpcd virtual reader and the vicc card emulator
 * (test/support/virtual-card.ts): reader present, card inserted with its ATR, removed, inserted again; the ATR is
 * mapped to a module through a test-only table entry (SoftHSM plays the card's middleware) and the tokens listed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadAtrTable, type CardEntryData } from '../../electron/core/card/atr-table';
import { CardMonitor, type CardMonitorOptions } from '../../electron/core/pcsc/card-monitor';
import type { DeviceEvent, PcscEvent } from '../../electron/core/pcsc/pcsc-events';
import { PcscWatcher } from '../../electron/core/pcsc/pcsc-watcher';
import { setLang } from '../../electron/core/i18n/translate';
import { SigilloError } from '../../electron/core/errors';
import { PIN } from '../support/fixture';
import { VIRTUAL_CARD_ATR, VIRTUAL_READER, VirtualReader } from '../support/virtual-card';
import { EventLog } from './event-log';

const fx = inject('fixture');
let vr: VirtualReader;

function virtualCardEntry(module: string): CardEntryData {
  const m = { linux: [module], windows: [module], darwin: [module] };
  return {
    atr: VIRTUAL_CARD_ATR,
    mask: 'FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF',
    name: 'vsmartcard vicc (test)',
    issuer: 'Sigillo tests',
    middleware: 'SoftHSM2 (test)',
    modules: m,
    source: 'test only: /work/shared/reference/virtual-card.md',
  };
}

/** A started CardMonitor and the log of its events. */
function startMonitor(o: CardMonitorOptions): { m: CardMonitor; log: EventLog<DeviceEvent> } {
  const log = new EventLog<DeviceEvent>();
  const m = new CardMonitor(o);
  m.on(log.push);
  m.start();
  return { m, log };
}

beforeAll(async () => {
  setLang('en');
  process.env.SOFTHSM2_CONF = fx.singleConf;
  vr = await VirtualReader.start();
});
afterAll(async () => {
  await vr?.stop();
});

describe('PcscWatcher on the virtual reader', () => {
  it('sees the readers, the card coming and going with its ATR, and again after reinsertion', async () => {
    const log = new EventLog<PcscEvent>();
    const w = new PcscWatcher();
    w.on(log.push);
    w.start();
    try {
      await log.next((e) => e.type === 'reader-added' && e.reader === VIRTUAL_READER);
      expect(log.events.some((e) => e.type === 'card-inserted')).toBe(false);

      let from = log.events.length;
      await vr.insert();
      const inserted = await log.next((e) => e.type === 'card-inserted', from);
      expect(inserted).toEqual({ type: 'card-inserted', reader: VIRTUAL_READER, atr: VIRTUAL_CARD_ATR });
      expect(w.snapshot()).toContainEqual({ reader: VIRTUAL_READER, atr: VIRTUAL_CARD_ATR });

      from = log.events.length;
      await vr.remove();
      expect(await log.next((e) => e.type === 'card-removed', from)).toEqual({
        type: 'card-removed',
        reader: VIRTUAL_READER,
      });
      expect(w.snapshot()).toContainEqual({ reader: VIRTUAL_READER });

      from = log.events.length;
      await vr.insert();
      await log.next((e) => e.type === 'card-inserted' && e.atr === VIRTUAL_CARD_ATR, from);
      await vr.remove();
      expect(log.events.filter((e) => e.type === 'error')).toEqual([]);
    } finally {
      w.close();
    }
    expect(w.isRunning).toBe(false);
  });

  it('reports a card already in the reader when it starts', async () => {
    await vr.insert();
    const log = new EventLog<PcscEvent>();
    const w = new PcscWatcher();
    w.on(log.push);
    w.start();
    try {
      const e = await log.next((x) => x.type === 'card-inserted');
      expect(e).toMatchObject({ reader: VIRTUAL_READER, atr: VIRTUAL_CARD_ATR });
    } finally {
      w.close();
      await vr.remove();
    }
  });
});

describe('CardMonitor: ATR → module → tokens', () => {
  it('maps the virtual card to its module through a test table entry and lists its tokens, after reinsertion too', async () => {
    const { m, log } = startMonitor({ table: loadAtrTable({ extraCards: [virtualCardEntry(fx.module)] }) });
    try {
      await log.next((e) => e.type === 'reader-added' && e.reader === VIRTUAL_READER);
      for (let round = 0; round < 2; round++) {
        const from = log.events.length;
        await vr.insert();
        const e = await log.next((x) => x.type === 'card-inserted', from);
        if (e.type !== 'card-inserted') throw new Error('unreachable');
        expect(e.error).toBeUndefined();
        expect(e.card).toMatchObject({ atr: VIRTUAL_CARD_ATR, known: true, name: 'vsmartcard vicc (test)' });
        expect(e).toMatchObject({ module: fx.module, moduleVia: 'card' });
        expect(e.tokens?.map((t) => t.label)).toEqual(['CNS-ROSSI']);
        const certs = e.tokens?.[0]?.certificates ?? [];
        expect(certs.map((c) => [c.id, c.role])).toEqual(
          expect.arrayContaining([
            ['02', 'signature'],
            ['01', 'authentication'],
          ]),
        );
        expect(
          m
            .serviceFor(VIRTUAL_READER)
            ?.listTokens()
            .map((t) => t.label),
        ).toEqual(['CNS-ROSSI']);
        const removedFrom = log.events.length;
        await vr.remove();
        await log.next((x) => x.type === 'card-removed', removedFrom);
        expect(m.serviceFor(VIRTUAL_READER)).toBeUndefined();
      }
    } finally {
      m.close();
    }
  });

  it('card removed during use: the session is dropped, signing fails cleanly, and works again after reinsertion', async () => {
    const { m, log } = startMonitor({ table: loadAtrTable({ extraCards: [virtualCardEntry(fx.module)] }) });
    try {
      await vr.insert();
      await log.next((x) => x.type === 'card-inserted');
      const session = m.serviceFor(VIRTUAL_READER)!.login(undefined, Buffer.from(PIN));
      const signer = session.signer();
      expect((await signer.sign('sha256', Buffer.from('before'))).length).toBe(256);
      const from = log.events.length;
      await vr.remove();
      await log.next((x) => x.type === 'card-removed', from);
      expect(session.isOpen).toBe(false);
      const err = await signer.sign('sha256', Buffer.from('after')).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SigilloError);
      expect(() => session.signer()).toThrow(SigilloError);
      await vr.insert();
      await log.next((x) => x.type === 'card-inserted', from);
      const again = m.serviceFor(VIRTUAL_READER)!.login(undefined, Buffer.from(PIN));
      expect((await again.signer().sign('sha256', Buffer.from('again'))).length).toBe(256);
      again.logout();
    } finally {
      m.close();
      await vr.remove();
    }
  });

  it('says what is missing for a card the table does not know', async () => {
    const { m, log } = startMonitor({ table: loadAtrTable() });
    try {
      await vr.insert();
      const e = await log.next((x) => x.type === 'card-inserted');
      if (e.type !== 'card-inserted') throw new Error('unreachable');
      expect(e.card).toMatchObject({ known: false, cns: false });
      expect(e.error?.code).toBe('CARD_UNKNOWN');
      expect(e.error?.message).toContain(VIRTUAL_CARD_ATR);
      expect(e.tokens).toBeUndefined();
    } finally {
      m.close();
      await vr.remove();
    }
  });

  it('the user module wins over the table', async () => {
    const { m, log } = startMonitor({ table: loadAtrTable(), moduleOverride: fx.module });
    try {
      await vr.insert();
      const e = await log.next((x) => x.type === 'card-inserted');
      expect(e).toMatchObject({ module: fx.module, moduleVia: 'override' });
      if (e.type === 'card-inserted') expect(e.tokens?.map((t) => t.label)).toEqual(['CNS-ROSSI']);
    } finally {
      m.close();
      await vr.remove();
    }
  });
});

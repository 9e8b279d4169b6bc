/**
 * Card events end to end: PC/SC (pcscd + vpcd virtual reader, vicc card) → CardMonitor in the card worker →
 * harness → WebSocket client, as the page receives them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { VIRTUAL_CARD_ATR, VIRTUAL_READER, VirtualReader } from '../support/virtual-card';
import { connect, type HarnessClient } from './harness-client';
import { startTestHarness, type TestHarness } from './harness-setup';

const fx = inject('fixture');
let vr: VirtualReader;
let th: TestHarness;
let client: HarnessClient;

beforeAll(async () => {
  vr = await VirtualReader.start();
  th = await startTestHarness(
    fx.root,
    { SIGILLO_PKCS11_MODULE: fx.module, SOFTHSM2_CONF: fx.singleConf },
    true,
  );
  client = await connect(th.harness.port, th.harness.token);
}, 120_000);

afterAll(async () => {
  client?.close();
  await th?.harness.close();
  await vr?.stop();
});

function cardEvents(): { type: string; reader?: string; atr?: string }[] {
  return client.events.filter((e) => e.event === 'card').map((e) => e.payload as { type: string });
}

describe('card events through the harness', () => {
  it('forwards reader, insertion (with ATR) and removal', async () => {
    await expect
      .poll(() => cardEvents().some((e) => e.type === 'reader-added'), { timeout: 20_000 })
      .toBe(true);
    await vr.insert();
    await expect
      .poll(() => cardEvents().find((e) => e.type === 'card-inserted'), { timeout: 20_000 })
      .toMatchObject({ reader: VIRTUAL_READER, atr: VIRTUAL_CARD_ATR });
    await vr.remove();
    await expect
      .poll(() => cardEvents().some((e) => e.type === 'card-removed' && e.reader === VIRTUAL_READER), {
        timeout: 20_000,
      })
      .toBe(true);
  });
});

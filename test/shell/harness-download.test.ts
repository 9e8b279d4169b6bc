/**
 * "Apri il documento firmato" in the browser harness (issue 21 flow 5): the same handler answers a download URL;
 * the harness serves those bytes once, only with the session token, as an attachment named after the document;
 * its private session folder is gone when the harness closes, and a dead run's is swept when one starts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRoot, openSessionDir } from '../../electron/core/open/open-folder';
import type { OpenSignedResponse } from '../../shared/schemas/open';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { startHarness } from '../../electron/harness/harness-server';
import { WORKER_BUILT } from '../../electron/harness/harness-main';
import { makeShellLog } from '../../electron/shell/ipc/shell-log';
import { connect, type HarnessClient } from './harness-client';
import { startTestHarness, type TestHarness } from './harness-setup';

const fx = inject('fixture');
let th: TestHarness;
let client: HarnessClient;
let deadSession: string;

beforeAll(async () => {
  th = await startTestHarness(fx.root, {});
  client = await connect(th.harness.port, th.harness.token);
});

afterAll(async () => {
  client?.close();
  await th?.harness.close();
});

describe('harness: open = download', () => {
  it('serves the extracted document once, with the token only, as an attachment', async () => {
    const xml = join(th.dir, 'fattura.xml');
    writeFileSync(xml, '<?xml version="1.0"?><FatturaElettronica><Numero>7</Numero></FatturaElettronica>');
    opensslCmsSign({ input: xml, out: `${xml}.p7m`, signer: fx.pki.signature });
    const v = await client.invoke('verify', {
      operationId: 'op-dl-0001',
      files: [`${xml}.p7m`],
      offline: true,
    });
    expect(v.ok, JSON.stringify(v)).toBe(true);
    const { reportId } = (v as { value: { reportId: string } }).value;
    const r = await client.invoke('openSigned', { reportId, file: `${xml}.p7m` });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const doc = (r as { value: OpenSignedResponse }).value;
    expect(doc.outcome).toBe('download');
    const url = new URL(doc.downloadUrl!, `http://127.0.0.1:${th.harness.port}`);
    expect(url.searchParams.get('token')).toBe(th.harness.token);

    const noToken = new URL(url);
    noToken.searchParams.delete('token');
    expect((await fetch(noToken)).status).toBe(403);
    const wrong = new URL(url);
    wrong.searchParams.set('token', 'x'.repeat(32));
    expect((await fetch(wrong)).status).toBe(403);

    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''fattura.xml");
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await got.arrayBuffer())).toEqual(readFileSync(xml));
    expect((await fetch(url)).status).toBe(404); // once
    expect(doc.path.startsWith(openSessionDir(join(th.dir, 'user-data')))).toBe(true);
    // a dead run's session, to be swept by the next harness
    // (same host tag as this run's, a PID that is not running)
    const ours = openSessionDir(join(th.dir, 'user-data'));
    deadSession = join(openRoot(join(th.dir, 'user-data')), `.session.sigillo-7ffffffd${ours.slice(-12)}`);
    mkdirSync(deadSession);
  });

  it('closing removes its session folder; the next start removes a dead run’s', async () => {
    const userData = join(th.dir, 'user-data');
    expect(existsSync(openSessionDir(userData))).toBe(true);
    await th.harness.close();
    expect(existsSync(openSessionDir(userData))).toBe(false);
    expect(existsSync(deadSession)).toBe(true);
    // the next harness on the same user data folder sweeps it
    const again = await startHarness({
      port: 0,
      staticDir: join(th.dir, 'static'),
      userDataDir: userData,
      outDir: th.outDir,
      workerEnv: { PATH: process.env.PATH },
      workerEntry: WORKER_BUILT,
      log: makeShellLog({ info: () => undefined, warn: () => undefined, error: () => undefined }),
    });
    await again.close();
    expect(existsSync(deadSession)).toBe(false);
  });
});

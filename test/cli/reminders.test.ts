import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { copySofthsmStore } from '../renewal/hsm-copy';

const fx = inject('fixture');
const multiConf = copySofthsmStore(fx.multiConf, fx.root);

interface Rem {
  fingerprintSha256: string;
  threshold: number;
  daysLeft: number;
  state: string;
  role: string;
}
interface Report {
  file: string;
  enabled: boolean;
  snoozedUntil: string | null;
  scanned?: number;
  reminders: Rem[];
  remembered?: Array<{
    fingerprintSha256: string;
    role: string;
    deviceSerial?: string;
    renewal: { state: string };
  }>;
}

function sha256Of(certPem: string): string {
  return new X509Certificate(readFileSync(certPem)).fingerprint256.replace(/:/g, '').toLowerCase();
}

describe('sigillo reminders', () => {
  const dataDir = mkdtempSync(join(fx.root, 'reminders-'));
  const env = { SIGILLO_DATA_DIR: dataDir, SOFTHSM2_CONF: multiConf };
  const expiringFp = sha256Of(fx.pki.expiringSignature.certPem);
  const expiredFp = sha256Of(fx.pki.expiredSignature.certPem);
  const validFp = sha256Of(fx.pki.signature.certPem);

  it('starts empty', async () => {
    const r = await runCli(['reminders', '--json'], env);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Report;
    expect(j).toMatchObject({
      file: join(dataDir, 'reminders.json'),
      enabled: true,
      snoozedUntil: null,
      reminders: [],
    });
  });

  it('--scan remembers the certificates of every token; only the expiring one reminds', async () => {
    const r = await runCli(['reminders', '--scan', '--module', fx.module, '--json', '--all'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Report;
    expect(j.scanned).toBe(8); // 4 tokens × (authentication + signature)
    expect(j.reminders.map((x) => x.fingerprintSha256)).toEqual([expiringFp]);
    expect(j.reminders[0]).toMatchObject({ threshold: 30, state: 'renewable', role: 'signature' });
    expect([29, 30]).toContain(j.reminders[0]?.daysLeft);
    const state = (fp: string) => j.remembered?.find((c) => c.fingerprintSha256 === fp)?.renewal.state;
    expect(state(validFp)).toBe('valid');
    expect(state(expiredFp)).toBe('expired');
    expect(j.remembered?.every((c) => typeof c.deviceSerial === 'string' && c.deviceSerial.length > 0)).toBe(
      true,
    );
    const stored = readFileSync(join(dataDir, 'reminders.json'), 'utf8');
    expect(stored).not.toContain('12345678'); // no PIN, nothing secret
  });

  it('keeps reminding with the card out, in Italian text too', async () => {
    const noCard = { SIGILLO_DATA_DIR: dataDir, SIGILLO_LANG: 'it' };
    const r = await runCli(['reminders'], noCard);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ROSSI MARIO \(firma\): Rinnovabile online fino al \d\d\/\d\d\/\d{4}/);
  });

  it('--snooze, --off and --on change the settings', async () => {
    let j = JSON.parse(
      (await runCli(['reminders', '--snooze', '2099-01-01', '--json'], env)).stdout,
    ) as Report;
    expect(j.snoozedUntil).toBe('2099-01-01');
    j = JSON.parse((await runCli(['reminders', '--snooze', 'off', '--json'], env)).stdout) as Report;
    expect(j.snoozedUntil).toBeNull();
    j = JSON.parse((await runCli(['reminders', '--off', '--json'], env)).stdout) as Report;
    expect(j.enabled).toBe(false);
    const text = await runCli(['reminders'], env);
    expect(text.stdout).toContain('Reminders are off.');
    j = JSON.parse((await runCli(['reminders', '--on', '--json'], env)).stdout) as Report;
    expect(j.enabled).toBe(true);
  });

  it('--forget drops a certificate', async () => {
    const r = await runCli(['reminders', '--forget', expiringFp, '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).reminders).toEqual([]);
    const again = await runCli(['reminders', '--forget', expiringFp, '--json'], env);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'CERT_NOT_REMEMBERED' } });
  });

  it('rejects bad input with a clear message', async () => {
    const bad = await runCli(['reminders', '--snooze', '2026-02-30'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Invalid date: 2026-02-30');
    const both = await runCli(['reminders', '--on', '--off'], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be used together');
    const tokenOnly = await runCli(['reminders', '--token', 'X'], env);
    expect(tokenOnly.code).toBe(2);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { copySofthsmStore } from '../renewal/hsm-copy';

const fx = inject('fixture');
const multiConf = copySofthsmStore(fx.multiConf, fx.root);

interface Renewal {
  state: string;
  daysLeft: number;
  expires: string;
  windowOpens: string;
  lastRenewalDay: string;
  ca: string;
  urls: unknown;
  alreadyRenewed: boolean;
  canRenewOnline: boolean;
  message: string;
  drivenBy?: { role: string; fingerprintSha256: string };
}
interface CertJson {
  token: { serialNumber: string };
  certificates: Array<{ role: string; fingerprintSha256: string; renewal: Renewal }>;
  device: Renewal;
}

/** The Europe/Rome calendar date of a certificate's notAfter, read with openssl (independent of our parser). */
function romeExpiry(certPem: string): string {
  const line = execFileSync('openssl', ['x509', '-in', certPem, '-noout', '-enddate'], { encoding: 'utf8' });
  const when = new Date(line.trim().replace(/^notAfter=/, ''));
  return when.toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
}

function isoMinusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

async function certJson(label: string, dataDir: string): Promise<CertJson> {
  const r = await runCli(['cert', '--json', '--token', label, '--module', fx.module], {
    SOFTHSM2_CONF: multiConf,
    SIGILLO_DATA_DIR: dataDir,
  });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as CertJson;
}

describe('sigillo cert: renewal status', () => {
  const emptyData = mkdtempSync(join(fx.root, 'renewal-cert-'));

  it('CNS-EXPIRING (30 days left) is renewable; the device summary follows its signature certificate', async () => {
    const j = await certJson('CNS-EXPIRING', emptyData);
    const expires = romeExpiry(fx.pki.expiringSignature.certPem);
    const sig = j.certificates.find((c) => c.role === 'signature');
    const auth = j.certificates.find((c) => c.role === 'authentication');
    expect(sig?.renewal).toMatchObject({
      state: 'renewable',
      expires,
      windowOpens: isoMinusDays(expires, 90),
      lastRenewalDay: isoMinusDays(expires, 1),
      ca: 'unknown', // the test CA is not a CNS CA
      urls: null,
      alreadyRenewed: false,
      canRenewOnline: true,
    });
    expect([29, 30]).toContain(sig?.renewal.daysLeft);
    expect(auth?.renewal.state).toBe('valid');
    expect(j.device).toMatchObject({ state: 'renewable', expires, drivenBy: { role: 'signature' } });
    expect(j.device.drivenBy?.fingerprintSha256).toBe(sig?.fingerprintSha256);
    expect(j.device.message).toMatch(/^Renewable online until /);
  });

  it('CNS-EXPIRED is expired: a new device is needed', async () => {
    const j = await certJson('CNS-EXPIRED', emptyData);
    expect(j.device).toMatchObject({ state: 'expired', canRenewOnline: false });
    expect([-11, -10, -9]).toContain(j.device.daysLeft);
    expect(j.device.expires).toBe(romeExpiry(fx.pki.expiredSignature.certPem));
    expect(j.device.message).toContain('a new device is needed');
  });

  it('CNS-ROSSI is valid', async () => {
    const j = await certJson('CNS-ROSSI', emptyData);
    expect(j.device.state).toBe('valid');
    expect(j.certificates.every((c) => c.renewal.state === 'valid')).toBe(true);
  });

  it('prints one human line in text mode (Italian)', async () => {
    const env = { SOFTHSM2_CONF: multiConf, SIGILLO_DATA_DIR: emptyData, SIGILLO_LANG: 'it' };
    const expiring = await runCli(['cert', '--token', 'CNS-EXPIRING', '--module', fx.module], env);
    expect(expiring.code).toBe(0);
    expect(expiring.stdout).toMatch(/^Rinnovo: Rinnovabile online fino al \d\d\/\d\d\/\d{4}/m);
    const expired = await runCli(['cert', '--token', 'CNS-EXPIRED', '--module', fx.module], env);
    expect(expired.stdout).toMatch(/^Rinnovo: Scaduto il \d\d\/\d\d\/\d{4}: serve un nuovo dispositivo/m);
  });

  it('says "already renewed" when the reminder store knows a 3-year-older certificate of the same device', async () => {
    const { token } = await certJson('CNS-EXPIRING', emptyData);
    const dataDir = mkdtempSync(join(fx.root, 'renewal-cert-history-'));
    // the token's signature certificate started (3 × 365 − 30) days ago; a first one 2 years 11 months before it
    const longAgo = new Date(Date.now() - (3 * 365 - 30 + 1065) * 86_400_000).toISOString();
    const first = {
      fingerprintSha256: 'ab'.repeat(32),
      commonName: 'ROSSI MARIO',
      role: 'signature',
      ca: 'unknown',
      notBefore: longAgo,
      notAfter: new Date(Date.parse(longAgo) + 3 * 365 * 86_400_000).toISOString(),
      deviceSerial: token.serialNumber,
      firstSeen: longAgo,
      lastSeen: longAgo,
      fired: [],
    };
    const store = { version: 1, settings: { enabled: true }, certificates: [first] };
    writeFileSync(join(dataDir, 'reminders.json'), JSON.stringify(store));
    const j = await certJson('CNS-EXPIRING', dataDir);
    expect(j.device).toMatchObject({ state: 'renewable', alreadyRenewed: true, canRenewOnline: false });
    expect(j.device.message).toContain('a second renewal is not possible');
    // not evidence: a first certificate only a year older
    const recent = {
      ...first,
      notBefore: new Date(Date.now() - (3 * 365 - 30 + 365) * 86_400_000).toISOString(),
    };
    writeFileSync(join(dataDir, 'reminders.json'), JSON.stringify({ ...store, certificates: [recent] }));
    expect((await certJson('CNS-EXPIRING', dataDir)).device.alreadyRenewed).toBe(false);
  });
});

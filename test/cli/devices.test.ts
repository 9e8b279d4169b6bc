import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';
import { PIN_OK } from '../support/pin-status';

const fx = inject('fixture');
const single = { SOFTHSM2_CONF: fx.singleConf };
const multi = { SOFTHSM2_CONF: fx.multiConf };

interface CertJson {
  id: string;
  label: string;
  role: string;
  subject: { fiscalCode?: string; givenName?: string; surname?: string; commonName?: string };
  issuer: { commonName?: string };
  serialNumber: string;
  notAfter: string;
  keyUsage: string[];
  qc: { present: boolean };
  keyType: string;
  keySize: number;
  fingerprintSha256: string;
  pem?: string;
}
interface TokenJson {
  label: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  slotId: string;
  userPin: Record<string, boolean>;
  soPin: Record<string, boolean>;
  minPinLength: number;
  maxPinLength: number;
  certificates: CertJson[];
  caCertificates: CertJson[];
}

function fingerprint(derPath: string): string {
  const out = execFileSync(
    'openssl',
    ['x509', '-inform', 'DER', '-in', derPath, '-noout', '-fingerprint', '-sha256'],
    {
      encoding: 'utf8',
    },
  );
  return (/=(.*)$/m.exec(out)?.[1] ?? '').replace(/:/g, '').toLowerCase();
}

describe('sigillo devices', () => {
  it('--json lists the token, its PIN status and its certificates', async () => {
    const r = await runCli(['devices', '--json', '--module', fx.module], single);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { module: string; tokens: TokenJson[] };
    expect(j.module).toBe(fx.module);
    expect(j.tokens).toHaveLength(1);
    const tk = j.tokens[0]!;
    expect(tk).toMatchObject({ label: 'CNS-ROSSI', manufacturer: 'SoftHSM project', model: 'SoftHSM v2' });
    expect(tk.slotId).toMatch(/^\d+$/);
    expect(tk.userPin).toEqual(PIN_OK);
    expect(tk.soPin.locked).toBe(false);
    expect(tk.certificates.map((c) => [c.id, c.label, c.role])).toEqual([
      ['02', 'CNS1', 'signature'],
      ['01', 'CNS0', 'authentication'],
    ]);
    const sig = tk.certificates[0]!;
    expect(sig.subject).toMatchObject({
      fiscalCode: 'RSSMRA80A01H501U',
      givenName: 'MARIO',
      surname: 'ROSSI',
    });
    expect(sig.issuer.commonName).toBe('Sigillo Test Qualified CA');
    expect(sig).toMatchObject({ keyType: 'rsa', keySize: 2048, keyUsage: ['nonRepudiation'] });
    expect(sig.qc.present).toBe(true);
    expect(sig.fingerprintSha256).toBe(fingerprint(fx.pki.signature.certDer));
    expect(tk.certificates[1]!.fingerprintSha256).toBe(fingerprint(fx.pki.authentication.certDer));
    expect(tk.caCertificates.map((c) => c.fingerprintSha256)).toEqual([fingerprint(fx.pki.ca.certDer)]);
    expect(sig.pem).toBeUndefined();
  });

  it('takes the module from SIGILLO_PKCS11_MODULE', async () => {
    const r = await runCli(['devices', '--json'], { ...single, SIGILLO_PKCS11_MODULE: fx.module });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { module: string }).module).toBe(fx.module);
  });

  it('lists every token of a multi-token store, EC included', async () => {
    const r = await runCli(['devices', '--json', '--module', fx.module], multi);
    expect(r.code).toBe(0);
    const tokens = (JSON.parse(r.stdout) as { tokens: TokenJson[] }).tokens;
    expect(tokens.map((t) => t.label).sort()).toEqual(['CNS-EC', 'CNS-EXPIRED', 'CNS-EXPIRING', 'CNS-ROSSI']);
    const ec = tokens.find((t) => t.label === 'CNS-EC')!.certificates[0]!;
    expect(ec).toMatchObject({ role: 'signature', keyType: 'ec', keySize: 256 });
    expect(ec.fingerprintSha256).toBe(fingerprint(fx.pki.ecSignature.certDer));
  });

  it('text output shows the fiscal code, in English and Italian', async () => {
    const en = await runCli(['devices', '--module', fx.module], single);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Device "CNS-ROSSI"');
    expect(en.stdout).toMatch(/Fiscal code:\s+RSSMRA80A01H501U/);
    expect(en.stdout).toContain('[02] CNS1 — digital signature');
    expect(en.stdout).toContain('[01] CNS0 — authentication');
    expect(en.stdout).toMatch(/Key:\s+RSA 2048/);
    const it = await runCli(['devices', '--module', fx.module], { ...single, SIGILLO_LANG: 'it' });
    expect(it.stdout).toMatch(/Codice fiscale:\s+RSSMRA80A01H501U/);
    expect(it.stdout).toContain('firma digitale');
    expect(it.stdout).toMatch(/PIN:\s+ok/);
  });

  it('a missing module → exit 1 with MODULE_NOT_FOUND naming the path, no stack trace', async () => {
    const r = await runCli(['devices', '--json', '--module', '/nonexistent/libbit4xpki.so'], single);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(j.error.code).toBe('MODULE_NOT_FOUND');
    expect(j.error.message).toContain('/nonexistent/libbit4xpki.so');
    const t = await runCli(['devices', '--module', '/nonexistent/x.so'], single);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('/nonexistent/x.so');
    expect(t.stderr).not.toMatch(/\s+at\s+\S+\s+\(/);
  });

  it('a file that is not a PKCS#11 module → MODULE_LOAD_FAILED', async () => {
    const r = await runCli(['devices', '--json', '--module', fx.pki.signature.certDer], single);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code).toBe('MODULE_LOAD_FAILED');
  });

  it('an unknown option is a usage error', async () => {
    const r = await runCli(['devices', '--frobnicate'], single);
    expect(r.code).toBe(2);
  });
});

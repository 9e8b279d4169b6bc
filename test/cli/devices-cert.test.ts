import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli';

const fx = inject('fixture');
const single = { SOFTHSM2_CONF: fx.singleConf };
const multi = { SOFTHSM2_CONF: fx.multiConf };

interface CertReport {
  token: { label: string; serialNumber: string; userPin: Record<string, boolean> };
  certificates: {
    id: string;
    label: string;
    role: string;
    pem: string;
    subject: { fiscalCode?: string };
    keyType: string;
  }[];
}
interface ErrorJson {
  error: { code: string; message: string };
}

function opensslFingerprintOfPem(pem: string): string {
  return execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], {
    input: pem,
    encoding: 'utf8',
  });
}
function opensslFingerprintOfDer(path: string): string {
  return execFileSync(
    'openssl',
    ['x509', '-inform', 'DER', '-in', path, '-noout', '-fingerprint', '-sha256'],
    {
      encoding: 'utf8',
    },
  );
}

describe('sigillo cert', () => {
  it('--json: every certificate with a key, signature first, with PEM openssl reads', async () => {
    const r = await runCli(['cert', '--json', '--module', fx.module], single);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CertReport;
    expect(j.token.label).toBe('CNS-ROSSI');
    expect(j.certificates.map((c) => [c.id, c.role])).toEqual([
      ['02', 'signature'],
      ['01', 'authentication'],
    ]);
    expect(opensslFingerprintOfPem(j.certificates[0]!.pem)).toBe(
      opensslFingerprintOfDer(fx.pki.signature.certDer),
    );
    expect(opensslFingerprintOfPem(j.certificates[1]!.pem)).toBe(
      opensslFingerprintOfDer(fx.pki.authentication.certDer),
    );
    expect(j.certificates[0]!.subject.fiscalCode).toBe('RSSMRA80A01H501U');
  });

  it('--cert ID shows just that certificate', async () => {
    const r = await runCli(['cert', '--json', '--module', fx.module, '--cert', '01'], single);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CertReport;
    expect(j.certificates.map((c) => c.id)).toEqual(['01']);
  });

  it('text output has the details in the chosen language', async () => {
    const r = await runCli(['cert', '--module', fx.module, '--cert', '02'], single);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Fiscal code:\s+RSSMRA80A01H501U/);
    expect(r.stdout).toMatch(/SHA-256 fingerprint:\s+[0-9a-f]{64}/);
    expect(r.stdout).toContain(`Revocation lists (CRL): ${fx.pki.crlUrl}`);
    expect(r.stdout).toMatch(/Qualified \(QC\):\s+yes \(qualified, QSCD, esign\)/);
    const it = await runCli(['cert', '--module', fx.module, '--cert', '02'], {
      ...single,
      SIGILLO_LANG: 'it',
    });
    expect(it.stdout).toMatch(/Impronta SHA-256:\s+[0-9a-f]{64}/);
  });

  it('several tokens without --token → exit 1, TOKEN_AMBIGUOUS listing the labels', async () => {
    const r = await runCli(['cert', '--json', '--module', fx.module], multi);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as ErrorJson;
    expect(j.error.code).toBe('TOKEN_AMBIGUOUS');
    for (const l of ['CNS-ROSSI', 'CNS-EC', 'CNS-EXPIRING', 'CNS-EXPIRED'])
      expect(j.error.message).toContain(l);
    const t = await runCli(['cert', '--module', fx.module], multi);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('--token');
  });

  it('--token picks one of several', async () => {
    const r = await runCli(['cert', '--json', '--module', fx.module, '--token', 'CNS-EC'], multi);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CertReport;
    expect(j.token.label).toBe('CNS-EC');
    expect(j.certificates[0]).toMatchObject({ role: 'signature', keyType: 'ec' });
  });

  it('unknown token or certificate → exit 1 with the choices', async () => {
    const tk = await runCli(['cert', '--json', '--module', fx.module, '--token', 'CNS-NOBODY'], multi);
    expect(tk.code).toBe(1);
    expect((JSON.parse(tk.stdout) as ErrorJson).error.code).toBe('TOKEN_NOT_FOUND');
    const c = await runCli(['cert', '--json', '--module', fx.module, '--cert', '99'], single);
    expect(c.code).toBe(1);
    const j = JSON.parse(c.stdout) as ErrorJson;
    expect(j.error.code).toBe('CERT_NOT_FOUND');
    expect(j.error.message).toContain('02');
  });

  it('--help describes the options', async () => {
    const r = await runCli(['cert', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--token LABEL');
    expect(r.stdout).toContain('--cert ID');
  });
});

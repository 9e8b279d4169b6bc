import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { Pkcs11Service } from '../../electron/core/pkcs11/pkcs11-service';
import { TokenSigner } from '../../electron/core/pkcs11/token-signer';
import * as graphene from 'graphene-pk11';
import { PIN } from '../support/fixture';
import { opensslVerifies } from './openssl-verify';
import { PIN_OK } from '../support/pin-status';

const fx = inject('fixture');
process.env.SOFTHSM2_CONF = fx.singleConf;
const svc = Pkcs11Service.open(fx.module);
afterAll(() => svc.close());

const data = new Uint8Array(Buffer.from('contenuto firmato con la CNS di prova'));

describe('listing a single CNS-like token (SoftHSM2)', () => {
  it('lists the token with labels and PIN status', () => {
    const tokens = svc.listTokens();
    expect(tokens).toHaveLength(1);
    const tk = tokens[0]!;
    expect(tk.label).toBe('CNS-ROSSI');
    expect(tk.manufacturer).toBe('SoftHSM project');
    expect(tk.model).toBe('SoftHSM v2');
    expect(tk.serialNumber).toMatch(/^[0-9a-f]{16}$/);
    expect(tk.slotId).toMatch(/^\d+$/);
    expect(tk.loginRequired).toBe(true);
    expect(tk.userPin).toEqual(PIN_OK);
    expect(tk.soPin.initialized).toBe(true);
    expect(tk.minPinLength).toBeGreaterThan(0);
    expect(tk.maxPinLength).toBeGreaterThanOrEqual(8);
  });
  it('lists the certificates with a key, signature first, and the CA certificate apart', () => {
    const tk = svc.findToken();
    expect(tk.certificates.map((c) => [c.id, c.label, c.role])).toEqual([
      ['02', 'CNS1', 'signature'],
      ['01', 'CNS0', 'authentication'],
    ]);
    expect(tk.caCertificates.map((c) => [c.id, c.label, c.info.isCA])).toEqual([['ca01', 'CA', true]]);
    for (const c of tk.certificates) {
      expect(c.info.subject.fiscalCode).toBe(fx.pki.person.fiscalCode);
      expect(c.info.keyType).toBe('rsa');
      expect(c.info.keySize).toBe(2048);
    }
    expect(Buffer.from(tk.certificates[0]!.der).equals(readFileSync(fx.pki.signature.certDer))).toBe(true);
    expect(Buffer.from(tk.certificates[1]!.der).equals(readFileSync(fx.pki.authentication.certDer))).toBe(
      true,
    );
  });
  it('finds the token by label, case-insensitively, or by serial number', () => {
    const tk = svc.findToken();
    expect(svc.findToken('CNS-ROSSI').serialNumber).toBe(tk.serialNumber);
    expect(svc.findToken('cns-rossi').serialNumber).toBe(tk.serialNumber);
    expect(svc.findToken(tk.serialNumber).label).toBe('CNS-ROSSI');
  });
  it('an unknown label → TOKEN_NOT_FOUND listing the labels present', () => {
    expect(() => svc.findToken('CNS-BIANCHI')).toThrow(/CNS-ROSSI/);
    try {
      svc.findToken('CNS-BIANCHI');
    } catch (e) {
      expect((e as SigilloError).code).toBe('TOKEN_NOT_FOUND');
    }
  });
});

describe('certificate selection', () => {
  it('defaults to the signature certificate; the authentication one only when named', () => {
    const tk = svc.findToken();
    expect(svc.chooseCertificate(tk).id).toBe('02');
    expect(svc.chooseCertificate(tk, '01').role).toBe('authentication');
    expect(svc.chooseCertificate(tk, '0x02').role).toBe('signature');
  });
  it('an unknown id, or the CA certificate (no key) → CERT_NOT_FOUND', () => {
    const tk = svc.findToken();
    for (const id of ['07', 'ca01']) {
      let err: unknown;
      try {
        svc.chooseCertificate(tk, id);
      } catch (e) {
        err = e;
      }
      expect((err as SigilloError).code).toBe('CERT_NOT_FOUND');
      expect((err as SigilloError).message).toContain('02');
    }
  });
});

describe('signing on the token (checked with openssl dgst -verify)', () => {
  it('signs with the signature key by default, SHA-256/384/512, chain = CA certificates', async () => {
    const s = svc.login(undefined, Buffer.from(PIN));
    try {
      const signer = s.signer();
      expect(signer.keyAlgorithm).toBe('rsa');
      expect(Buffer.from(signer.certificate).equals(readFileSync(fx.pki.signature.certDer))).toBe(true);
      expect(signer.chain.map((c) => Buffer.from(c).equals(readFileSync(fx.pki.ca.certDer)))).toEqual([true]);
      for (const digest of ['sha256', 'sha384', 'sha512'] as const) {
        const sig = await signer.sign(digest, data);
        expect(sig.length).toBe(256);
        expect(opensslVerifies(fx.pki.signature.certPem, digest, data, sig)).toBe(true);
        expect(opensslVerifies(fx.pki.authentication.certPem, digest, data, sig)).toBe(false);
      }
    } finally {
      s.logout();
    }
  });
  it('signs with the authentication key when --cert 01 names it; parallel requests are serialised', async () => {
    const s = svc.login('CNS-ROSSI', Buffer.from(PIN));
    try {
      const signer = s.signer('01');
      const sigs = await Promise.all([1, 2, 3].map((i) => signer.sign('sha256', Buffer.from(`file ${i}`))));
      sigs.forEach((sig, i) =>
        expect(
          opensslVerifies(fx.pki.authentication.certPem, 'sha256', Buffer.from(`file ${i + 1}`), sig),
        ).toBe(true),
      );
    } finally {
      s.logout();
    }
    expect(() => s.signer()).toThrow(SigilloError);
  });
  it('hash in Node + CKM_RSA_PKCS over the DigestInfo gives a valid signature too', async () => {
    const sig = await svc.withSession(undefined, async (session) => {
      session.login(PIN);
      const key = session.find({ class: graphene.ObjectClass.PRIVATE_KEY, id: Buffer.from([2]) }).items(0);
      const signer = new TokenSigner({
        session,
        key: key.toType<graphene.PrivateKey>(),
        certificate: new Uint8Array(),
        chain: [],
        keyAlgorithm: 'rsa',
        mechanisms: new Set([0x1]),
      });
      return signer.sign('sha384', data);
    });
    expect(opensslVerifies(fx.pki.signature.certPem, 'sha384', data, sig)).toBe(true);
  });
});

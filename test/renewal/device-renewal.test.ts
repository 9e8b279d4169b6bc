import { describe, expect, it } from 'vitest';
import { deviceRenewal } from '../../electron/core/renewal/device-renewal';
import { makeCert, roleCert } from './make-cert';

const today = new Date('2026-06-01T10:00:00Z');

describe('device renewal summary', () => {
  it('the earliest-expiring certificate drives the device', () => {
    const sig = roleCert('signature', '2023-07-01T00:00:00Z', '2026-07-01T21:59:59Z');
    const auth = roleCert('authentication', '2024-07-01T00:00:00Z', '2027-07-01T21:59:59Z');
    const r = deviceRenewal([auth, sig], today);
    expect(r.device).toMatchObject({ state: 'renewable', daysLeft: 30, expires: '2026-07-01' });
    expect(r.device?.drivenBy).toEqual({ fingerprintSha256: sig.fingerprintSha256, role: 'signature' });
    expect(r.certificates.map((c) => c.state)).toEqual(['valid', 'renewable']);
  });
  it('an expired certificate makes the device expired', () => {
    const sig = makeCert({ role: 'signature', notAfter: '2026-05-01T21:59:59Z' });
    const auth = makeCert({ role: 'authentication', notAfter: '2026-09-01T21:59:59Z' });
    expect(deviceRenewal([sig, auth], today).device).toMatchObject({ state: 'expired', daysLeft: -31 });
  });
  it('ignores CA certificates', () => {
    const ca = makeCert({ isCA: true, role: 'other', notAfter: '2026-06-10T00:00:00Z' });
    const sig = makeCert({ notAfter: '2028-06-10T00:00:00Z' });
    const r = deviceRenewal([ca, sig], today);
    expect(r.device?.state).toBe('valid');
    expect(r.certificates[0]?.state).toBe('renewable');
  });
  it('a replaced certificate left on the token does not count; its age proves the renewal', () => {
    const old = roleCert('signature', '2021-01-10T00:00:00Z', '2024-01-10T00:00:00Z');
    const renewed = roleCert('signature', '2023-11-20T00:00:00Z', '2026-11-20T00:00:00Z');
    const r = deviceRenewal([old, renewed], today);
    expect(r.device).toMatchObject({ state: 'valid', alreadyRenewed: true, canRenewOnline: false });
    expect(r.device?.drivenBy.fingerprintSha256).toBe(renewed.fingerprintSha256);
    expect(r.certificates[0]?.state).toBe('expired');
  });
  it('uses a known first certificate of the device from the context', () => {
    const sig = makeCert({ notBefore: '2023-11-20T00:00:00Z', notAfter: '2026-07-20T00:00:00Z' });
    expect(deviceRenewal([sig], today).device?.alreadyRenewed).toBe(false);
    const r = deviceRenewal([sig], today, { firstNotBeforeByRole: { signature: '2020-12-15T00:00:00Z' } });
    expect(r.device).toMatchObject({ state: 'renewable', alreadyRenewed: true, canRenewOnline: false });
    // the other role's history is no evidence for this one
    const other = deviceRenewal([sig], today, {
      firstNotBeforeByRole: { authentication: '2020-12-15T00:00:00Z' },
    });
    expect(other.device?.alreadyRenewed).toBe(false);
  });
  it('two certificates with different start dates: never "renewable" and "already renewed" from the other role', () => {
    // issue 21: the authentication certificate is 2 years 10 months older than the signature one
    const auth = roleCert('authentication', '2021-01-10T00:00:00Z', '2027-01-10T00:00:00Z');
    const sig = roleCert('signature', '2023-11-01T00:00:00Z', '2026-07-01T21:59:59Z');
    const r = deviceRenewal([auth, sig], today);
    expect(r.device).toMatchObject({ state: 'renewable', alreadyRenewed: false, canRenewOnline: true });
    expect(r.certificates.map((c) => c.alreadyRenewed)).toEqual([false, false]);
  });
  it('no end-entity certificate → no device summary', () => {
    expect(deviceRenewal([], today)).toEqual({ device: null, certificates: [] });
  });
});

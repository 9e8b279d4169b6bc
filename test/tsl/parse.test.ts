import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { parseTrustedList } from '../../electron/core/tsl/tsl-parse';
import { anchorPeriods } from '../../electron/core/tsl/tsl-periods';
import { anchorsAt, anchorsOfList } from '../../electron/core/tsl/tsl-trust-source';
import { shortUri } from '../../electron/core/tsl/tsl-namespaces';

const xml = readFileSync(join(__dirname, 'fixtures', 'TSL-IT-realistic.xml'), 'utf8');

describe('ETSI TS 119 612 parsing (realistic fixture)', () => {
  const list = parseTrustedList(xml);

  it('reads the scheme information', () => {
    expect(list).toMatchObject({
      territory: 'IT',
      sequenceNumber: 142,
      tslType: 'http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric',
      operatorName: 'Test Agency for Digital Italy',
      issueDate: '2026-10-14T09:30:00.000Z',
      nextUpdate: '2027-04-14T09:30:00.000Z',
    });
  });

  it('reads the pointer to the LOTL with its certificate (whitespace in base64 removed)', () => {
    expect(list.pointers).toHaveLength(1);
    const p = list.pointers[0];
    expect(p).toMatchObject({
      territory: 'EU',
      mimeType: 'application/vnd.etsi.tsl+xml',
      location: 'https://lotl.example.invalid/tools/lotl/eu-lotl.xml',
    });
    const cert = new X509Certificate(Buffer.from(p?.certificates[0] ?? '', 'base64'));
    expect(cert.subject).toContain('CN=Esempio Qualified eSignature CA 1');
  });

  it('reads TSPs, services, identities (certificate, subject name, SKI), extensions and qualifiers', () => {
    expect(list.services.map((s) => [s.tspName, s.name])).toEqual([
      ['Esempio Certificazione S.p.A.', 'Esempio Qualified eSignature CA 1'],
      ['Esempio Certificazione S.p.A.', 'Esempio Qualified TSA 1'],
      ['Vecchia Certificazione S.r.l.', 'Vecchia CA Sigilli Qualificati'],
    ]);
    const ca = list.services[0];
    expect(ca?.identity.certificates).toHaveLength(1);
    expect(ca?.identity.subjectNames[0]).toMatch(/^CN=Esempio Qualified eSignature CA 1,/);
    const ski = Buffer.from(ca?.identity.skis[0] ?? '', 'base64').toString('hex');
    expect(ski).toBe('bdf3331e525a0fd1712ab07cc8fe1ffc835d3c9b');
    const current = ca?.history[0];
    expect(shortUri(current?.status ?? '')).toBe('granted');
    expect(current?.additionalServiceInfo.map(shortUri)).toEqual(['ForeSignatures']);
    expect(current?.qualifiers.map(shortUri)).toEqual(['QCWithSSCD', 'QCStatement', 'QCForESig']);
  });

  it('keeps the status history newest first with start dates', () => {
    const h = list.services[0]?.history ?? [];
    expect(h.map((e) => [shortUri(e.status), e.start])).toEqual([
      ['granted', '2016-06-30T22:00:00.000Z'],
      ['accredited', '2012-03-01T00:00:00.000Z'],
      ['undersupervision', '2009-07-01T00:00:00.000Z'],
    ]);
    expect(h[1]?.qualifiers.map(shortUri)).toEqual(['QCWithSSCD']);
  });

  it('turns the history into trust periods: CA/QC only, withdrawn ends a period, ForeSeals is not qualified for e-signatures', () => {
    const [ca, tsa, sealCa] = list.services;
    expect(anchorPeriods(ca!).map((p) => [p.from.toISOString(), p.to?.toISOString(), p.qualified])).toEqual([
      ['2009-07-01T00:00:00.000Z', '2012-03-01T00:00:00.000Z', true],
      ['2012-03-01T00:00:00.000Z', '2016-06-30T22:00:00.000Z', true],
      ['2016-06-30T22:00:00.000Z', undefined, true],
    ]);
    expect(anchorPeriods(tsa!)).toEqual([]);
    expect(
      anchorPeriods(sealCa!).map((p) => [p.from.toISOString(), p.to?.toISOString(), p.qualified]),
    ).toEqual([['2016-06-30T22:00:00.000Z', '2021-05-31T22:00:00.000Z', false]]);
  });

  it('anchors at a time: the withdrawn service only before its withdrawal', () => {
    const anchors = anchorsOfList(list);
    expect(anchors.map((a) => a.source)).toEqual(['tl:IT', 'tl:IT']);
    const in2020 = anchorsAt(anchors, new Date('2020-01-01T00:00:00Z'));
    expect(in2020.map((a) => a.qualified)).toEqual([true, false]);
    const in2025 = anchorsAt(anchors, new Date('2025-01-01T00:00:00Z'));
    expect(in2025.map((a) => a.qualified)).toEqual([true]);
    expect(anchorsAt(anchors, new Date('2005-01-01T00:00:00Z'))).toEqual([]);
  });

  it('rejects what is not a trusted list, a bad sequence number and DOCTYPEs', () => {
    expect(() => parseTrustedList('<a xmlns="urn:x"/>')).toThrow(
      expect.objectContaining({ code: 'TSL_MALFORMED' }),
    );
    expect(() => parseTrustedList(xml.replace('>142<', '>-3<'))).toThrow(
      expect.objectContaining({ code: 'TSL_MALFORMED' }),
    );
    expect(() => parseTrustedList(xml.replace('>2026-10-14T09:30:00Z<', '>yesterday<'))).toThrow(
      expect.objectContaining({ code: 'TSL_MALFORMED' }),
    );
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#">&lol2;</tsl:TrustServiceStatusList>';
    expect(() => parseTrustedList(laughs)).toThrow(expect.objectContaining({ code: 'TSL_MALFORMED' }));
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(() => parseTrustedList(xxe)).toThrow(expect.objectContaining({ code: 'TSL_MALFORMED' }));
    expect(() =>
      parseTrustedList('<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#">'),
    ).toThrow(expect.objectContaining({ code: 'TSL_MALFORMED' }));
  });
});

/** A small FatturaPA invoice (FPR12, v1.2) written for the tests, and XML signature templates for xmlsec1. */
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const FATTURA_NS = 'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2';

export interface InvoiceData {
  number: string;
  total: string;
}

/** the invoice body (root element with its namespaces), without signature */
export function invoiceXml(
  d: InvoiceData = { number: 'FT-2026/17', total: '122.00' },
  signature = '',
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<p:FatturaElettronica xmlns:p="${FATTURA_NS}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" versione="FPR12">
  <FatturaElettronicaHeader>
    <DatiTrasmissione>
      <IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>01234567890</IdCodice></IdTrasmittente>
      <ProgressivoInvio>00001</ProgressivoInvio>
      <FormatoTrasmissione>FPR12</FormatoTrasmissione>
      <CodiceDestinatario>0000000</CodiceDestinatario>
    </DatiTrasmissione>
    <CedentePrestatore>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>01234567890</IdCodice></IdFiscaleIVA>
        <Anagrafica><Denominazione>Rossi &amp; Figli S.r.l.</Denominazione></Anagrafica>
        <RegimeFiscale>RF01</RegimeFiscale>
      </DatiAnagrafici>
    </CedentePrestatore>
    <CessionarioCommittente>
      <DatiAnagrafici>
        <CodiceFiscale>BNCLRA85C41F205X</CodiceFiscale>
        <Anagrafica><Nome>LAURA</Nome><Cognome>BIANCHI</Cognome></Anagrafica>
      </DatiAnagrafici>
    </CessionarioCommittente>
  </FatturaElettronicaHeader>
  <FatturaElettronicaBody>
    <DatiGenerali>
      <DatiGeneraliDocumento>
        <TipoDocumento>TD01</TipoDocumento>
        <Divisa>EUR</Divisa>
        <Data>2026-11-20</Data>
        <Numero>${d.number}</Numero>
        <ImportoTotaleDocumento>${d.total}</ImportoTotaleDocumento>
      </DatiGeneraliDocumento>
    </DatiGenerali>
    <DatiBeniServizi>
      <DettaglioLinee><NumeroLinea>1</NumeroLinea><Descrizione>Consulenza à la carte</Descrizione><PrezzoTotale>100.00</PrezzoTotale><AliquotaIVA>22.00</AliquotaIVA></DettaglioLinee>
    </DatiBeniServizi>
  </FatturaElettronicaBody>
${signature}</p:FatturaElettronica>
`;
}

const ENVELOPED_REF = `<ds:Reference Id="ref-doc" URI="">
<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms>
<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue>
</ds:Reference>
`;

/** detached references to files (ASiC-E), digests left for xmlsec1 */
export function fileReferences(names: string[]): string {
  return names
    .map(
      (n) =>
        `<ds:Reference URI="${encodeURI(n)}"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference>\n`,
    )
    .join('');
}

function certDer(certPem: string): Buffer {
  return Buffer.from(new X509Certificate(readFileSync(certPem)).raw);
}

/**
 * An enveloped XAdES-BES template for `xmlsec1 --sign`: Reference URI="" (enveloped-signature), or `dataRefs`, and
 * a Reference to the SignedProperties (SigningTime, SigningCertificateV2 with the SHA-256 of `certPem`). Empty digests and value.
 */
export function xadesTemplate(certPem: string, signingTime = new Date(), dataRefs = ENVELOPED_REF): string {
  const certDigest = createHash('sha256').update(certDer(certPem)).digest('base64');
  return `<ds:Signature Id="xmldsig-1">
<ds:SignedInfo>
<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
${dataRefs}<ds:Reference Type="http://uri.etsi.org/01903#SignedProperties" URI="#xmldsig-1-signedprops">
<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue>
</ds:Reference>
</ds:SignedInfo>
<ds:SignatureValue></ds:SignatureValue>
<ds:KeyInfo><ds:X509Data></ds:X509Data></ds:KeyInfo>
<ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="#xmldsig-1"><xades:SignedProperties Id="xmldsig-1-signedprops"><xades:SignedSignatureProperties><xades:SigningTime>${signingTime.toISOString().replace(/\.\d{3}Z$/, 'Z')}</xades:SigningTime><xades:SigningCertificateV2><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${certDigest}</ds:DigestValue></xades:CertDigest></xades:Cert></xades:SigningCertificateV2></xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object>
</ds:Signature>
`;
}

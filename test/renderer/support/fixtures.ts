/** Plain data shaped by the shared contract (tokens, certificates, reports) for the component tests. */
import type {
  PinStatus,
  RenewalStatus,
  TokenCertificateView,
  TokenView,
} from '../../../shared/schemas/certificates';
import type {
  BaseSignatureReport,
  ChainEntry,
  PdfSignatureReport,
  Modifications,
  RevocationReport,
  SignatureReport,
  SignerSummary,
} from '../../../shared/schemas/verify';
import type { Settings } from '../../../shared/schemas/settings';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import { PIN_OK as CORE_PIN_OK } from '../../support/pin-status';

const DAY = 24 * 60 * 60 * 1000;

/**
 * 12:00 UTC of the Rome calendar day `days` after today's: exactly `days` Rome days away whatever the hour of the
 * run (now + N days + 1 h crossed midnight in Rome in the evening, when the target date was in summer time)
 */
function romeNoonIn(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * DAY).toISOString();
}

/** the core's PinStatus and the contract's have the same shape: one fresh-token value serves both */
export const PIN_OK: PinStatus = CORE_PIN_OK;

export function renewal(state: RenewalStatus['state'], daysLeft: number): RenewalStatus {
  const expires = new Date(Date.now() + daysLeft * DAY).toISOString().slice(0, 10);
  return {
    state,
    daysLeft,
    validFrom: '2024-01-01',
    expires,
    windowOpens: expires,
    lastRenewalDay: expires,
    ca: 'infocamere',
    urls: {
      renewal: 'https://id.infocamere.it/infocamere/firma_digitale/rinnovo',
      suspension: 'https://id.infocamere.it/infocamere/firma_digitale/sospensione_e_riattivazione',
      revocation: 'https://id.infocamere.it/infocamere/firma_digitale/revoca',
    },
    alreadyRenewed: false,
    canRenewOnline: state === 'renewable',
    message: `core message ${state}`,
  };
}

export function cert(
  role: 'signature' | 'authentication',
  o: { daysLeft?: number; id?: string; renewal?: RenewalStatus | null } = {},
): TokenCertificateView {
  const daysLeft = o.daysLeft ?? 900;
  return {
    id: o.id ?? (role === 'signature' ? '02' : '01'),
    label: role === 'signature' ? 'CNS1' : 'CNS0',
    role,
    renewal: o.renewal ?? null,
    info: {
      subject: {
        dn: 'CN=VERDI GIULIA',
        commonName: 'VERDI GIULIA',
        serialNumber: 'TINIT-VRDGLI85M41F205X',
        fiscalCode: 'VRDGLI85M41F205X',
      },
      issuer: {
        dn: 'CN=InfoCamere Qualified Electronic Signature CA',
        commonName: 'InfoCamere Qualified Electronic Signature CA',
        organization: 'InfoCamere S.C.p.A.',
      },
      serialNumber: role === 'signature' ? '0a1b2c' : '0a1b2d',
      notBefore: new Date(Date.now() - 200 * DAY).toISOString(),
      notAfter: romeNoonIn(daysLeft),
      keyUsage: role === 'signature' ? ['nonRepudiation'] : ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: role === 'signature' ? [] : ['clientAuth'],
      policies: ['1.3.76.16.6'],
      qc: {
        present: role === 'signature',
        compliance: role === 'signature',
        sscd: role === 'signature',
        types: [],
        statements: [],
      },
      keyType: 'rsa',
      keySize: 2048,
      isCA: false,
      crlDistributionPoints: [],
      ocspUrls: [],
      caIssuersUrls: [],
      fingerprintSha256: (role === 'signature' ? 'a' : 'b').repeat(64),
      role,
    },
  };
}

export function token(
  o: {
    label?: string;
    userPin?: Partial<PinStatus>;
    soPin?: Partial<PinStatus>;
    certificates?: TokenCertificateView[];
  } = {},
): TokenView {
  const certificates = o.certificates ?? [cert('authentication'), cert('signature')];
  return {
    slotId: '1',
    slotDescription: 'ACS ACR39U ICC Reader',
    label: o.label ?? 'CNS-VERDI',
    manufacturer: 'Bit4id',
    model: 'CNS',
    serialNumber: '1234',
    userPin: { ...PIN_OK, ...o.userPin },
    soPin: { ...PIN_OK, ...o.soPin },
    minPinLength: 5,
    maxPinLength: 8,
    certificates,
    caCertificates: [],
    renewal: certificates.find((c) => c.role === 'signature')?.renewal ?? null,
  };
}

const CHAIN_ENTRY: ChainEntry = {
  subject: 'CN=?',
  issuer: 'CN=?',
  serialNumber: '01',
  notBefore: '2024-01-01T00:00:00Z',
  notAfter: '2030-01-01T00:00:00Z',
  fingerprintSha256: 'c'.repeat(64),
  trustAnchor: false,
  trustSource: null,
  revocation: null,
};

/** a status nobody checked (dates of an answer: none) */
const NO_ANSWER_DATES = { revocationTime: null, revocationReason: null, thisUpdate: null, nextUpdate: null };
const REVOCATION: RevocationReport = {
  status: 'not_checked',
  source: null,
  url: null,
  cached: false,
  message: null,
  ...NO_ANSWER_DATES,
};

const MODIFICATIONS: Modifications = {
  laterRevisions: 1,
  allowed: true,
  pages: [],
  objects: [],
  changes: [],
  allowedChanges: [],
  items: [],
};

type PdfFacts = Partial<Omit<PdfSignatureReport, keyof BaseSignatureReport | 'modifications'>>;

/** what a test says of a signature: only the fields it cares about (the rest get plausible values) */
export type SignatureFacts = Partial<Omit<BaseSignatureReport, 'signer' | 'chain' | 'revocation'>> &
  PdfFacts & {
    signer?: Partial<SignerSummary>;
    chain?: Partial<ChainEntry>[];
    revocation?: Partial<RevocationReport> | null;
    modifications?: Partial<Modifications> | null;
  };

const PDF_KEYS = [
  'fieldName',
  'subFilter',
  'documentTimestamp',
  'byteRange',
  'revision',
  'coversWholeDocument',
];

/** A complete signature report (the shared schema is strict): the facts given, the rest filled in. */
export function signature(o: SignatureFacts = {}): SignatureReport {
  const { signer, chain, revocation, modifications, ...rest } = o;
  const pdf: PdfFacts = Object.fromEntries(Object.entries(rest).filter(([k]) => PDF_KEYS.includes(k)));
  const cms = Object.fromEntries(Object.entries(rest).filter(([k]) => !PDF_KEYS.includes(k)));
  const base: BaseSignatureReport = {
    signingTime: '2026-11-20T09:42:00Z',
    digestAlgorithm: 'SHA-256',
    signatureAlgorithm: 'RSA',
    integrity: 'valid',
    indication: 'TOTAL_PASSED',
    subIndication: null,
    explanation: '',
    qualified: true,
    depth: 0,
    cadesForm: 'CAdES-BES',
    hasTimestamp: false,
    certificate: null,
    messages: [],
    counterSignatures: [],
    ...cms,
    signer: { ...SIGNER, ...signer },
    chain: (chain ?? []).map((c) => ({ ...CHAIN_ENTRY, ...c })),
    revocation: revocation ? { ...REVOCATION, ...revocation } : null,
  };
  if (modifications === undefined && Object.keys(pdf).length === 0) return base;
  return {
    ...base,
    fieldName: 'Signature1',
    subFilter: 'ETSI.CAdES.detached',
    documentTimestamp: false,
    byteRange: [0, 100, 200, 300],
    revision: 1,
    coversWholeDocument: true,
    ...pdf,
    modifications: modifications ? { ...MODIFICATIONS, ...modifications } : null,
  };
}

const SIGNER: SignerSummary = {
  commonName: 'VERDI GIULIA',
  fiscalCode: 'VRDGLI85M41F205X',
  givenName: null,
  surname: null,
  organization: null,
};

export const SETTINGS: Settings = { ...DEFAULT_SETTINGS };

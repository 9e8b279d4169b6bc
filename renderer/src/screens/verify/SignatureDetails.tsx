/** One signature, expandable: signer, fiscal code, time, qualified, chain, revocation; counter-signatures below. */
import { useTranslation } from 'react-i18next';
import type { SignatureReport } from '../../../../shared/schemas/verify';
import { Icon } from '../../components/Icon';
import { formatDate, formatTime } from '../../model/dates';
import {
  counterSignatures,
  signatureSentence,
  signatureTone,
  signerName,
  type Tone,
} from '../../model/verdict';

export const TONE_ICON = { ok: 'ok', bad: 'bad', warn: 'warn' } as const;

function chainNames(chain: unknown[] | undefined): string[] {
  return (chain ?? []).map((c) => {
    if (typeof c === 'string') return c;
    if (c && typeof c === 'object') {
      const o = c as Record<string, unknown>;
      const subject = o.subject as Record<string, unknown> | string | undefined;
      if (typeof subject === 'string') return subject;
      if (subject && typeof subject.commonName === 'string') return subject.commonName;
      if (subject && typeof subject.dn === 'string') return subject.dn;
      if (typeof o.commonName === 'string') return o.commonName;
    }
    return '?';
  });
}

function revocationText(rev: unknown): string | null {
  if (!rev || typeof rev !== 'object') return null;
  const o = rev as Record<string, unknown>;
  const parts = [o.status, o.source, o.checkedAt ?? o.producedAt].filter((x) => typeof x === 'string');
  return parts.length ? parts.join(' · ') : null;
}

export function ToneLabel({ tone }: { tone: Tone }) {
  const { t } = useTranslation();
  return (
    <span className={`pill ${tone}`}>
      <Icon name={TONE_ICON[tone]} size={14} /> {t(`verdict.label.${tone}`)}
    </span>
  );
}

export function SignatureDetails({
  sig,
  level = 0,
  nested = false,
}: {
  sig: SignatureReport;
  level?: number;
  /** several signatures in the file: each says its own sentence */
  nested?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const fmt = {
    date: (d: string) => formatDate(d, i18n.language),
    time: (d: string) => formatTime(d, i18n.language),
  };
  const tone = signatureTone(sig);
  const sentence = signatureSentence(sig, fmt);
  const indent = sig.depth + level;
  const chain = chainNames(sig.chain);
  const revocation = revocationText(sig.revocation);
  const modified = (sig as Record<string, unknown>).modifiedAfterSigning === true;
  return (
    <li className="sig" style={{ marginLeft: indent * 22 }}>
      <details>
        <summary>
          <ToneLabel tone={tone} />
          <span className="sig-who">{signerName(sig)}</span>
          {level > 0 && <span className="pill">{t('verify.counterSignature')}</span>}
          {sig.depth > 0 && <span className="pill">{t('verify.nestedLevel', { level: sig.depth })}</span>}
        </summary>
        {nested && <p>{t(sentence.key, sentence.params)}</p>}
        {sig.explanation && <p className="muted">{sig.explanation}</p>}
        {modified && <p className="notice bad">{t('verify.modifiedAfter')}</p>}
        <dl className="facts">
          <dt>{t('verify.signer')}</dt>
          <dd>{signerName(sig)}</dd>
          <dt>{t('device.fiscalCode')}</dt>
          <dd className="mono">{sig.signer.fiscalCode ?? '—'}</dd>
          <dt>{t('verify.signingTime')}</dt>
          <dd>
            {sig.signingTime
              ? `${fmt.date(sig.signingTime)} ${fmt.time(sig.signingTime)}`
              : t('verify.noTime')}
          </dd>
          <dt>{t('verify.timestamp')}</dt>
          <dd>{sig.hasTimestamp ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('verify.qualified')}</dt>
          <dd>{sig.qualified ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('verify.integrity')}</dt>
          <dd>{t(`verify.integrityValue.${sig.integrity}`)}</dd>
          <dt>{t('verify.indication')}</dt>
          <dd className="mono">{[sig.indication, sig.subIndication].filter(Boolean).join(' / ')}</dd>
          {sig.certificate ? (
            <>
              <dt>{t('verify.issuer')}</dt>
              <dd>{sig.certificate.issuer.commonName ?? sig.certificate.issuer.dn}</dd>
            </>
          ) : null}
          <dt>{t('verify.chain')}</dt>
          <dd>{chain.length ? chain.join(' → ') : '—'}</dd>
          <dt>{t('verify.revocation')}</dt>
          <dd>{revocation ?? '—'}</dd>
          {sig.signatureAlgorithm && (
            <>
              <dt>{t('verify.algorithm')}</dt>
              <dd className="mono">
                {[sig.digestAlgorithm, sig.signatureAlgorithm].filter(Boolean).join(' · ')}
              </dd>
            </>
          )}
        </dl>
      </details>
      {counterSignatures(sig).length > 0 && (
        <ul className="sig-list">
          {counterSignatures(sig).map((c, i) => (
            <SignatureDetails key={i} sig={c} level={level + 1} nested />
          ))}
        </ul>
      )}
    </li>
  );
}

/** One signature, expandable: signer, fiscal code, time, qualified, chain, revocation; counter-signatures below. */
import { useTranslation } from 'react-i18next';
import type { SignatureReport } from '../../../../shared/schemas/verify';
import { Icon } from '../../components/Icon';
import { formatDate, formatTime } from '../../model/dates';
import {
  chainItems,
  messages,
  pdfChangeItems,
  pdfChanges,
  provenTime,
  revocation,
} from '../../model/reportFields';
import {
  counterSignatures,
  sentenceText,
  signatureSentence,
  signatureLabel,
  signatureTone,
  signerName,
  type Tone,
} from '../../model/verdict';
import { explanationIn, reportLang } from '../../../../shared/verdict/texts';

export const TONE_ICON = { ok: 'ok', bad: 'bad', warn: 'warn', none: 'info' } as const;

export function ToneLabel({ tone, partial = false }: { tone: Tone; partial?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`pill ${tone}`}>
      <Icon name={TONE_ICON[tone]} size={14} /> {t(`verdict.label.${partial ? 'partial' : tone}`)}
    </span>
  );
}

export function SignatureDetails({
  sig,
  level = 0,
  nested = false,
  onOpen,
  openBusy = false,
  index = 1,
}: {
  sig: SignatureReport;
  level?: number;
  /** several signatures in the file: each says its own sentence */
  nested?: boolean;
  /** a signed PDF: "Apri la versione firmata" opens the revision this signature covers */
  onOpen?: () => void;
  openBusy?: boolean;
  /** 1-based number of the signature in the file (names the button) */
  index?: number;
}) {
  const { t, i18n } = useTranslation();
  const fmt = {
    date: (d: string) => formatDate(d, i18n.language),
    time: (d: string) => formatTime(d, i18n.language),
  };
  const lang = reportLang(i18n.language);
  const tone = signatureTone(sig);
  const sentence = sentenceText(signatureSentence(sig, lang), lang);
  const explanation = explanationIn(sig, lang);
  const indent = sig.depth + level;
  const chain = chainItems(sig);
  const rev = revocation(sig, i18n.language);
  const proven = provenTime(sig);
  const changes = pdfChanges(sig);
  const changeItems = pdfChangeItems(sig, i18n.language);
  const notes = messages(sig, i18n.language);
  return (
    <li className="sig" style={{ marginLeft: indent * 22 }}>
      <details>
        <summary>
          <ToneLabel tone={tone} partial={signatureLabel(sig) === 'partial'} />
          <span className="sig-who">{signerName(sig)}</span>
          {level > 0 && <span className="pill">{t('verify.counterSignature')}</span>}
          {sig.depth > 0 && <span className="pill">{t('verify.nestedLevel', { level: sig.depth })}</span>}
        </summary>
        {nested && <p>{sentence}</p>}
        {explanation && <p className="muted">{explanation}</p>}
        {changes === 'forbidden' && <p className="notice bad">{t('verify.modifiedAfter')}</p>}
        {changes === 'allowed' && <p className="notice info">{t('verify.changedAllowed')}</p>}
        {changeItems.length > 0 && (
          <ul className="messages changes" aria-label={t('verify.changesAfter')}>
            {changeItems.map((c, i) => (
              <li key={i} className={c.allowed ? undefined : 'bad'}>
                {`${c.reason} — ${t(c.allowed ? 'verify.changeAllowed' : 'verify.changeRefused', { rule: c.rule })}`}
              </li>
            ))}
          </ul>
        )}
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
          <dd>
            {proven
              ? t('verify.timestampAt', { date: fmt.date(proven), time: fmt.time(proven) })
              : sig.hasTimestamp
                ? t('common.yes')
                : t('common.no')}
          </dd>
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
          <dd>
            {chain.length
              ? chain
                  .map((c) => (c.anchor ? t('verify.trustedAnchor', { name: c.name }) : c.name))
                  .join(' → ')
              : '—'}
          </dd>
          <dt>{t('verify.revocation')}</dt>
          <dd>
            {rev ? t(`verify.rev.${rev.status}`, { source: rev.source ?? '—' }) : '—'}
            {rev?.message && <span className="muted"> — {rev.message}</span>}
          </dd>
          {sig.signatureAlgorithm && (
            <>
              <dt>{t('verify.algorithm')}</dt>
              <dd className="mono">
                {[sig.digestAlgorithm, sig.signatureAlgorithm].filter(Boolean).join(' · ')}
              </dd>
            </>
          )}
        </dl>
        {notes.length > 0 && (
          <ul className="messages">
            {notes.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )}
      </details>
      {onOpen && (
        <button
          type="button"
          className="btn link sig-open"
          onClick={onOpen}
          disabled={openBusy}
          aria-label={t('open.revisionOf', { name: signerName(sig), n: index })}
        >
          <Icon name="file" />
          {t('open.revision')}
        </button>
      )}
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

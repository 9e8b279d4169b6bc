/** Which certificate signs: the signature one preselected; the authentication one only with a warning. */
import { useTranslation } from 'react-i18next';
import type { TokenView } from '../../../../shared/schemas/certificates';
import { holderName } from '../../model/token';
import { formatDate } from '../../model/dates';

export function CertificatePicker({
  token,
  certId,
  onChange,
}: {
  token: TokenView;
  certId: string | undefined;
  onChange(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const chosen = token.certificates.find((c) => c.id === certId);
  return (
    <fieldset>
      <legend>{t('sign.certificate')}</legend>
      {token.certificates.map((c) => (
        <label className="choice" key={c.id}>
          <input
            type="radio"
            name="sign-cert"
            value={c.id}
            checked={c.id === certId}
            onChange={() => onChange(c.id)}
          />
          <span>
            <strong>{t(`role.${c.role}`)}</strong> — {holderName(c)}
            <br />
            <span className="muted">
              {t('sign.certLine', {
                issuer: c.info.issuer.commonName ?? c.info.issuer.dn,
                date: formatDate(c.info.notAfter, i18n.language),
              })}
            </span>
          </span>
        </label>
      ))}
      {chosen && chosen.role !== 'signature' && (
        <div className="notice warn" role="alert">
          {t('sign.authWarning')}
        </div>
      )}
    </fieldset>
  );
}

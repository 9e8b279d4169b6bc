/**
 * A signature whose certificate chains to no trusted anchor: say how to fix it — update the EU trusted lists
 * (one click, in the background) and verify again.
 */
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../../../shared/schemas/verify';
import { api } from '../../bridge';
import { allSignatures } from '../../model/verdict';
import { updateTrust, useTrust } from '../../state/trust';

export function lacksAnchor(report: FileReport): boolean {
  return allSignatures(report.signatures).some((s) => s.subIndication === 'NO_CERTIFICATE_CHAIN_FOUND');
}

export function NoAnchorHint({ report }: { report: FileReport }) {
  const { t } = useTranslation();
  const updating = useTrust((s) => s.updating);
  if (!lacksAnchor(report)) return null;
  return (
    <div className="notice info no-anchor">
      <div>
        <p>{t('trustLists.fixNoAnchor')}</p>
        <button type="button" className="btn" disabled={updating} onClick={() => void updateTrust(api())}>
          {updating ? t('trustLists.updating') : t('trustLists.fixButton')}
        </button>
      </div>
    </div>
  );
}

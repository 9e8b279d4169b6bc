/** Where the visible PDF signature goes: page and a box in PDF points (origin bottom-left). */
import { useTranslation } from 'react-i18next';
import type { VisibleBox } from '../../../../shared/schemas/sign';

export const DEFAULT_BOX: VisibleBox = { page: 1, x: 340, y: 40, w: 220, h: 70 };

const FIELDS: (keyof VisibleBox)[] = ['page', 'x', 'y', 'w', 'h'];

export function VisibleBoxFields({ box, onChange }: { box: VisibleBox; onChange(box: VisibleBox): void }) {
  const { t } = useTranslation();
  return (
    <div className="box-fields">
      {FIELDS.map((k) => (
        <label key={k} className="field">
          <span className="label">{t(`sign.box.${k}`)}</span>
          <input
            type="number"
            min={k === 'page' || k === 'w' || k === 'h' ? 1 : 0}
            step={k === 'page' ? 1 : 5}
            value={box[k]}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isFinite(n))
                onChange({ ...box, [k]: k === 'page' ? Math.max(1, Math.round(n)) : n });
            }}
          />
        </label>
      ))}
      <p className="hint muted">{t('sign.box.hint')}</p>
    </div>
  );
}

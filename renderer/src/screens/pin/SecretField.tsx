/** A masked secret field (PIN / PUK) with its label and hint. */
import { useId } from 'react';

export function SecretField({
  label,
  value,
  onChange,
  hint,
  maxLength,
  disabled,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: string;
  maxLength: number;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

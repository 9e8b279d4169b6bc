/** A group of radio buttons, one per value, each with its label (and possibly disabled). */
export function RadioChoices<T extends string>({
  name,
  values,
  value,
  label,
  disabled,
  onChange,
}: {
  name: string;
  values: readonly T[];
  value: T;
  label(v: T): string;
  disabled?: (v: T) => boolean;
  onChange(v: T): void;
}) {
  return (
    <>
      {values.map((v) => (
        <label className="choice" key={v}>
          <input
            type="radio"
            name={name}
            value={v}
            checked={value === v}
            disabled={disabled?.(v) ?? false}
            onChange={() => onChange(v)}
          />
          <span>{label(v)}</span>
        </label>
      ))}
    </>
  );
}

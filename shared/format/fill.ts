type Value = string | number;

/**
 * `text` with its `{name}` placeholders filled from params (an unknown name stays as written); `value` may turn a
 * parameter into what is written (the core writes a parameter that is itself a text in the text's language).
 */
export function fill(
  text: string,
  params: Readonly<Record<string, Value>> = {},
  value: (v: Value) => Value = (v) => v,
): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) =>
    k in params ? String(value(params[k] as Value)) : `{${k}}`,
  );
}

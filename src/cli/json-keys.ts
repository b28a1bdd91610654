/**
 * Every `--json` names its fields in camelCase, as `children --json` and `due --json` do; the
 * store's columns are snake_case. A check's own `data` is the check file as written (its fields
 * are those `check --from` reads), so it is kept as it is.
 */
export function camelKeys(value: unknown, key = ''): unknown {
  if (key === 'data') return value;
  if (Array.isArray(value)) return value.map((v) => camelKeys(v));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const name = k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      return [name, camelKeys(v, name)];
    }),
  );
}

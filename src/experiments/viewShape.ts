/**
 * Run-time shape checks for declared view types (the `accept` of `useView`), so an experiment states each view's
 * shape once, beside its type, and figures import the check instead of probing fields one by one. A check only
 * looks at types and lengths: whether a number is finite is the figure's business (it shows '–' for NaN).
 */

/** A check of one field. */
export type FieldCheck = (v: unknown) => boolean;

export const isNumber = (v: unknown): v is number => typeof v === 'number';
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isFloat32 = (v: unknown): v is Float32Array => v instanceof Float32Array;
export const isFloat64 = (v: unknown): v is Float64Array => v instanceof Float64Array;
export const isUint8 = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

/** A plain array of numbers. */
export const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every(isNumber);

/** A [lo, hi] pair of numbers (a domain). */
export const isNumberPair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every(isNumber);

/** A plain object (not an array, not a typed array): a view whose fields a check then reads by name. */
export type PlainObject = Readonly<Record<string, unknown>>;

/** A plain object (not an array, not a typed array). */
export function isPlainObject(v: unknown): v is PlainObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/** An optional field: absent, or passing `check`. */
export const optional =
  (check: FieldCheck): FieldCheck =>
  (v) =>
    v === undefined || check(v);

/**
 * The check for view type T: a plain object whose every field passes its check — one check per field of T (the
 * compiler asks for all of them and no others), plus an optional `also` for relations between fields (lengths).
 */
export function shapeOf<T>(
  fields: { readonly [K in keyof T]-?: FieldCheck },
  also?: (value: T) => boolean,
): (v: unknown) => v is T {
  const checks = Object.entries<FieldCheck>(fields);
  return (v: unknown): v is T => {
    if (!isPlainObject(v) || !checks.every(([name, check]) => check(v[name]))) return false;
    return also === undefined || also(v as T);
  };
}

/**
 * shapeOf, and no field beyond the declared ones: the steps' `curves` (and `data`) views differ by the fields they
 * add, so a check that let extra fields through would take another step's view for its own.
 */
export function exactShapeOf<T>(
  fields: { readonly [K in keyof T]-?: FieldCheck },
  also?: (value: T) => boolean,
): (v: unknown) => v is T {
  const declared = new Set(Object.keys(fields));
  const shape = shapeOf<T>(fields, also);
  return (v: unknown): v is T => shape(v) && Object.keys(v as object).every((k) => declared.has(k));
}

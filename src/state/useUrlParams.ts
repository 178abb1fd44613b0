import { useCallback, useMemo } from 'react';
import { replaceQuery, useRoute } from '../platform/router';
import {
  SEED_PARAM,
  decodeQuery,
  defaultValues,
  describeIgnored,
  formatValue,
  mergeValues,
  valuesEqual,
} from '../experiments/params';
import type { ParamTable, ParamValue, ParamValues } from '../experiments/types';

export interface UrlParams {
  values: ParamValues;
  /** Plain-text lines naming URL values that were ignored or clamped. */
  ignored: string[];
  set(name: string, value: ParamValue): void;
  /** Several values in one URL write. */
  setMany(values: Readonly<Record<string, ParamValue>>): void;
  /** Back to the preset (drops this figure's values from the URL). */
  reset(): void;
}

/**
 * Parameter values for a figure computed on the main thread (no worker; used by the activations and backprop chapters): defaults ← lesson preset ← URL, each
 * validated by the table, written back with replaceQuery — so every state of the figure is a share link.
 * `reserved` names other URL parameters on the same page (a figure's own encoded state, a neighbouring experiment's
 * settings): they are neither reported as unknown nor dropped when the figure writes its values.
 */
export function useUrlParams(
  table: ParamTable,
  preset?: Readonly<Record<string, unknown>>,
  reserved?: readonly string[],
): UrlParams {
  const { query } = useRoute();
  const base = useMemo(
    () => mergeValues(table, defaultValues(table), preset ?? null).values,
    [table, preset],
  );
  const reservedKey = (reserved ?? []).join(',');
  const decoded = useMemo(
    () => decodeQuery(table, query, { base, reserved: reservedKey ? reservedKey.split(',') : [] }),
    [table, query, base, reservedKey],
  );

  const write = useCallback(
    (values: ParamValues) => {
      const own = new Set(table.map((s) => s.name));
      const next = new URLSearchParams();
      for (const [k, v] of query) if (!own.has(k)) next.append(k, v);
      for (const spec of table) {
        const v = values[spec.name];
        if (v === undefined) continue;
        if (!valuesEqual(v, spec.default) || !valuesEqual(v, base[spec.name]))
          next.set(spec.name, formatValue(spec, v));
      }
      replaceQuery(next);
    },
    [table, query, base],
  );
  const set = useCallback(
    (name: string, value: ParamValue) => write({ ...decoded.values, [name]: value }),
    [write, decoded.values],
  );
  const setMany = useCallback(
    (changes: Readonly<Record<string, ParamValue>>) => write({ ...decoded.values, ...changes }),
    [write, decoded.values],
  );
  const reset = useCallback(() => write(base), [write, base]);
  const ignored = useMemo(
    () => describeIgnored(decoded.ignored.filter((i) => i.name !== SEED_PARAM)),
    [decoded.ignored],
  );
  return { values: decoded.values, ignored, set, setMany, reset };
}

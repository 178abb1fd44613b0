import { useCallback, useMemo } from 'react';
import { replaceQuery, useRoute } from '../../../app/router';
import {
  decodeQuery,
  defaultValues,
  describeIgnored,
  formatValue,
  mergeValues,
  valuesEqual,
  SEED_PARAM,
} from '../../../experiments/params';
import type { ParamTable, ParamValue, ParamValues } from '../../../experiments/types';

export interface LocalParams {
  values: ParamValues;
  /** Plain-text lines naming URL values that were ignored or clamped (empty when all were fine). */
  ignored: string[];
  set(name: string, value: ParamValue): void;
  /** Back to the lesson preset (drops this figure's values from the URL). */
  reset(): void;
}

/**
 * URL-synced values for a figure that computes directly (no worker): defaults ← lesson preset ← URL, validated by the
 * table, so every state is a share link. Writes use replaceQuery (no history entry per slider move).
 */
export function useLocalParams(table: ParamTable, preset?: Readonly<Record<string, unknown>>): LocalParams {
  const { query } = useRoute();
  const base = useMemo(
    () => mergeValues(table, defaultValues(table), preset ?? null).values,
    [table, preset],
  );
  const decoded = useMemo(() => decodeQuery(table, query, { base }), [table, query, base]);

  const write = useCallback(
    (values: ParamValues) => {
      // Write every value that differs from the table default or from the preset, so decoding (which starts from
      // the preset) gives back exactly these values; keep every other page parameter as it is.
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
  const reset = useCallback(() => write(base), [write, base]);

  const ignored = useMemo(
    () => describeIgnored(decoded.ignored.filter((i) => i.name !== SEED_PARAM)),
    [decoded.ignored],
  );
  return { values: decoded.values, ignored, set, reset };
}

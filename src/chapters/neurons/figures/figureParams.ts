import { useCallback, useMemo } from 'react';
import { getRoute, navigate, useRoute } from '../../../platform/router';

/**
 * URL-backed settings for this chapter's computed figures (the ones that need no worker), so a shared link reopens
 * the same sliders. Values that are not default are written to the query (no new history entry); bad values fall
 * back (or are clamped) and are reported, never trusted: `Object.hasOwn`, finite numbers only, known options only.
 */
export type FigureParamSpec =
  | { kind: 'number'; default: number; min: number; max: number }
  | { kind: 'option'; default: string; options: readonly string[] };
export type FigureParamSpecs = Readonly<Record<string, FigureParamSpec>>;

const SHOWN = 16;
const quote = (raw: string) => `“${raw.length > SHOWN ? `${raw.slice(0, SHOWN)}…` : raw}”`;

export function readFigureParams(specs: FigureParamSpecs, query: URLSearchParams) {
  const values: Record<string, number | string> = {};
  const ignored: string[] = [];
  for (const name of Object.keys(specs)) {
    const spec = specs[name];
    const raw = query.get(name);
    values[name] = spec.default;
    if (raw === null) continue;
    if (spec.kind === 'option') {
      if (spec.options.includes(raw)) values[name] = raw;
      else ignored.push(`${name}=${quote(raw)} (not one of ${spec.options.join(', ')})`);
      continue;
    }
    const n = raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(n)) {
      ignored.push(`${name}=${quote(raw)} (not a number)`);
    } else if (n < spec.min || n > spec.max) {
      values[name] = Math.min(spec.max, Math.max(spec.min, n));
      ignored.push(`${name}=${quote(raw)} (clamped to ${spec.min}…${spec.max})`);
    } else values[name] = n;
  }
  return { values, ignored };
}

export function useFigureParams(specs: FigureParamSpecs) {
  const { query } = useRoute();
  const queryText = query.toString();
  const { values, ignored } = useMemo(
    () => readFigureParams(specs, new URLSearchParams(queryText)),
    [specs, queryText],
  );
  const set = useCallback(
    (name: string, value: number | string) => {
      if (!Object.hasOwn(specs, name)) return;
      const { path, query: current } = getRoute();
      const next = new URLSearchParams(current);
      if (value === specs[name].default) next.delete(name);
      else next.set(name, String(value));
      navigate(path, next, { replace: true });
    },
    [specs],
  );
  return { values, ignored, set };
}

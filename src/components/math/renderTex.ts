import katex from 'katex';

/**
 * KaTeX with the safety settings from docs/CONTRACTS.md, "Reliability rules". Pure function of (tex, displayMode), so results are cached:
 * a formula whose numbers change every frame re-renders only when its string changes, and identical strings
 * (the same label in many places) render once.
 */

/** Result of one render: KaTeX's HTML, or `null` when KaTeX failed and the caller must show plain text. */
export type TexResult = { html: string; error: null } | { html: null; error: string };

const MAX_CACHE = 400; // live formulas create many distinct strings; keep memory flat
const MAX_INPUT = 4_000; // a formula longer than this is not lesson math: shown as plain text instead
const cache = new Map<string, TexResult>();

export function renderTex(tex: string, displayMode = false): TexResult {
  const key = (displayMode ? 'D' : 'I') + tex;
  const hit = cache.get(key);
  if (hit) {
    // refresh recency: Map keeps insertion order, the oldest entry is evicted first
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = renderUncached(tex, displayMode);
  cache.set(key, result);
  if (cache.size > MAX_CACHE) cache.delete(cache.keys().next().value as string);
  return result;
}

function renderUncached(tex: string, displayMode: boolean): TexResult {
  if (typeof tex !== 'string') return { html: null, error: 'not a string' };
  if (tex.length > MAX_INPUT) return { html: null, error: 'formula too long' };
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      throwOnError: false, // a parse error renders the source in red instead of throwing
      trust: false, // no \href, \url, \includegraphics, \htmlData, \htmlClass, \htmlId, \htmlStyle
      strict: 'ignore',
      maxSize: 20, // em: bounds \rule and \kern so a formula cannot cover the page
      maxExpand: 500, // bounds macro expansion (no exponential \def bombs)
      macros: {}, // fresh per call: \gdef in one formula must not leak into the next
      output: 'htmlAndMathml', // MathML for screen readers
    });
    return { html, error: null };
  } catch (err) {
    return { html: null, error: err instanceof Error ? err.message : String(err) };
  }
}

/** For tests: forget cached renders. */
export function clearTexCache() {
  cache.clear();
}

import 'katex/dist/katex.min.css'; // bundled by Vite together with the KaTeX fonts: never fetched from elsewhere
import { memo, useEffect, useRef } from 'react';
import { renderTex } from './renderTex';

/**
 * KaTeX math, inline or display.
 *
 * Props:
 * - `tex`: the TeX source, e.g. `\frac{\partial C}{\partial w_2} = 0.31 \cdot 0.84`. Numbers may change every frame:
 *   rendering is cached by string, and React only touches the DOM when the string changes (no flicker).
 * - `display`: block (display-style) math; default inline.
 * - `className`: extra class on the wrapper `<span>`.
 * - `label`: optional accessible name; defaults to KaTeX's MathML, which screen readers read.
 *
 * Always a `<span>` (display math is a block-level span), so it is valid inside `<p>`.
 * If KaTeX fails, the source is shown as plain text (`.tex-fallback`), never as HTML.
 */
export interface TexProps {
  tex: string;
  display?: boolean;
  className?: string;
  label?: string;
}

/**
 * A display formula wider than its box scrolls sideways; while it does, it takes keyboard focus so that the arrow
 * keys can scroll it (a scroll region nobody can reach by keyboard is an accessibility failure).
 *
 * The overflow is read only in the ResizeObserver's callback, which runs after the browser's own layout (its first
 * call comes after the next layout). Reading `scrollWidth` straight after a commit would force an extra layout, and
 * live formulas change every frame: on the loss chapter's logistic step that forced layout was a sixth of the main
 * thread's work. New content can overflow without the box changing size, so each content gets a new observer.
 */
function useFocusableWhileScrolling(enabled: boolean, content: string | null) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const overflowing = el.scrollWidth > el.clientWidth + 1;
      // Touch the attribute only when it changes: every write invalidates style.
      if (overflowing === el.hasAttribute('tabindex')) return;
      if (overflowing) el.tabIndex = 0;
      else el.removeAttribute('tabindex');
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [enabled, content]);
  return ref;
}

export const Tex = memo(function Tex({ tex, display = false, className, label }: TexProps) {
  const result = renderTex(tex, display);
  const scrollRef = useFocusableWhileScrolling(display && result.html !== null, result.html);
  const cls = ['tex', display ? 'tex-display' : 'tex-inline', className].filter(Boolean).join(' ');
  if (result.html === null) {
    return (
      <code className={`${cls} tex-fallback`} title={`Could not render formula: ${result.error}`}>
        {tex}
      </code>
    );
  }
  return (
    <span
      ref={scrollRef}
      className={cls}
      aria-label={label}
      role={label ? 'math' : undefined}
      // Safe: KaTeX output built with trust:false (no links, no attributes from the source), see renderTex.ts.
      dangerouslySetInnerHTML={{ __html: result.html }}
    />
  );
});

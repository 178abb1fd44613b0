import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Width of an element in CSS px, following its layout through a ResizeObserver (charts are responsive).
 * `fixed` wins when given (tests, fixed-size figures). Without ResizeObserver (jsdom) the fallback is used.
 */
export function useElementWidth<T extends HTMLElement>(
  fixed: number | undefined,
  fallback = 560,
): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (fixed !== undefined) return;
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const update = (w: number) => {
      if (w > 0) setMeasured((prev) => (prev !== null && Math.abs(prev - w) < 1 ? prev : Math.floor(w)));
    };
    update(el.getBoundingClientRect().width);
    const ro = new ResizeObserver((entries) => {
      for (const e of entries) update(e.contentRect.width);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fixed]);
  const width = fixed ?? measured ?? fallback;
  return [ref, Math.max(120, Math.floor(width))];
}

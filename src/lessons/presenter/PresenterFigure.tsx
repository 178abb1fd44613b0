import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

/** Largest enlargement: beyond this, text and controls look absurd even on a big screen. */
const MAX_ZOOM = 2.2;
/**
 * Smallest: a figure taller than the screen at its natural size is shrunk rather than cut off (the presenter's
 * larger type, --font-scale, keeps text legible down to here; only the Transformer's tallest figures go that far). Shrinking also widens the layout, so side-by-side
 * panels that stacked at the natural size sit next to each other again.
 */
const MIN_ZOOM = 0.42;

/**
 * The lesson page's figure area, in every mode (so switching modes never remounts the figure). With `fit` (presenter
 * mode) it fills the screen below the caption bar and enlarges the figure (CSS `zoom`, so layout, pointer coordinates
 * and text stay consistent) as far as it fits — figures drawn at a fixed size become projector-sized; responsive
 * charts mostly just get larger text and thicker lines. Re-fits on resize and step change (`fitKey`).
 */
export function PresenterFigure({
  children,
  fit: active,
  fitKey,
}: {
  children: ReactNode;
  fit: boolean;
  fitKey: string;
}) {
  const outer = useRef<HTMLElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  usePresenterFit(outer, inner, active, fitKey);

  return (
    <section
      ref={outer}
      className={active ? 'lesson-figure presenter-figure' : 'lesson-figure'}
      aria-label="Live figure"
      data-testid={active ? 'presenter-figure' : undefined}
    >
      <div ref={inner} className="presenter-figure-content">
        {children}
      </div>
    </section>
  );
}

/** While `active`, zooms `inner` to fill `outer` now, once charts settle, and whenever sizes or fonts change. */
function usePresenterFit(
  outer: RefObject<HTMLElement | null>,
  inner: RefObject<HTMLDivElement | null>,
  active: boolean,
  fitKey: string,
) {
  useLayoutEffect(() => {
    const box = outer.current;
    const content = inner.current;
    if (!active || !box || !content) return;
    let frame = 0;
    const fit = () => fitZoom(box, content);
    // Charts size themselves a frame or two after mounting: fit now and once they settle.
    fit();
    frame = requestAnimationFrame(() => (frame = requestAnimationFrame(fit)));
    const timer = window.setTimeout(fit, 400);
    const refit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    };
    const stopWatching = watchSizeAndFonts(box, content, refit);
    return () => {
      stopWatching();
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      content.style.zoom = '';
      delete box.dataset.zoom;
    };
  }, [outer, inner, active, fitKey]);
}

/** Sets the largest zoom (within MIN_ZOOM..MAX_ZOOM) at which `content` fits `box` without scrolling. */
function fitZoom(box: HTMLElement, content: HTMLElement) {
  content.style.zoom = '1';
  const width = box.clientWidth;
  const height = box.clientHeight;
  const h = content.scrollHeight;
  const w = content.scrollWidth;
  if (!width || !height || !h || !w) return;
  // Block content always spans the box (scrollWidth = width) and wraps; only content wider than the box limits us.
  let zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, height / h, w > width ? width / w : Infinity));
  // Zooming narrows the layout width, so wrapping content can grow taller: shrink until it fits (few rounds).
  // What must hold is the box's own test — nothing to scroll — which also counts margins that stick out of the
  // content and sub-pixel rounding of fractional zooms.
  for (let round = 0; round < 8 && zoom > MIN_ZOOM; round++) {
    content.style.zoom = String(zoom);
    const shown = Math.max(content.getBoundingClientRect().height, box.scrollHeight);
    if (shown <= height) break;
    zoom = Math.max(MIN_ZOOM, zoom * (height / shown) * 0.98);
  }
  zoom = growWhileItFits(box, content, zoom, height);
  content.style.zoom = String(zoom);
  box.dataset.zoom = zoom.toFixed(2);
}

/**
 * The content can grow after the first fits: KaTeX and text fonts load lazily (their metrics change line heights),
 * and charts settle at their measured width. A zoom computed before that left the figure taller than the screen on
 * slow machines, so re-fit whenever the box or the content changes size and whenever a font finishes loading.
 * (A re-fit that lands on the same zoom leaves sizes unchanged, so the observer goes quiet.) Returns the cleanup.
 */
function watchSizeAndFonts(box: HTMLElement, content: HTMLElement, refit: () => void): () => void {
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(refit) : null;
  if (observer) {
    observer.observe(box);
    observer.observe(content);
  } else window.addEventListener('resize', refit);
  const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
  let live = true;
  fonts?.addEventListener?.('loadingdone', refit);
  void fonts?.ready?.then(() => live && refit());
  return () => {
    live = false;
    observer?.disconnect();
    fonts?.removeEventListener?.('loadingdone', refit);
    window.removeEventListener('resize', refit);
  };
}

/**
 * The first estimate comes from the content's height at zoom 1; at a smaller zoom the layout is wider, side-by-side
 * panels share rows, and the content can end up well short of the screen (the Transformer's training step filled
 * 70 % of it). Bisect upwards between the zoom that fits and the largest allowed, keeping the largest that still fits.
 */
function growWhileItFits(box: HTMLElement, content: HTMLElement, fits: number, height: number): number {
  content.style.zoom = String(fits);
  // (The box's scrollHeight is never below its own height, so room is judged on the content alone.)
  if (content.getBoundingClientRect().height > height * 0.95) return fits;
  let low = fits;
  let high = MAX_ZOOM;
  for (let round = 0; round < 6 && high - low > 0.02; round++) {
    const mid = (low + high) / 2;
    content.style.zoom = String(mid);
    const shown = Math.max(content.getBoundingClientRect().height, box.scrollHeight);
    if (shown <= height && box.scrollWidth <= box.clientWidth + 1) low = mid;
    else high = mid;
  }
  return low;
}

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A table that may be wider than a phone's column: it scrolls sideways inside this box (never past the page's edge,
 * never cut off), and while it does the box is a labelled region that takes keyboard focus, so the arrow keys can
 * scroll it too (a scroll region nobody can reach by keyboard is an accessibility failure).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
      else box.removeAttribute('tabindex');
    };
    update();
    // The box's width follows the screen; the table's follows its numbers: either may start or end the overflow.
    const observer = new ResizeObserver(update);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-scroll" role="region" aria-label={label}>
      {children}
    </div>
  );
}

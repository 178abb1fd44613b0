import { useEffect, useRef } from 'react';

/**
 * A presenter's spotlight: the screen dims except a circle around the pointer. Purely visual (aria-hidden), ignores
 * pointer events so the figure underneath stays usable. Position updates go straight to a CSS variable (no re-render).
 */
export function Spotlight() {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const move = (e: PointerEvent) => {
      el.current?.style.setProperty('--spot-x', `${e.clientX}px`);
      el.current?.style.setProperty('--spot-y', `${e.clientY}px`);
    };
    window.addEventListener('pointermove', move);
    return () => window.removeEventListener('pointermove', move);
  }, []);
  return <div ref={el} className="spotlight" aria-hidden="true" data-testid="spotlight" />;
}

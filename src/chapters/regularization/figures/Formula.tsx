import { Tex } from '../../../components/math';

/**
 * A display formula with live numbers. It scrolls sideways on narrow screens instead of widening the page, so it
 * is focusable (keyboard users can scroll it) and labelled.
 */
export function Formula({ tex, testId }: { tex: string | readonly string[]; testId?: string }) {
  const lines = typeof tex === 'string' ? [tex] : tex;
  return (
    <div
      className="reg-formula"
      data-testid={testId}
      tabIndex={0}
      role="group"
      aria-label="Formula with live values"
    >
      {lines.map((t) => (
        <Tex key={t} tex={t} display />
      ))}
    </div>
  );
}

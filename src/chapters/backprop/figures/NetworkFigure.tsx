import type { LessonStep } from '../../types';

/** Backprop step 4 — placeholder until the runtime's classifier2d experiment and the NetworkDiagram land. */
export function NetworkFigure({ step }: { step: LessonStep }) {
  return (
    <div className="descent-panel" data-testid={`figure-${step.figure}`}>
      <p className="in-preparation" role="status">
        The live network for this step is being connected.
      </p>
    </div>
  );
}

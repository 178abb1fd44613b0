import { useId, useState } from 'react';
import { Tex } from '../../../components/math';
import { Formula } from './Formula';
import {
  binaryCrossEntropyOfProb,
  crossEntropyOfProbs,
  meanAbsoluteError,
  meanSquaredError,
} from '../../../experiments/loss/formulas';
import { useUrlParams } from '../../../state/useUrlParams';
import { fmt } from '../../../components/math/fixed';
import type { FigureProps } from '../../../lessons/figureKit/figureProps';
import { CHOOSER_PARAMS, LOSS_CHOICES, SCENARIOS } from './params';
import { TableControls, IgnoredNotice } from '../../../components/controls';

type Choice = (typeof LOSS_CHOICES)[number]['value'];

/** One worked example per loss, evaluated live with the chapter's formulas. */
function exampleTex(choice: Choice): string {
  switch (choice) {
    case 'mse':
      return `(y - h)^2 = (3.2 - 2.9)^2 = ${fmt(meanSquaredError([2.9], [3.2]), 3)}`;
    case 'mae':
      return `\\lvert y - h \\rvert = \\lvert 3.2 - 2.9 \\rvert = ${fmt(meanAbsoluteError([2.9], [3.2]), 3)}`;
    case 'ce':
      return `h = (0.7, 0.2, 0.1),\\; y = (1, 0, 0):\\; -\\log 0.7 = ${fmt(crossEntropyOfProbs([0.7, 0.2, 0.1], 0), 3)}`;
    case 'bce':
      return `h = 0.8,\\; y = 1:\\; -\\log 0.8 - 0 \\cdot \\log 0.2 = ${fmt(binaryCrossEntropyOfProb(0.8, 1), 3)}`;
  }
}

/** Step 7: pick a scenario, choose an output and loss for it, get instant feedback with the reason. */
export function ChooserFigure({ preset }: FigureProps) {
  const { values, ignored, set } = useUrlParams(CHOOSER_PARAMS, preset);
  const scenario = SCENARIOS.find((s) => s.id === values.scenario) ?? SCENARIOS[0];
  const [answers, setAnswers] = useState<Readonly<Record<string, Choice>>>({});
  const picked = answers[scenario.id];
  const name = useId();
  const correct = picked === scenario.answer;
  const answered = SCENARIOS.filter((s) => answers[s.id] !== undefined);
  const right = answered.filter((s) => answers[s.id] === s.answer).length;

  return (
    <figure className="loss-figure" data-testid="figure-chooser">
      <IgnoredNotice lines={ignored} />
      <TableControls table={CHOOSER_PARAMS} values={values} onChange={set} />
      <p className="loss-scenario" data-testid="scenario-text">
        {scenario.text}
      </p>
      <fieldset className="loss-choices">
        <legend>Output and loss</legend>
        {LOSS_CHOICES.map((c) => (
          <label key={c.value}>
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={picked === c.value}
              onChange={() => setAnswers({ ...answers, [scenario.id]: c.value })}
            />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>
      {picked && (
        <p
          className={correct ? 'loss-feedback loss-feedback-right' : 'loss-feedback loss-feedback-wrong'}
          data-testid="chooser-feedback"
          role="status"
        >
          <strong>{correct ? 'Right.' : 'Not quite.'}</strong> {scenario.why}
        </p>
      )}
      {picked && (
        <Formula>
          <Tex display tex={exampleTex(picked)} />
        </Formula>
      )}
      <p className="loss-readouts">
        <span>
          scenarios answered: <strong data-testid="chooser-answered">{answered.length}</strong> of{' '}
          {SCENARIOS.length}
        </span>
        <span>
          right: <strong data-testid="chooser-right">{right}</strong>
        </span>
      </p>
    </figure>
  );
}

/**
 * One trial of step 7's hyperparameter search: a short training of a small tanh network on the chapter's noisy
 * samples with a given learning rate and L2 strength, scored on the validation set. The test set is never touched
 * here: `testError` is called once, for the configuration a search picks, after it has finished.
 *
 * Every trial of one seed starts from the same initial weights and sees the same data, so two trials differ only
 * in their hyperparameters.
 */
import { MLP, Tensor, function1D, mse, noGrad, sgd } from '../../core';
import { regressionData, type RegressionData } from './data';
import type { SearchPoint } from './searchPlan';

/** Gradient-descent steps of one trial: short, as trials of a real search are (a fraction of a full training). */
export const TRIAL_STEPS = 100;
/** Network of every trial: 1 → 12 → 12 → 1, tanh. */
export const TRIAL_SIZES = [1, 12, 12, 1];
/** Training samples and noise of the search's data (more samples than steps 1–3: the search is about α, not m). */
export const SEARCH_POINTS = 30;
export const SEARCH_NOISE = 0.2;
export const TEST_POINTS = 200;

/** Training, validation and test sets of one seed. The three are drawn from different seeds derived from it. */
export interface SearchData extends RegressionData {
  test: { x: Float32Array; y: Float32Array; n: number };
}

export function searchData(seed: number): SearchData {
  const data = regressionData(SEARCH_POINTS, SEARCH_NOISE, seed);
  const test = function1D(
    'sine',
    { n: TEST_POINTS, noise: SEARCH_NOISE, spacing: 'random' },
    (seed ^ 0x7f4a7c15) >>> 0,
  );
  return { ...data, test };
}

/** What one trial leaves behind. Errors are the chapter's L = 1/(2m) Σ (h − y)²; a blown-up trial reports Infinity. */
export interface TrialResult extends SearchPoint {
  train: number;
  val: number;
  /** The trained network (kept so the chosen one can be scored on the test set once, without retraining). */
  model: MLP;
}

/** Half the core's mean squared error on a set, without recording a tape; Infinity if it is not finite. */
function halfMseOf(model: MLP, x: Tensor, y: Float32Array): number {
  const value = noGrad(() => mse(model.forward(x), y).item() / 2);
  return Number.isFinite(value) ? value : Infinity;
}

/** Tensors of one seed's data, built once and shared by all its trials. */
export interface TrialInputs {
  data: SearchData;
  trainX: Tensor; // [m, 1]
  valX: Tensor; // [60, 1]
  testX: Tensor; // [TEST_POINTS, 1]
  initSeed: number;
}

export function trialInputs(data: SearchData, initSeed: number): TrialInputs {
  return {
    data,
    trainX: new Tensor(data.train.x, [data.train.n, 1]),
    valX: new Tensor(data.val.x, [data.val.n, 1]),
    testX: new Tensor(data.test.x, [data.test.n, 1]),
    initSeed,
  };
}

/** Train a fresh network with the point's α and λ for TRIAL_STEPS full-batch gradient-descent steps. */
export function runTrial(inputs: TrialInputs, point: SearchPoint): TrialResult {
  const { data, trainX, valX } = inputs;
  const model = new MLP({ sizes: TRIAL_SIZES, activation: 'tanh' }, inputs.initSeed);
  // The optimiser adds the gradient of λ Σθ² (weights only, never biases): the chapter's L2 penalty.
  const optimizer = sgd(model.parameters(), { lr: point.lr, l2: point.lambda });
  for (let i = 0; i < TRIAL_STEPS; i++) {
    optimizer.zeroGrad();
    const loss = mse(model.forward(trainX), data.train.y); // [] mean (h − y)²
    if (!Number.isFinite(loss.item())) break; // blown up: the validation error below says so (Infinity)
    loss.backward();
    optimizer.step();
  }
  return {
    ...point,
    train: halfMseOf(model, trainX, data.train.y),
    val: halfMseOf(model, valX, data.val.y),
    model,
  };
}

/** The untrained network's errors: where every trial starts (the read-outs before the first trial). */
export function startErrors(inputs: TrialInputs): { train: number; val: number } {
  const model = new MLP({ sizes: TRIAL_SIZES, activation: 'tanh' }, inputs.initSeed);
  return {
    train: halfMseOf(model, inputs.trainX, inputs.data.train.y),
    val: halfMseOf(model, inputs.valX, inputs.data.val.y),
  };
}

/** The test error of a trained trial: call once per search, after it has finished. */
export function testError(inputs: TrialInputs, trial: TrialResult): number {
  return halfMseOf(trial.model, inputs.testX, inputs.data.test.y);
}

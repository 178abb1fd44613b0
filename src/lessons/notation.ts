/**
 * The course's notation card: one symbol per idea, used by every chapter. The notation page (#/notation) lists these
 * symbols with the chapters and steps where each appears (found in the lesson text, so the list stays true as
 * chapters change), and notation.test.ts in src/chapters fails when lesson text uses a retired symbol.
 *
 * The source notes mix conventions; where they differ from this card, `notes` says how they write it.
 */

export interface NotationEntry {
  /** TeX of the symbol as the course writes it. */
  tex: string;
  meaning: string;
  /** How the source notes write it, where they differ. */
  notes?: string;
  /** Finds the symbol in lesson text (TeX source or plain-text captions), to list where it appears. */
  find: RegExp;
}

export const NOTATION: readonly NotationEntry[] = [
  {
    tex: 'x,\\ x_j',
    meaning: 'the input (vector), its j-th feature; the bias unit is x_0 = 1',
    find: /\bx_|\$x\$|x₁|\\mathbf\{x\}/,
  },
  {
    tex: 'y',
    meaning: 'the target: the value a network should predict',
    notes: 'also a neuron’s output',
    find: /\$y\$|\(a_4 - y\)|y\^i|\by\^\{/,
  },
  {
    tex: '\\theta,\\ \\theta_j',
    meaning: 'the parameters; θ_j the j-th weight of one neuron, θ_0 its bias weight',
    find: /\\theta/,
  },
  {
    tex: 'W^{(l)},\\ W^{(l)}_{ij}',
    meaning:
      'weight matrix of layer l, mapping layer l−1 to layer l; entry (i, j) joins neuron j of layer l−1 to neuron i of layer l',
    notes: 'θ⁽ˡ⁾ᵢⱼ for the weight from layer l to layer l+1 (indexed by the layer it leaves); ω for weights',
    find: /W\^\{\(/,
  },
  {
    tex: 'b^{(l)}',
    meaning: 'bias vector of layer l (a single neuron’s bias: b or θ_0)',
    notes: 'β for biases',
    find: /b\^\{\(l\)\}|\bb_|\$b\$/,
  },
  {
    tex: 'z = Wa + b',
    meaning: 'pre-activation: the weighted sum a neuron computes',
    find: /\bz_|\$z\$|z = /,
  },
  {
    tex: 'a^{(l)} = f(z^{(l)})',
    meaning: 'activation: a neuron’s (or layer’s) output; a^{(0)} = x',
    notes: 'y for a neuron’s output',
    find: /a\^\{\(|\ba_\d|\$a\$|a = f/,
  },
  {
    tex: 'f,\\ g',
    meaning: 'activation function (σ is the sigmoid itself)',
    notes: 'also φ',
    find: /\bf'|\$f\$|g'|g′|\bf\(/,
  },
  {
    tex: 'L',
    meaning: 'the loss (cost, objective) to minimise, whatever its formula',
    notes: 'J(θ) for the regression cost, C for the chain’s cost',
    find: /\\partial L|\bL\(|\$L\$|\bL = /,
  },
  { tex: '\\alpha', meaning: 'learning rate', notes: 'also the leaky-ReLU slope', find: /\\alpha|α/ },
  { tex: 'c', meaning: 'leaky-ReLU slope on the negative side (0.1)', notes: 'α', find: /\\max\(c/ },
  {
    tex: '\\beta,\\ \\beta_1,\\ \\beta_2',
    meaning: 'decay rates of momentum and Adam',
    notes: 'β also for biases',
    find: /\\beta|β/,
  },
  { tex: '\\delta', meaning: 'error signal ∂L/∂z of a neuron', find: /\\delta/ },
  { tex: '\\tau', meaning: 'softmax / sampling temperature', notes: 'T', find: /\\tau|τ/ },
  {
    tex: 'd_{\\text{model}},\\ d_k',
    meaning: 'width of a Transformer’s vectors; width of one head’s queries and keys',
    notes: 'd',
    find: /d_\{\\text\{model\}\}|d_k|d_model/,
  },
  {
    tex: 'm,\\ n,\\ B',
    meaning: 'number of training samples (m or n), batch size B',
    find: /\\frac\{n\}\{B\}|\$B\$|\$m\$/,
  },
];

/** A retired way of writing something, with the course's way. Checked against all lesson text. */
export interface RetiredNotation {
  pattern: RegExp;
  use: string;
}

export const RETIRED_NOTATION: readonly RetiredNotation[] = [
  { pattern: /\\omega|ω/, use: 'W (or w) for weights' },
  { pattern: /x\s*\+\s*\\beta|biases \$\\beta\$|β\s*:/, use: 'b for biases (β is a decay rate)' },
  { pattern: /\\theta\^\{\(|θ⁽/, use: 'W^{(l)}_{ij} (layer l−1 → l) for a weight between layers' },
  { pattern: /\bJ\s*\(|\\partial J\b|∂J|\\nabla J|∇J/, use: 'L for the loss' },
  { pattern: /\\partial C\b|∂C|\bC = \\tfrac|\$C\$/, use: 'L for the loss' },
  { pattern: /\\max\(\\alpha\s*x|\\max\(α|max\(αx/, use: 'c for the leaky slope (α is the learning rate)' },
  { pattern: /\/\s*T\}|\/T\b|\$T\s*=|temperature \$T\$|\bSet T\b/, use: '\\tau for temperature' },
  { pattern: /\^\{2i\/d\}|\\sqrt\{d\}/, use: 'd_{\\text{model}} for the model width' },
  { pattern: /\by\s*=\s*f\(z\)|\$y = Wx/, use: 'a = f(z) for a neuron’s output (y is the target)' },
];

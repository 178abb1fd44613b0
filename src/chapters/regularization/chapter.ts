import { defineChapter } from '../../lessons/defineChapter';
import { formatMetric } from '../../components/run/formatMetric';

/**
 * Chapter 6 — bias, variance and regularisation, as lesson data. Figures are keys of figures/index.tsx; presets use
 * the experiments' own parameter names (src/experiments/regularization/*). The prose states no measured number:
 * every number a student reads is a live read-out of the figure beside it.
 */
export const chapter = defineChapter({
  id: 'regularization',
  figures: ['polynomial', 'capacity', 'penalty', 'dropout', 'augment', 'batchnorm', 'search'],
  lessons: [
    {
      id: 'under-over',
      title: 'Underfitting and overfitting',
      figure: 'polynomial',
      preset: { degree: 3 },
      pace: 1.5,
      stopAt: 15,
      caption:
        'Polynomials of degree 1–15 through the same noisy samples: training error falls, validation error is U-shaped.',
      body: `A handful of noisy samples of a smooth function, and a family of models: polynomials $h(x) = \\theta_0 + \\theta_1 x + \\dots + \\theta_d x^d$ of degree $d$. Each one is fitted by least squares, the $\\theta$ that makes the training loss

$$L(\\theta) = \\frac{1}{2m} \\sum_{i=1}^{m} \\big(h(x^{(i)}) - y^{(i)}\\big)^2$$

as small as possible over the $m$ training samples. (The source notes call this cost $J$; in this course it is the loss $L$.)

The same loss on samples the fit never saw is the **validation error**: an estimate of how the model does on new data.

- **Underfitting (high bias)**: a straight line cannot follow the curve. Training and validation error are both high.
- **Overfitting (high variance)**: a high-degree polynomial can pass through every sample, noise included. Training error goes to almost zero, but between the samples the curve swings wildly, so validation error shoots up. Fitted to a different noisy sample, it would look completely different — that sensitivity is the variance.
- In between, the validation error is lowest: the **U-curve**.

The capacity of the model — here its degree — sets where it sits on that curve.`,
      tryThis: [
        'Press Play: each step fits one more degree and adds it to the U-curve. Where does the validation error bottom out?',
        'Drag the degree slider from 1 to 15 and watch the fitted curve between the samples.',
        'Raise the number of training samples m. Does the highest degree still overfit as badly?',
        'Press “New random start” for new noise: which degrees change their fit the most?',
      ],
      check: {
        question: 'Training error is tiny but validation error is large. What is the model doing?',
        options: [
          'Underfitting: it has too little capacity',
          'Overfitting: it has learned the noise of the training samples',
          'Nothing is wrong: low training error is the goal',
          'The learning rate is too large',
        ],
        answer: 1,
        explanation:
          'A model that fits the training samples almost perfectly but fails on new samples has memorised their noise: high variance, overfitting.',
      },
    },
    {
      id: 'capacity',
      title: 'Capacity of a network',
      figure: 'capacity',
      preset: { width: 32, depth: 2, lr: 0.01 },
      pace: 150,
      stopAt: 2000,
      caption:
        'A network trained on the same samples: training error keeps falling, validation error turns up.',
      body: `A neural network's capacity is set by its width (neurons per layer) and depth (hidden layers): more parameters, more functions it can represent. Here a network with tanh hidden layers is trained with Adam on the same noisy samples as the polynomials, and both errors are recorded at every step.

Early on, both errors fall: the network learns the smooth shape. Later the training error keeps falling — the network starts bending through individual noisy samples — while the validation error stops improving and turns up. The step with the lowest validation error is marked.

**Aside — early stopping.** Keeping the weights from that step, instead of the last ones, is itself a regulariser: it stops training before the network has had time to fit the noise. It costs a validation set, which must stay separate from the training data.

Fixes go in opposite directions:

- **underfitting** (both errors high): add capacity — wider or deeper layers, more features;
- **overfitting** (a gap between them): more data, less capacity, or a regulariser — the rest of this chapter.`,
      tryThis: [
        'Press Play and watch the gap between the two curves open. At which step does validation error turn up?',
        'Make the network tiny (one layer of two neurons). Does it still overfit, or does it now underfit?',
        'Try two hidden layers of 64 against one of 8: which one opens a gap sooner?',
      ],
      check: {
        question:
          'Both training and validation error stay high, close to each other. What should you try first?',
        options: [
          'Add a regulariser',
          'Stop training earlier',
          'Give the model more capacity',
          'Use fewer training samples',
        ],
        answer: 2,
        explanation:
          'High error on both sets is underfitting (high bias): the model cannot represent the function. Regularising or stopping earlier would make it worse; more capacity helps.',
      },
    },
    {
      id: 'l2-l1',
      title: 'L2 and L1 penalties',
      figure: 'penalty',
      preset: { lambda: 0.1, degree: 15 },
      pace: 10,
      stopAt: 100,
      caption:
        'Same λ: L2 shrinks every weight, L1 sets many exactly to zero; a larger λ smooths the classifier’s boundary.',
      body: `Instead of lowering the degree, keep all fifteen powers and make large coefficients expensive. **L2 regularisation** (ridge, weight decay) adds their squares to the loss:

$$\\begin{aligned} L_{2}(\\theta) = \\frac{1}{2m}\\Big(&\\sum_{i=1}^{m} \\big(h(x^{(i)}) - y^{(i)}\\big)^2 \\\\ &+ \\lambda \\sum_{j \\ge 1} \\theta_j^2\\Big) \\end{aligned}$$

and its twin **L1** (lasso) adds their absolute values, $\\lambda \\sum_{j \\ge 1} |\\theta_j|$. The sums start at $j = 1$: the bias $\\theta_0$ only shifts the curve up or down and is not penalised. The strength $\\lambda$ is a hyperparameter.

- **L2** pulls every weight towards zero in proportion to its size, so weights shrink smoothly and hardly ever reach zero.
- **L1** pulls every weight with the same force whatever its size, so small weights are pushed all the way to **exactly zero**: the model drops those features altogether (a sparse model).

Both runs here minimise their penalised loss one coefficient at a time (coordinate descent: each step sets every $\\theta_j$ in turn to its best value with the others held fixed). The polynomial is written in Legendre polynomials $P_j(x)$ instead of plain powers $x^j$ — the same curves, but the fit stays accurate at degree 15 — so $\\theta_j$ is the weight of $P_j$.

**The same penalty on a classifier.** The classifier panel shows a second model trained alongside, with the same penalty and the same $\\lambda$: logistic regression on 45 products of Legendre polynomials in $x_1$ and $x_2$, fitted to noisy points from two classes (a disc inside a ring). It is the L2 run that is drawn; its loss is the mean cross-entropy plus the same $\\frac{\\lambda}{2m}\\sum_{j \\ge 1} \\theta_j^2$. With a small $\\lambda$ the boundary (where $P = 0.5$) bends around single noisy points and draws islands in the empty corners; a larger $\\lambda$ makes wiggles too expensive and the boundary relaxes towards the circle the data came from. The table measures this as the **boundary length**: a wiggly boundary is a long one. L1's boundary does not shorten steadily — in this basis a sparse model can keep a few wiggly high-degree products — until $\\lambda$ is large enough to zero them all.

**Not for free.** The source notes say regularisation lowers variance without raising bias. Not quite: it trades a little more bias — the penalised fit no longer follows the training samples as closely, so its training error goes up — for a large drop in variance. Too large a $\\lambda$ flattens the curve into underfitting.`,
      tryThis: [
        'Press Play and compare the two weight histograms: where do the L1 weights pile up?',
        'Drag λ up and down. At the same λ, which penalty has more weights at exactly zero?',
        'Find a λ at which the validation error of the L2 fit is lower than the unpenalised degree-15 fit had in step 1.',
        'Push λ to its maximum. What happens to the training error — and to the fit?',
        'Watch the classifier while you move λ from its preset up to 10: what happens to the islands, and to the boundary length in the table?',
      ],
      check: {
        question: 'Why can L1 set a weight exactly to zero when L2 almost never does?',
        options: [
          'L1 uses a larger λ',
          'L1’s pull towards zero does not weaken as the weight gets small; L2’s does',
          'L2 penalises the bias and L1 does not',
          'L1 removes weights at random',
        ],
        answer: 1,
        explanation:
          'The gradient of λθ² is 2λθ, which vanishes as θ → 0, so L2 only shrinks. The pull of λ|θ| is λ whatever θ is, so a weight whose benefit to the fit is smaller than that pull is set to zero. The classifier shows the other side of L2: shrinking every weight a little removes the wiggles of the boundary without zeroing any weight.',
      },
    },
    {
      id: 'dropout',
      title: 'Dropout',
      figure: 'dropout',
      preset: { p: 0.5, mode: 'inverted' },
      pace: 100,
      stopAt: 1000,
      caption: 'The same network with and without dropout; greyed units are dropped at this step.',
      body: `**Dropout** is a regulariser built into training: at every step each hidden unit is switched off with probability $p$ (the drop probability), independently, so the network cannot rely on any single unit and has to spread what it learns. A different random subset is dropped at every step; the diagram greys out the units dropped for the first training sample at the latest step.

Dropout is used **during training only**. At inference every unit is present — so each unit now receives more input than it ever did in training, where on average only a fraction $1 - p$ of its inputs were there. One of two scalings fixes that:

- **classic**: train with the plain 0/1 mask $m$, and at inference multiply the activations by the keep probability $1 - p$;
- **inverted**: divide the kept activations by $1 - p$ while training, and change nothing at inference. This is what libraries do, because inference stays untouched.

Either way the next layer sees, at inference, the mean it saw on average during training: $\\mathbb{E}[a\\,m] = (1-p)\\,a$ for classic, $\\mathbb{E}[a\\,m/(1-p)] = a$ for inverted. The table checks both on the live network.

**A slip in the source notes.** They say the outputs are scaled "by $p$" at inference. With $p$ the drop probability that is wrong: the factor is the keep probability $1 - p$ (or, inverted, $1/(1 - p)$ while training).

Two copies of the same network — same initial weights, same data — train side by side, one with dropout. Dropout's training error stays higher (it trains a noisier network), and the gap to the validation error is usually smaller: a little more bias for less variance.`,
      tryThis: [
        'Press Play and watch the greyed units change at every step. About what fraction is grey?',
        'Compare the gap between training and validation error for the two networks once they settle.',
        'Switch the scaling to classic. Which column of the table changes, and do the two columns still agree?',
        'Push p towards its maximum. What happens to the dropout network’s fit?',
      ],
      check: {
        question:
          'A network was trained with classic dropout, drop probability p = 0.2. By what factor are the activations multiplied at inference?',
        options: ['0.2', '0.8', '1.25', '1 (no change)'],
        answer: 1,
        explanation:
          'Classic dropout scales by the keep probability 1 − p = 0.8 at inference, so each unit passes on what it passed on average during training. (Inverted dropout would have multiplied by 1/0.8 = 1.25 during training instead.)',
      },
    },
    {
      id: 'augmentation',
      title: 'Data augmentation',
      figure: 'augment',
      preset: { perClass: 3 },
      pace: 30,
      stopAt: 300,
      caption:
        'Three glyphs per digit: trained on augmented copies, the classifier reads new, untidy glyphs far better.',
      body: `The cheapest cure for overfitting is more data. When there is no more, we can make some: **data augmentation** trains on transformed copies of the training examples — changes that alter the pixels but not the answer. A "3" turned by ten degrees is still a "3".

Here a small classifier ($144 \\to 48 \\to 10$, ReLU, softmax cross-entropy, Adam) learns the digits 0–9 from a few $12 \\times 12$ glyphs, drawn upright and centred. The validation glyphs are drawn the way new data arrives: tilted, shifted, larger or smaller, fainter, a little noisy.

Two copies of the classifier start from the same weights. One trains on the glyphs as they are. The other gets a freshly transformed copy of every glyph at every step, $\\tilde x = T(x)$, with $T$ drawn at random from the transformations switched on:

- **rotate** by an angle $\\theta$, **translate** by $t$ pixels, **zoom** by a factor $z$;
- **crop** a random window and stretch it back to $12 \\times 12$;
- **brightness**: multiply every pixel by $b$; **noise**: add $\\varepsilon \\sim \\mathcal{N}(0, \\sigma^2)$ to every pixel.

The gallery shows the training glyphs and what the augmented copy saw at the latest step; the formula gives the draw of its first glyph. Every draw comes from the run's seed, so a share link replays the same transformations.

Augmentation is a regulariser: the augmented network can no longer memorise a few exact images, so its training accuracy rises more slowly — a little more bias — while the gap to validation accuracy shrinks. It helps only when $T$ keeps the label: flipping a "6" upside down makes a "9".`,
      tryThis: [
        'Press Play and watch both validation curves. Which one levels off first, and where?',
        'Switch every augmentation off but one. Which single transformation helps the most on these validation glyphs?',
        'Raise the training glyphs per digit to 20. Does augmentation still matter as much?',
        'Compare training and validation accuracy of each classifier: which one has the larger gap?',
      ],
      predict: {
        question:
          'Before you press Play: by step 300, which copy will recognise more of the varied validation glyphs?',
        options: [
          'The one trained on the plain images',
          'The one trained on augmented copies',
          'About the same',
        ],
        outcome: (now) => {
          const plain = now.valAccPlain;
          const augmented = now.valAccAugmented;
          if (now.step < 300 || plain === undefined || augmented === undefined) return null;
          const evidence = `validation accuracy at step ${now.step}: plain ${formatMetric(plain, 3)}, augmented ${formatMetric(augmented, 3)}`;
          return { option: augmented - plain > 0.05 ? 1 : plain - augmented > 0.05 ? 0 : 2, evidence };
        },
      },
      check: {
        question: 'Which of these is a poor augmentation for a digit classifier?',
        options: [
          'Shifting the image by a pixel or two',
          'Adding a little pixel noise',
          'Rotating the image by 180 degrees',
          'Making the image slightly brighter',
        ],
        answer: 2,
        explanation:
          'An augmentation must keep the label. Turned upside down, a 6 becomes a 9 (and a 2 looks like nothing we draw): the network would be taught wrong answers. Small shifts, noise and brightness changes keep the digit what it is.',
      },
    },
    {
      id: 'batchnorm',
      title: 'Batch normalisation',
      figure: 'batchnorm',
      preset: { depth: 8, lr: 0.1 },
      pace: 60,
      stopAt: 600,
      caption:
        'The same deep sigmoid network from one seed, with and without batch norm: compare the two loss curves.',
      body: `The activations chapter trained a deep, narrow sigmoid network and watched its gradient vanish on the way back to the first layers. **Batch normalisation** changes one thing in that network: before each sigmoid, every neuron's pre-activation $z$ is standardised over the current mini-batch $B$,

$$\\hat z = \\frac{z - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}, \\qquad a = \\sigma(\\gamma\\, \\hat z + \\beta),$$

where $\\mu_B$ and $\\sigma_B^2$ are the mean and variance of $z$ over the batch, and the **scale** $\\gamma$ and **shift** $\\beta$ are learned like the weights (they start at 1 and 0). At inference there is no batch: the layer uses running averages of $\\mu_B$ and $\\sigma_B^2$ collected during training. The losses here are measured that way, on the whole training set.

Two networks train side by side from the same initial weights, on the same mini-batches, with the same plain SGD:

- **activation histograms**, one row per layer (measured on the training set, as at inference): without batch norm every layer's outputs stay bunched in a narrow band and hardly change as the network trains; with it each layer's inputs are standardised, so its outputs spread over much more of the sigmoid's range (the spread read-out below the figure);
- **gradient norms** per layer: without batch norm they shrink layer after layer towards the input; with it much more of the gradient reaches the first layer;
- the **learned** $\\gamma$ **and** $\\beta$: the network may undo the standardisation where that helps — batch norm makes a good scale the default, not a constraint.

Because $\\mu_B$ and $\\sigma_B$ depend on which samples share the batch, each sample's output is slightly noisy during training, a mild regulariser like dropout. Its main effect, though, is on optimisation: deep networks train faster and tolerate larger learning rates.`,
      tryThis: [
        'Press Play and compare the two loss curves. Which one is still no better than a coin toss (L = ln 2)?',
        'Look at the histograms of the deepest layers in both networks. Where do their activations sit?',
        'Make the network shallow (2 layers). Is batch norm still needed?',
        'Raise the learning rate. Which network copes, and which one only oscillates?',
      ],
      check: {
        question: 'What does a batch-norm layer use for μ and σ² at inference?',
        options: [
          'The mean and variance of the single input it is given',
          'Running averages collected over the training mini-batches',
          'Always 0 and 1',
          'The learned γ and β',
        ],
        answer: 1,
        explanation:
          'A single input has no batch statistics to speak of, so during training the layer keeps running averages of the batch means and variances and uses them at inference. γ and β are the learned scale and shift applied after normalising.',
      },
    },
    {
      id: 'search',
      title: 'Choosing hyperparameters: grid versus random search',
      figure: 'search',
      preset: { budget: 9 },
      pace: 1,
      stopAt: 9,
      caption:
        'Same budget of short trainings, two ways to spend it: a grid tries few learning rates, random search many.',
      body: `The learning rate $\\alpha$, the penalty strength $\\lambda$, the degree, the width, $p$: these are **hyperparameters**, chosen before training rather than learned by it. The usual way to choose them is to try several settings and keep the one whose network does best on the **validation set**:

$$(\\alpha^*, \\lambda^*) = \\operatorname*{arg\\,min}_{(\\alpha, \\lambda) \\in \\text{trials}} L_{\\text{val}}(\\alpha, \\lambda)$$

Never the test set: picking the setting that scores best on it would tune the model to the test samples, and its test error would no longer estimate the error on new data. The test set is used **once**, for the chosen network, after the search is over.

Each trial here trains a small tanh network for a short while with plain gradient descent and L2 penalty $\\lambda$, from the same initial weights on the same data, so trials differ only in $\\alpha$ and $\\lambda$. Both axes are searched on a log scale. One of them matters a lot — the learning rate: too small and the network barely moves, too large and it blows up. The other, $\\lambda$ over this small range, barely changes anything.

Two ways to spend the same budget of $N$ trainings:

- **Grid search** tries every combination of $\\sqrt{N}$ values per axis. With $N = 9$ that is only three learning rates, each tried three times with different, unimportant values of $\\lambda$.
- **Random search** draws both values at random (log-uniformly) for every trial, so all $N$ trials try a different learning rate.

When only some hyperparameters matter, random search covers the ones that do much more densely — the argument of Bergstra and Bengio (2012). One search on one seed can be lucky either way, so the figure then repeats both searches on further seeds (new data, new initial weights, new random points) and counts which one found the lower validation error.`,
      tryThis: [
        'Press Play and watch both scatters fill in. How many different learning rates has the grid tried when it finishes — and the random search?',
        'Before the searches finish, predict which one will end with the lower validation error. Then let them finish.',
        'Press Play again (or Run 100) to repeat the comparison on more seeds. Does the count agree with your prediction?',
        'Raise the budget to 16. Does the grid catch up?',
        'Press “New random start” for another seed: are the same trials of the grid still the best?',
      ],
      check: {
        question: 'Why may a search pick its hyperparameters by validation error, but not by test error?',
        options: [
          'The test set is smaller',
          'Choosing by test error tunes the model to the test samples, so its test error no longer estimates the error on new data',
          'The validation error is always lower than the test error',
          'Random search cannot compute the test error',
        ],
        answer: 1,
        explanation:
          'Every choice made by looking at a set fits the model a little to that set. The validation set absorbs those choices; the test set, used once at the end, stays an honest estimate.',
      },
    },
  ],
});

import { defineChapter } from '../../lessons/defineChapter';
import { GRADIENT_PRESET, HELLO_PRESET } from './presets';
import { formatMetric } from '../../components/run/formatMetric';

/**
 * Chapter 8 — recurrent neural networks, as lesson data. Figures are keys of figures/index.tsx; steps 3–6 use the
 * 'char-model' experiment (src/experiments/charModel) and their presets are its parameter names.
 * Numbers that appear in the prose are the worked example's sizes (checked in chapter.test.ts); everything else is a
 * live read-out on the page.
 */
export const chapter = defineChapter({
  id: 'rnn',
  figures: ['unrolled', 'worked-example', 'train', 'generate', 'hidden', 'gradients'],
  lessons: [
    {
      id: 'one-cell',
      title: 'One cell, every time step',
      figure: 'unrolled',
      caption: 'One cell, the same weights at every time step; the hidden state carries the context forward.',
      body: `A feed-forward network sees one input and forgets it. Text, prices and sensor readings come as **sequences**, where what came before changes what comes next. A recurrent network reads a sequence one element at a time and keeps a **hidden state** $h_t$, a vector that summarises what it has read so far.

At every time step the same cell (the notes draw it as a box called $A$) combines the previous hidden state with the new input:

$$\\begin{aligned} h_t &= \\tanh\\big(W_{hh}\\, h_{t-1} + W_{xh}\\, x_t\\big), \\\\ y_t &= W_{hy}\\, h_t . \\end{aligned}$$

$W_{xh}$ maps the input into the hidden space, $W_{hh}$ maps the old hidden state to the new one, and $W_{hy}$ reads an output $y_t$ off the hidden state. Like the notes, we leave out biases here; the course writes weights as $W$ throughout, and these three are named by what they connect (from $x$ to $h$, from $h$ to $h$, from $h$ to $y$) instead of by layer number.

The key idea is **weight sharing through time**: the loop is one cell whose weights are the same at every step. Drawn out step by step ("unrolled"), the network looks like a deep feed-forward network with one layer per character — all layers sharing one set of weights. The sequence can be as long as we like without adding a single parameter.`,
      tryThis: [
        'Type a word and watch the diagram grow by one column per character.',
        'Type the same character twice in a row. Are the two columns’ hidden states the same? Why not?',
        'Change only the first character: which columns change?',
      ],
      check: {
        question:
          'An RNN reads a 50-character line instead of a 5-character one. How many more weights does it use?',
        options: [
          'Ten times as many',
          'None: the same cell and weights are applied at every step',
          'One more W_hh per character',
          'It depends on the vocabulary',
        ],
        answer: 1,
        explanation:
          'The unrolled network is longer, but every column is the same cell with the same W_xh, W_hh and W_hy. Only the amount of computation grows.',
      },
    },
    {
      id: 'worked-example',
      title: 'The notes’ example, number by number',
      figure: 'worked-example',
      caption: 'hₜ = tanh(W_hh hₜ₋₁ + W_xh xₜ), yₜ = W_hy hₜ — every product with its numbers.',
      body: `The notes work through a tiny character model on the text "hello world!". Its vocabulary is the set of distinct characters: $h, e, l, o$, the space, $w, r, d$ and $!$ — nine of them (the page counts them). Each character becomes a **one-hot** vector $x_t$ of length 9, with a single 1 at the character's index.

With a hidden state of size 5 and $h_0 = 0$, the shapes follow from the equations: $W_{hh}$ is $5 \\times 5$, $W_{xh}$ is $5 \\times 9$ and $W_{hy}$ is $9 \\times 5$. That is $25 + 45 + 45 = 115$ parameters, used again at every step.

Because $x_t$ is one-hot, the product $W_{xh} x_t$ simply picks the column of $W_{xh}$ that belongs to the character. The recurrent term $W_{hh} h_{t-1}$ is what carries the past in. The output $y_t$ has one score per character of the vocabulary; a softmax turns it into a probability for the **next** character. The weights here are random, so the predictions are still nonsense — training (next step) fixes that.`,
      tryThis: [
        'Slide through the time steps and find the two places where the model reads the same character “l” right after another “l” and right after “e”: are their hidden states equal?',
        'Check that W_xh xₜ is exactly the column of W_xh under the current character.',
        'At t = 1, why is the W_hh term all zeros?',
      ],
      check: {
        question: 'With hidden size 5 and a vocabulary of 9 characters, what is the shape of W_hy?',
        options: ['5 × 9', '9 × 5', '5 × 5', '9 × 9'],
        answer: 1,
        explanation:
          'W_hy maps the 5-dimensional hidden state to 9 scores, one per character: 9 rows, 5 columns.',
      },
    },
    {
      id: 'training',
      title: 'Training: predict the next character',
      figure: 'train',
      preset: HELLO_PRESET,
      pace: 2,
      stopAt: 30,
      caption:
        'Predict the next character; cross-entropy summed over the sequence; backpropagation through time.',
      body: `To train, we ask the model to predict every next character. At step $t$ the softmax of $y_t$ is a distribution over the vocabulary, and the loss is the cross-entropy against the character that really comes next, $x_{t+1}$:

$$L = -\\sum_t \\log \\hat y_{t}[x_{t+1}], \\qquad \\hat y_t = \\mathrm{softmax}(y_t).$$

(Mind the minus sign: a log-probability is negative, and the loss must be positive and shrink as the model improves.) The notes sum the losses over the sequence; the read-outs divide by the number of characters so that runs with different chunk lengths compare. In **bits per character** ($\\log_2$ instead of $\\ln$), a model that ignores all context scores the **unigram baseline**, the entropy of the character frequencies. The **validation** loss is the same measure on the end of the text, which the model never trains on: it tells learning the language from memorising the training chunks (the notes' short text has no part to spare, so it has none).

The gradient flows backwards through the unrolled network: **backpropagation through time** (BPTT). Since the weights are shared, each weight's gradient is the sum of its gradients at every time step. A long text cannot be unrolled in one piece, so we move through it in **chunks of $p$ characters**: the hidden state is carried from one chunk into the next, but gradients stop at the chunk boundary (**truncated BPTT**).

This step starts on the notes' own text, "hello world". Press Play and watch greedy generation from "h" reproduce it; then switch the training text to the bundled stories, or paste a text of your own (any language) under "Train on your own text": the vocabulary is built from its characters.`,
      tryThis: [
        'Press Play and watch the per-position bars: which characters stay hardest to predict the longest, and why?',
        'Make the chunk length p small. Can the model still learn which “l” is followed by “o”?',
        'Switch the training text to the bundled stories and compare the loss with the unigram baseline.',
        'Paste a text in another language or alphabet. How big is its vocabulary, and how low does the loss get?',
      ],
      predict: {
        question:
          'Before you press Play: by step 30, will the network predict the next character better than a model that only knows how often each character occurs (fewer bits per character than that unigram baseline)?',
        options: ['Yes', 'No'],
        outcome: (now) => {
          const bpc = now.bpc;
          const unigram = now.unigramBpc;
          if (now.step < 30 || bpc === undefined || unigram === undefined) return null;
          return {
            option: bpc < unigram ? 0 : 1,
            evidence: `${formatMetric(bpc, 3)} bits per character at step ${now.step}, unigram baseline ${formatMetric(unigram, 3)}`,
          };
        },
      },
      check: {
        question: 'In truncated BPTT with chunks of p characters, what crosses the chunk boundary?',
        options: [
          'Nothing: each chunk starts from h₀ = 0',
          'The hidden state goes forward, but gradients do not flow back across it',
          'Gradients flow back across it, but the hidden state is reset',
          'Both the hidden state and the gradients',
        ],
        answer: 1,
        explanation:
          'The last hidden state of a chunk is the first state of the next one (so context is kept), but it is treated as a constant: backpropagation stops at the boundary, which keeps the cost per step bounded.',
      },
    },
    {
      id: 'generating',
      title: 'Generating text',
      figure: 'generate',
      pace: 25,
      caption: 'Sample the next character from the softmax, feed it back in, repeat.',
      body: `A trained model writes text one character at a time. Feed it a seed text, take the distribution $\\mathrm{softmax}(y_t)$ over the next character, pick one, feed it back in as $x_{t+1}$, and repeat.

**Greedy** decoding always picks the most probable character. It is deterministic and tends to get stuck in loops ("the the the"). **Sampling** draws the character at random with those probabilities, which keeps the text varied. A **temperature** $\\tau$ divides the scores first, $\\mathrm{softmax}(y_t/\\tau)$: below 1 it sharpens the distribution (safer, more repetitive), above 1 it flattens it (more surprising, more mistakes).

Press Play and press "Sample now" every few seconds: the early samples are random characters, then letter frequencies appear, then spaces at word-like intervals, then real short words.`,
      tryThis: [
        'Press Play, then press “Sample now” now and then. When do the first real words appear?',
        'Turn on greedy decoding. What happens to the text after a while?',
        'Walk through a sample with the slider: find a place where the model was unsure and a place where it was certain.',
        'Set the temperature very low, then very high.',
      ],
      check: {
        question: 'What does raising the temperature τ above 1 do?',
        options: [
          'It makes generation greedy',
          'It flattens the distribution: rarer characters are picked more often',
          'It trains the model faster',
          'It makes the distribution sharper',
        ],
        answer: 1,
        explanation:
          'Dividing the scores by τ > 1 shrinks their differences, so the softmax spreads probability more evenly.',
      },
    },
    {
      id: 'hidden-state',
      title: 'What the hidden state holds',
      figure: 'hidden',
      pace: 25,
      caption: 'The hidden state over a line of text: some units track spaces, punctuation or capitals.',
      body: `The hidden state is the model's only memory, so it must encode whatever helps predict the next character: where we are in a word, whether a quote is open, whether a sentence just ended.

The heatmap shows $h_t$ — one row per hidden unit, one column per character — for a line of text, computed with the current weights. Pick a unit to colour the line by its activation. The page looks for the units most correlated with spaces, vowels, punctuation and capital letters; on a trained model some units follow such patterns closely, others are harder to read, and the picture differs from run to run. We show what this model has learned, not a promise of a particular unit.`,
      tryThis: [
        'Train for a while (steps 3–4), then come back: do the offered units match their character class better than at the start?',
        'Type a line with a quotation in it. Does any unit stay switched on between the quotes?',
        'Pick the unit most tied to spaces and watch the coloured line: does it fire before the space, on it, or after it?',
      ],
      check: {
        question: 'Why might a hidden unit learn to track whether the current word has ended?',
        options: [
          'Because it was programmed to',
          'Because that information helps predict the next character, and the hidden state is the only place to keep it',
          'Because tanh is symmetric',
          'Because the vocabulary contains a space',
        ],
        answer: 1,
        explanation:
          'Nothing tells a unit what to track: training shapes the hidden state into whatever summary of the past lowers the next-character loss.',
      },
    },
    {
      id: 'vanishing-exploding',
      title: 'Vanishing and exploding gradients through time',
      figure: 'gradients',
      preset: GRADIENT_PRESET,
      pace: 5,
      caption: '‖∂L_T/∂h_{T−k}‖ shrinks or grows geometrically with k; clipping keeps training finite.',
      body: `How much does the loss at the last step, $L_T$, depend on a hidden state $k$ steps earlier? By the chain rule, going back one step multiplies the gradient by the Jacobian $\\partial h_t / \\partial h_{t-1} = \\mathrm{diag}(1 - h_t^2)\\, W_{hh}$:

$$\\frac{\\partial L_T}{\\partial h_{T-k}} = \\frac{\\partial L_T}{\\partial h_T}\\; \\frac{\\partial h_T}{\\partial h_{T-1}} \\cdots \\frac{\\partial h_{T-k+1}}{\\partial h_{T-k}} .$$

That is $k$ factors of roughly the same matrix. If $W_{hh}$ shrinks vectors (its spectral radius $\\rho$, the largest $|\\lambda|$, is below 1) the product decays geometrically: the gradient **vanishes**, and the model cannot learn that something far back matters. If it stretches them ($\\rho > 1$), the product can grow geometrically: the gradient **explodes**, one update throws the weights far away and training is ruined.

The curve shows $\\lVert \\partial L_T / \\partial h_{T-k} \\rVert$ against $k$ on a fixed line, live. The setting "spectral radius of W_hh at start" starts $W_{hh}$ as a random rotation scaled to that radius. **Gradient-norm clipping** rescales the whole gradient whenever its norm exceeds a threshold: it cures explosions (the direction is kept, the step is bounded), but not vanishing. For that we need a different cell — the LSTM, next chapter.`,
      tryThis: [
        'Lower the radius below 1 and watch the curve collapse; raise it above 1 and watch it climb.',
        'With a large radius, turn clipping off and press Play: what does the status say?',
        'With clipping on and a large radius, train for a while: does the curve stay the same as the weights change?',
      ],
      check: {
        question:
          'Gradient clipping rescales the gradient when its norm is too large. Which problem does it fix?',
        options: ['Vanishing gradients', 'Exploding gradients', 'Both', 'Neither'],
        answer: 1,
        explanation:
          'Clipping bounds the size of an update, so an exploding gradient can no longer wreck the weights. A vanishing gradient is tiny, and clipping never makes anything larger.',
      },
    },
  ],
});

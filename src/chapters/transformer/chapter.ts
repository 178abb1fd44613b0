import { defineChapter } from '../../lessons/defineChapter';
import { formatMetric } from '../../components/run/formatMetric';

/**
 * The Transformer chapter as data: six lesson steps. Figures are keys of figures/index.tsx `FIGURES`; presets are
 * parameters of the 'transformer' experiment (src/experiments/transformer/).
 */
export const chapter = defineChapter({
  id: 'transformer',
  figures: ['tokens', 'attention-by-hand', 'multi-head', 'block', 'train', 'decode'],
  lessons: [
    {
      id: 'tokens-to-vectors',
      title: 'From tokens to vectors',
      figure: 'tokens',
      body: `A Transformer never sees letters. A tokeniser splits the input into tokens, a vocabulary turns each token into an integer id, and an embedding table $W_E$ turns each id into a row vector of length $d_{\\text{model}}$. Stacking the rows of a sequence of $n$ tokens gives a matrix $X \\in \\mathbb{R}^{n \\times d_{\\text{model}}}$. The original model multiplies the embeddings by $\\sqrt{d_{\\text{model}}}$ so that they are not drowned by what comes next.

Attention, the heart of the model, treats its input as a **set**: shuffle the rows of $X$ and every output row is shuffled the same way and otherwise unchanged. Order matters for language (and for reversing a sequence!), so we add it back explicitly. The sinusoidal positional encoding gives position $p$ a vector whose dimensions oscillate at different frequencies:

$$\\begin{aligned} \\mathrm{PE}_{p,\\,2i} &= \\sin\\!\\left(p / 10000^{2i/d_{\\text{model}}}\\right), \\\\ \\mathrm{PE}_{p,\\,2i+1} &= \\cos\\!\\left(p / 10000^{2i/d_{\\text{model}}}\\right). \\end{aligned}$$

The model's input is $E = \\sqrt{d_{\\text{model}}}\\,X + \\mathrm{PE}$. Low dimensions change quickly from one position to the next, high dimensions slowly, like the hands of a clock. Nearby positions therefore get similar vectors, and the similarity of two positions depends only on how far apart they are.`,
      tryThis: [
        'Type your own sequence and watch which rows of the embedding table are picked out.',
        'In the position-similarity map, check that every diagonal has (almost) the same colour: similarity depends on the distance between positions, not on where they are.',
        'Shrink $d_{\\text{model}}$: with fewer frequencies, far-apart positions look more alike.',
      ],
      check: {
        question: 'Why does a Transformer need a positional encoding at all?',
        options: [
          'Because the embeddings are too small without it.',
          'Because attention treats its input as an unordered set: without positions, "abc" and "cba" would look the same up to a reordering.',
          'Because softmax needs positive inputs.',
          'Because the vocabulary has no special tokens.',
        ],
        answer: 1,
        explanation:
          'Self-attention is permutation-equivariant: it mixes rows by content only. Adding a vector that depends on the position is how the model learns where each token is.',
      },
      caption: 'tokens → ids → embeddings × √d, plus a positional encoding',
    },
    {
      id: 'attention-by-hand',
      title: 'Self-attention, one head, by hand',
      figure: 'attention-by-hand',
      body: `Self-attention lets every position gather information from every other position. Each row of $X$ is projected three ways: a query (what am I looking for?), a key (what do I offer?) and a value (what do I pass on if chosen):

$$Q = X W_Q, \\qquad K = X W_K, \\qquad V = X W_V .$$

The score of query $i$ against key $j$ is their dot product, divided by $\\sqrt{d_k}$ so that long vectors do not push softmax into saturation. A softmax along each row turns scores into weights that are positive and sum to 1, and the output row is the weighted average of the value rows:

$$\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}\\!\\left(\\frac{Q K^{\\top}}{\\sqrt{d_k}}\\right) V .$$

A decoder must not peek at tokens it has not produced yet. The **causal mask** sets the scores above the diagonal (key after query) to $-\\infty$ before the softmax, so their weights become exactly 0 and each row re-normalises over the past only.`,
      tryThis: [
        'Hover a query row in the weights: the keys it attends to light up.',
        'Toggle the causal mask and watch the upper triangle vanish; notice that the first row then attends only to itself.',
        'Type a longer or a shorter input. What shape do the scores have, and which of $n$ and $d_k$ decides it?',
      ],
      check: {
        question: 'Each row of the attention weights softmax(QKᵀ/√d_k)…',
        options: [
          'sums to 1, so the output row is a weighted average of the value rows.',
          'sums to n, the sequence length.',
          'is one-hot: each query picks exactly one key.',
          'is the same for every query.',
        ],
        answer: 0,
        explanation:
          'Softmax makes each row a probability distribution over the keys. Sharp rows are close to one-hot, but in general the output mixes several values.',
      },
      caption: 'Q = XW_Q, K = XW_K, V = XW_V; softmax(QKᵀ/√d_k)V',
    },
    {
      id: 'multi-head',
      title: 'Multi-head attention',
      figure: 'multi-head',
      body: `One attention pattern per layer is limiting: a token may need to look at its neighbour for one reason and at the start of the sentence for another. Multi-head attention runs $h$ attention heads side by side, each with its own smaller projections of size $d_k = d_{\\text{model}}/h$:

$$\\mathrm{head}_i = \\mathrm{Attention}(X W_Q^{(i)},\\, X W_K^{(i)},\\, X W_V^{(i)}).$$

The head outputs are concatenated back to width $d_{\\text{model}}$ and mixed by an output projection $W_O$:

$$\\mathrm{MHA}(X) = \\mathrm{Concat}(\\mathrm{head}_1, \\dots, \\mathrm{head}_h)\\, W_O .$$

Splitting $d_{\\text{model}}$ between the heads keeps the cost about the same as one full-width head, while each head is free to learn its own pattern.`,
      tryThis: [
        'Compare the heads: with random weights they differ only by chance; after training (step 5) they specialise.',
        'Change the number of heads and check the shapes: $h \\cdot d_k = d_{\\text{model}}$.',
      ],
      check: {
        question: 'With d_model = 32 and 4 heads, what width does each head’s query have?',
        options: ['32', '128', '8', '4'],
        answer: 2,
        explanation: 'd_k = d_model / h = 32 / 4 = 8; concatenating the 4 heads gives back width 32.',
      },
      caption: 'heads side by side → concatenate → W_O',
    },
    {
      id: 'the-block',
      title: 'The block: residuals and layer norm',
      figure: 'block',
      body: `A Transformer layer wraps each sublayer in a **residual connection** (add the sublayer's input to its output) and a **layer norm** (standardise each row to mean 0 and variance 1, then apply a learned scale and shift). An encoder layer has two sublayers, self-attention and a position-wise feed-forward network (FFN, a small two-layer MLP applied to every row separately):

$$\\begin{aligned} E' &= \\mathrm{LayerNorm}\\big(E + \\mathrm{MHA}(E)\\big), \\\\ E'' &= \\mathrm{LayerNorm}\\big(E' + \\mathrm{FFN}(E')\\big). \\end{aligned}$$

Note that the FFN reads $E'$, the output of the attention sublayer, not the layer's input $E$ (some notes write $\\mathrm{FFN}(E)$; that is a slip). The encoder's last output is $H$. A decoder layer has three sublayers: masked self-attention over the output so far, **cross-attention** whose queries come from the decoder and whose keys and values come from $H$, and an FFN:

$$\\begin{aligned} D' &= \\mathrm{LayerNorm}\\big(D + \\mathrm{MHA}_{\\text{masked}}(D)\\big), \\\\ D'' &= \\mathrm{LayerNorm}\\big(D' + \\mathrm{MHA}_{\\text{cross}}(D', H)\\big), \\\\ D''' &= \\mathrm{LayerNorm}\\big(D'' + \\mathrm{FFN}(D'')\\big). \\end{aligned}$$

Every decoder layer attends to the **same** $H$. Residuals give gradients a straight path through a deep stack; layer norm keeps the activations on a fixed scale however many layers are stacked. The original model stacked 6 encoder and 6 decoder layers; ours uses 1–3 so it trains in seconds.`,
      tryThis: [
        'Step through the sublayers and watch which box lights up.',
        'Compare the histograms before and after layer norm: the spread is reset to about 1 at every sublayer.',
      ],
      check: {
        question: 'In a decoder layer, where do the keys and values of cross-attention come from?',
        options: [
          'From the decoder’s own previous layer.',
          'From the encoder’s output H (the same H for every decoder layer).',
          'From the positional encoding.',
          'From the output embedding.',
        ],
        answer: 1,
        explanation:
          'Cross-attention asks the decoder’s questions (queries) of the encoder’s answers: keys and values are projections of H.',
      },
      caption: 'each sublayer: residual + layer norm; FFN reads E′',
    },
    {
      id: 'train-live',
      title: 'Train it live',
      figure: 'train',
      preset: { task: 'reverse' },
      // the anti-diagonal forms over the first ~200 updates: about 10 s at this pace
      pace: 20,
      body: `Now a real encoder–decoder trains in your browser, on toy sequence-to-sequence tasks where we know the right answer: **reverse** a sequence, **copy** it, **sort** it, **shift** every letter (a Caesar cipher), or **add** two small numbers written as digits.

The decoder is trained with **teacher forcing**: at every position it is given the correct previous tokens and asked for the next one, and the loss is the cross-entropy of its predictions. **Token accuracy** counts correct next-token predictions under teacher forcing on held-out sequences the model never trains on; **sequence accuracy** counts whole sequences that come out exactly right when the model decodes on its own (greedy).

Watch the cross-attention. To reverse a sequence, output position $i$ needs input position $n-1-i$, so as the model learns, the cross-attention map turns into an **anti-diagonal**. For copy it becomes the diagonal; for sort, each output digit looks at where that digit sits in the input.`,
      tryThis: [
        'Before you press Play with the reverse task: sketch the cross-attention map you expect once the model has learned. Then Play and compare.',
        'Switch to copy: which diagonal appears now?',
        'Try sort and pick an example: does each output token look at the input token it copies?',
        'Raise the learning rate tenfold, or turn off warm-up, and compare the loss curves.',
      ],
      predict: {
        question:
          'Before you press Play: once the model has learned to reverse, where will each output token’s cross-attention sit in the input?',
        options: [
          'On the diagonal (the same position)',
          'On the anti-diagonal (the mirrored position)',
          'Spread evenly over the input',
        ],
        outcome: (now) => {
          if (now.step < 200) return null;
          const anti = now.antiDiagonalMass ?? 0;
          const diag = now.diagonalMass ?? 0;
          const evidence = `at step ${now.step}: ${formatMetric(anti, 3)} of the attention on the anti-diagonal, ${formatMetric(diag, 3)} on the diagonal`;
          if (anti > 0.5) return { option: 1, evidence };
          if (diag > 0.5) return { option: 0, evidence };
          return now.step >= 600 ? { option: 2, evidence } : null;
        },
      },
      check: {
        question:
          'A model reverses sequences perfectly. What does the cross-attention of output position i (of n) look at?',
        options: [
          'Input position i (the diagonal).',
          'Input position n − 1 − i (the anti-diagonal).',
          'All input positions equally.',
          'Only the first input position.',
        ],
        answer: 1,
        explanation:
          'To write the i-th output token it must read the i-th token from the end of the input, so the attention mass sits on the anti-diagonal.',
      },
      caption: 'training live: watch the attention form',
    },
    {
      id: 'decoding',
      title: 'Decoding, token by token',
      figure: 'decode',
      preset: { task: 'reverse' },
      pace: 20,
      body: `To generate, the decoder starts from a start token and repeatedly predicts the next token from everything it has produced so far. The final decoder vectors $Z$ are turned into scores over the vocabulary, the **logits**:

$$\\text{logits} = Z\\, W_E^{\\top} + b ,$$

and a softmax turns the logits of the **last position** into a probability for every token. **Greedy** decoding takes the most probable token; **sampling** draws one at random, with a temperature $\\tau$ that divides the logits first ($\\tau < 1$ sharpens, $\\tau > 1$ flattens). The chosen token is appended and the loop repeats until an end token or a length limit.

Notice the $W_E^{\\top}$: the output layer reuses the input embedding matrix, transposed (**tied embeddings**). A logit is then the dot product between the decoder's vector and each token's embedding — "which token does this vector look like?" — and the model has fewer parameters to learn.`,
      tryThis: [
        'Train the reverse task first (step 5), then type a sequence and step the decoder one token at a time.',
        'Watch the cross-attention of each new token hop along the input from the end to the start.',
        'Switch to sampling and raise the temperature: when do mistakes start to appear?',
      ],
      check: {
        question: 'The next token is predicted from…',
        options: [
          'the average of all decoder positions.',
          'the first position’s vector only.',
          'the last position’s vector, turned into logits and a softmax over the vocabulary.',
          'the encoder output H directly.',
        ],
        answer: 2,
        explanation:
          'The last position may attend to every earlier position, so its vector summarises the whole prefix and alone produces the next-token distribution. (The causal mask is what stops the other positions from looking ahead; it does not give the last one anything.)',
      },
      caption: 'logits = Z W_Eᵀ + b → softmax → greedy or sampled next token',
    },
  ],
});

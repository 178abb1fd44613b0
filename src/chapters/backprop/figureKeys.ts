/** Figure keys the two chapter pages understand (lesson data names them; the pages map them to components). */
export const BACKPROP_FIGURES = ['one-param', 'two-param', 'chain', 'network', 'slice'] as const;
export const GRADIENT_DESCENT_FIGURES = ['batch-modes', 'lr-race', 'optimisers', 'param-panel'] as const;

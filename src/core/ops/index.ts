/** All primitive ops, by family. */
export * from './elementwise';
export * from './activations';
export * from './reduce';
export * from './matmul';
export * from './shape';
export * from './nn';
export * from './attention';
export * from './recurrent';

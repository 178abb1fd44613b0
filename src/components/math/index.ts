export { Tex, type TexProps } from './Tex';
export { Prose, type ProseProps } from './Prose';
export { parseProse, parseInline, proseToPlainText, texIn, type Block, type Inline } from './parseProse';
export { renderTex, type TexResult } from './renderTex';

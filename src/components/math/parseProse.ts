/**
 * Lesson prose → a small tree (never HTML). Syntax:
 * - paragraphs are separated by blank lines;
 * - `$…$` inline TeX, `$$…$$` display TeX (a paragraph that is only `$$…$$` becomes a display block);
 * - `\$` is a literal dollar sign; an unmatched `$` is literal too;
 * - `**bold**` and `` `code` ``;
 * - a paragraph whose every line starts with `- ` is a bullet list.
 * Everything else is text, rendered by React as text nodes.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'code'; text: string };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'math'; tex: string }
  | { kind: 'list'; items: Inline[][] };

const MAX_PROSE = 100_000;

export function parseProse(text: string): Block[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const source = text.length > MAX_PROSE ? text.slice(0, MAX_PROSE) : text;
  return splitParagraphs(source).map(parseBlock);
}

/** Blank-line separated chunks, but a `$$…$$` that spans a blank line stays in one chunk. */
function splitParagraphs(text: string): string[] {
  const raw = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  const out: string[] = [];
  let pending = '';
  for (const chunk of raw) {
    pending = pending ? `${pending}\n\n${chunk}` : chunk;
    if (countDisplayDelimiters(pending) % 2 === 0) {
      if (pending.trim()) out.push(pending.trim());
      pending = '';
    }
  }
  if (pending.trim()) out.push(pending.trim());
  return out;
}

function countDisplayDelimiters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '$' && s[i + 1] === '$') {
      n++;
      i++;
    }
  }
  return n;
}

function parseBlock(chunk: string): Block {
  const lines = chunk.split('\n');
  if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
    return { kind: 'list', items: lines.map((l) => parseInline(l.replace(/^\s*[-*]\s+/, ''))) };
  }
  const inlines = parseInline(chunk);
  if (inlines.length === 1 && inlines[0].kind === 'math' && inlines[0].display) {
    return { kind: 'math', tex: inlines[0].tex };
  }
  return { kind: 'paragraph', children: inlines };
}

/** Index of the next unescaped occurrence of `delim` at or after `from`, or -1. */
function findClosing(s: string, delim: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(delim, i)) return i;
  }
  return -1;
}

export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    if (c === '$') {
      const display = s[i + 1] === '$';
      const delim = display ? '$$' : '$';
      const end = findClosing(s, delim, i + delim.length);
      const tex = end >= 0 ? s.slice(i + delim.length, end) : '';
      if (end >= 0 && tex.trim() !== '') {
        flush();
        out.push({ kind: 'math', tex: tex.trim(), display });
        i = end + delim.length;
        continue;
      }
    } else if (c === '*' && s[i + 1] === '*') {
      const end = s.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(s.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    } else if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** Every TeX fragment in a prose string, display and inline, in reading order (for checks that KaTeX parses them). */
export function texIn(text: string): string[] {
  const inline = (items: Inline[]): string[] =>
    items.flatMap((n) => (n.kind === 'math' ? [n.tex] : n.kind === 'strong' ? inline(n.children) : []));
  return parseProse(text).flatMap((b) =>
    b.kind === 'math' ? [b.tex] : b.kind === 'list' ? b.items.flatMap(inline) : inline(b.children),
  );
}

/**
 * A plain-text reading of one line of prose, for accessible names (e.g. a radio option that is only a formula, whose
 * KaTeX markup gives assistive tech nothing to name it by): TeX commands become their names (`\alpha` → `alpha`),
 * braces, `$` and markup characters go.
 */
export function proseToPlainText(text: string): string {
  return parseInline(text)
    .map(function flatten(part: Inline): string {
      if (part.kind === 'strong') return part.children.map(flatten).join('');
      if (part.kind === 'math') return texToPlainText(part.tex);
      return part.text;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function texToPlainText(tex: string): string {
  return tex
    .replace(/\\(?:frac|dfrac)\{([^{}]*)\}\{([^{}]*)\}/g, '$1 / $2')
    .replace(/\\(?:,|;|!|quad|qquad)/g, ' ')
    .replace(/\\(?:left|right|big|Big|mathrm|text|operatorname|mathbf)\b/g, '')
    .replace(/\\([a-zA-Z]+)/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/\^/g, ' to the ')
    .replace(/_/g, ' ');
}

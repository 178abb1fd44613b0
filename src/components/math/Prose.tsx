import { Fragment, memo, useMemo } from 'react';
import { Tex } from './Tex';
import { parseProse, type Inline } from './parseProse';

/**
 * Lesson prose with math. Props:
 * - `text`: paragraphs separated by blank lines; `$…$` inline TeX, `$$…$$` display TeX, `**bold**`, `` `code` ``,
 *   `- ` bullet lists (see parseProse.ts). Rendered as React text nodes and KaTeX — never as HTML from the text.
 * - `className`: extra class on the wrapping `<div class="prose">`.
 */
export interface ProseProps {
  text: string;
  className?: string;
}

export const Prose = memo(function Prose({ text, className }: ProseProps) {
  const blocks = useMemo(() => parseProse(text), [text]);
  return (
    <div className={className ? `prose ${className}` : 'prose'}>
      {blocks.map((b, i) => {
        if (b.kind === 'math') return <Tex key={i} tex={b.tex} display className="prose-math" />;
        if (b.kind === 'list')
          return (
            <ul key={i}>
              {b.items.map((item, j) => (
                <li key={j}>
                  <Inlines items={item} />
                </li>
              ))}
            </ul>
          );
        return (
          <p key={i}>
            <Inlines items={b.children} />
          </p>
        );
      })}
    </div>
  );
});

function Inlines({ items }: { items: Inline[] }) {
  return (
    <>
      {items.map((n, i) => {
        switch (n.kind) {
          case 'text':
            return <Fragment key={i}>{n.text}</Fragment>;
          case 'math':
            return <Tex key={i} tex={n.tex} display={n.display} />;
          case 'strong':
            return (
              <strong key={i}>
                <Inlines items={n.children} />
              </strong>
            );
          case 'code':
            return <code key={i}>{n.text}</code>;
        }
      })}
    </>
  );
}

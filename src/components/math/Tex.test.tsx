// @vitest-environment jsdom
import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { Tex } from './Tex';
import { Prose } from './Prose';
import { renderTex } from './renderTex';

afterEach(cleanup);

function allAttributeValues(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
}

describe('Tex', () => {
  it('renders inline and display math with KaTeX markup and MathML', () => {
    const { container } = render(
      <>
        <Tex tex="\frac{a}{b}" />
        <Tex tex="x^2" display />
      </>,
    );
    expect(container.querySelectorAll('.katex').length).toBe(2);
    expect(container.querySelector('.katex-display')).not.toBeNull();
    expect(container.querySelector('math')).not.toBeNull();
  });

  it('renders a parse error as red source text, not an exception', () => {
    const { container } = render(<Tex tex="\frac{a" />);
    expect(container.querySelector('.katex-error')).not.toBeNull();
    expect(container.textContent).toContain('\\frac{a');
  });

  it.each([
    ['\\href{javascript:alert(1)}{x}'],
    ['\\url{javascript:alert(1)}'],
    ['\\htmlData{foo=bar}{x}'],
    ['\\htmlClass{evil}{x}'],
    ['\\htmlStyle{position:fixed}{x}'],
    ['\\includegraphics{http://example.com/x.png}'],
  ])('does not turn %s into a link or an attribute', (tex) => {
    const { container } = render(<Tex tex={tex} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-foo]')).toBeNull();
    expect(container.querySelector('.evil')).toBeNull();
    // the source appears only as text (MathML annotation), never inside an attribute
    const attrs = allAttributeValues(container).join(' ');
    expect(attrs).not.toContain('javascript:');
    expect(attrs).not.toContain('position:fixed');
    expect(attrs).not.toContain('foo');
    // shown as an error (KaTeX's error colour), with the command name visible to the reader
    expect(container.querySelector('.katex-error, [style*="color"]')).not.toBeNull();
  });

  it('stops macro bombs (maxExpand) and huge sizes (maxSize) without throwing', () => {
    const bomb = '\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{xxxxxxxxxx}' + '\\a'.repeat(200);
    const r = renderTex(bomb);
    expect(r.html === null || r.html.includes('katex-error')).toBe(true);
    const { container } = render(<Tex tex={bomb} />);
    expect(container.textContent).not.toBe('');
    const big = renderTex('\\rule{100000em}{1em}');
    expect(big.html).not.toBeNull();
    expect(big.html).toContain('border-right-width:20em');
    expect(big.html).not.toMatch(/style="[^"]*100000em/);
  });

  it('does not leak macros between calls', () => {
    renderTex('\\gdef\\leak{LEAKED} \\leak');
    const r = renderTex('\\leak');
    expect(r.html).not.toContain('LEAKED');
  });

  it('falls back to plain text for input KaTeX refuses', () => {
    const { container } = render(<Tex tex={'x'.repeat(5000)} />);
    expect(container.querySelector('.tex-fallback')).not.toBeNull();
    expect(container.querySelector('.katex')).toBeNull();
  });

  it('updates live numbers in place', () => {
    const { container, rerender } = render(<Tex tex="w = 0.31" />);
    const span = container.firstElementChild;
    rerender(<Tex tex="w = 0.32" />);
    expect(container.firstElementChild).toBe(span);
    expect(container.textContent).toContain('0.32');
  });
});

describe('Prose', () => {
  it('renders paragraphs, inline and display math', () => {
    const { container } = render(
      <Prose
        text={'The loss $L = (y - \\hat y)^2$ falls.\n\n$$\\nabla L = 0$$\n\nCosts \\$5 and **bold** `code`.'}
      />,
    );
    const ps = container.querySelectorAll('p');
    expect(ps.length).toBe(2);
    expect(ps[0].querySelector('.katex')).not.toBeNull();
    expect(container.querySelector('.katex-display')).not.toBeNull();
    expect(ps[1].textContent).toContain('Costs $5');
    expect(ps[1].querySelector('strong')?.textContent).toBe('bold');
    expect(ps[1].querySelector('code')?.textContent).toBe('code');
  });

  it('never renders HTML from the text', () => {
    const { container } = render(<Prose text={'<img src=x onerror=alert(1)> <b>hi</b>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('keeps an unmatched dollar as text and renders bullet lists', () => {
    const { container } = render(<Prose text={'Price $3 only\n\n- one $x$\n- two'} />);
    expect(container.querySelector('p')?.textContent).toBe('Price $3 only');
    expect(container.querySelectorAll('li').length).toBe(2);
    expect(container.querySelector('li .katex')).not.toBeNull();
  });

  it('renders nothing for empty text', () => {
    const { container } = render(<Prose text="" />);
    expect(container.querySelector('p')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape.ts';
import { markdownToPlainText, renderInlineMarkdown, renderMarkdown } from './markdown.ts';

describe('the assessment Markdown renderer', () => {
  it('turns blank-line separated text into paragraphs and joins wrapped lines', () => {
    expect(renderMarkdown('First line\ncontinues here.\n\nSecond paragraph.')).toBe('<p>First line continues here.</p>\n<p>Second paragraph.</p>');
  });

  it('renders a numbered list after an introducing paragraph, as the growth check writes it', () => {
    const html = renderMarkdown('Confirmed at +2, because:\n\n1. Every product needs engineers.\n2. Models are multimodal.\n');
    expect(html).toBe('<p>Confirmed at +2, because:</p>\n<ol><li>Every product needs engineers.</li><li>Models are multimodal.</li></ol>');
  });

  it('renders bulleted lists and folds a continuation line into its item', () => {
    expect(renderMarkdown('- one\n  more of one\n- two')).toBe('<ul><li>one more of one</li><li>two</li></ul>');
  });

  it('renders bold and emphasis', () => {
    expect(renderMarkdown('**Title fragmentation.** The title is *not* settled.')).toBe(
      '<p><strong>Title fragmentation.</strong> The title is <em>not</em> settled.</p>',
    );
  });

  it('does not treat multiplication signs or lone asterisks as emphasis', () => {
    expect(renderInlineMarkdown('3.65 * 1.32 * 1.06')).toBe('3.65 * 1.32 * 1.06');
  });

  it('links http and https addresses only', () => {
    expect(renderInlineMarkdown('See [BLS](https://www.bls.gov/ooh/) and [x](ftp://example.com/a).')).toBe(
      'See <a href="https://www.bls.gov/ooh/" rel="nofollow noopener">BLS</a> and [x](ftp://example.com/a).',
    );
  });

  it('escapes markup, script links and attribute break-outs (XSS attempts)', () => {
    const attack = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) [y](https://a.example/"onmouseover="alert(4))';
    const html = renderMarkdown(attack);
    expect(html).not.toMatch(/<script|<img|href="javascript|onmouseover="/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).toContain('[click](javascript:alert(3))');
    expect(html).toContain('href="https://a.example/&quot;onmouseover=&quot;alert(4"');
  });

  it('cannot be tricked by a placeholder character in the input', () => {
    expect(renderInlineMarkdown('a\u00000\u0000b [l](https://x.example)')).toBe('a0b <a href="https://x.example" rel="nofollow noopener">l</a>');
  });

  it('returns nothing for missing text', () => {
    expect(renderMarkdown(undefined)).toBe('');
    expect(renderInlineMarkdown('')).toBe('');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('reduces Markdown to plain text for a meta description', () => {
    expect(markdownToPlainText('**Bold** and *em* with [a link](https://x.example)\nover lines.')).toBe('Bold and em with a link over lines.');
  });
});

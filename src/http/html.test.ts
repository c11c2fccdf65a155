import { describe, expect, it } from 'vitest';
import { html, unsafeHtml } from './html.ts';

describe('html template', () => {
  it('escapes every interpolated value', () => {
    const name = '<script>alert("x")</script> & \'friends\'';
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;</p>',
    );
  });

  it('nests templates and lists without double escaping', () => {
    const items = ['a&b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul>');
  });

  it('drops null, undefined and false, keeps 0', () => {
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });

  it('passes trusted markup through only when marked', () => {
    expect(html`${unsafeHtml('<svg></svg>')}`.value).toBe('<svg></svg>');
  });
});

import { describe, expect, it } from 'vitest';
import { emailVerificationMail } from './account-mails';
import { escapeHtml, mailSubject, renderMail } from './render-mail';
import { mentionMail } from './workspace-mails';

describe('renderMail', () => {
  it('escapes every user-written text in the HTML and keeps it verbatim in the text part', () => {
    const hostile = `<img src=x onerror="alert(1)"> & 'quotes'`;
    const mail = mentionMail({
      authorName: hostile,
      articleTitle: '<script>alert(2)</script>',
      quote: '</blockquote><iframe src="https://evil.example">',
      comment: `@ana look <a href="javascript:alert(3)">here</a>`,
      url: 'https://app.example/w/ws/articles/a?annotation=b&x="y"',
    });
    expect(mail.html).not.toMatch(/<img|<script|<iframe|<a href="javascript/i);
    expect(mail.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;');
    expect(mail.html).toContain('href="https://app.example/w/ws/articles/a?annotation=b&amp;x=&quot;y&quot;"');
    expect(mail.text).toContain(hostile);
    expect(mail.text).toContain('Open the passage: https://app.example/w/ws/articles/a?annotation=b&x="y"');
    expect(mail.text).toContain('> @ana look <a href="javascript:alert(3)">here</a>');
  });

  it('makes subjects one header line, whatever a name contains', () => {
    expect(mailSubject('Hello\r\nBcc: victim@example.test')).toBe('Hello Bcc: victim@example.test');
    expect(mailSubject('x'.repeat(500))).toHaveLength(200);
    const mail = mentionMail({ authorName: 'Eve\nBcc: a@b.c', articleTitle: 'T', quote: 'q', comment: 'c', url: 'u' });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('shortens long comments and keeps the action link in both parts', () => {
    const mail = mentionMail({
      authorName: 'A',
      articleTitle: 'T',
      quote: 'q',
      comment: 'w'.repeat(5000),
      url: 'https://x.test/p',
    });
    expect(mail.text.length).toBeLessThan(1200);
    expect(mail.html).toContain('https://x.test/p');
    const verify = emailVerificationMail({ name: 'Ana', url: 'https://x.test/verify-email/abc' });
    expect(verify.text).toContain('https://x.test/verify-email/abc');
    expect(renderMail({ subject: 's', blocks: [{ type: 'quote', text: 'a\nb' }] }).text).toContain('> a\n> b');
  });

  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

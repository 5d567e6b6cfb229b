// The constraints page's HTML. The rules are our own constant text, escaped all the same.
import { ANNOTATION_CONSTRAINTS } from './constraints';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export function renderConstraintsPage(): string {
  const rules = Object.entries(ANNOTATION_CONSTRAINTS)
    .map(([id, rule]) => `<li id="${escape(id)}"><p><code>${escape(id)}</code></p><p>${escape(rule)}</p></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Marginalia: annotation constraints</title></head>
<body><main>
<h1>What an annotation container accepts</h1>
<p>Each article's container (<code>/api/articles/{id}/annotations/</code>) is a W3C Web Annotation Protocol
container. Besides the Protocol's own rules, it enforces these; a refused annotation gets 422 naming the rule.</p>
<ol>
${rules}
</ol>
</main></body></html>
`;
}

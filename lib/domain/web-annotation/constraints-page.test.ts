import { describe, expect, it } from 'vitest';
import { ANNOTATION_CONSTRAINTS } from './constraints';
import { renderConstraintsPage } from './constraints-page';

describe('the constraints page', () => {
  it('lists every rule under an anchor that refusals can point at', () => {
    const html = renderConstraintsPage();
    for (const id of Object.keys(ANNOTATION_CONSTRAINTS)) expect(html).toContain(`<li id="${id}">`);
    expect(html).toContain('finding, quote, rebuttal');
  });
});

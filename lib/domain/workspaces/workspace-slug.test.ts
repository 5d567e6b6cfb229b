import { describe, expect, it } from 'vitest';
import { personalWorkspaceName, slugify, workspaceSlug } from './workspace-slug';

describe('workspace slugs', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Zoë’s Fact-Check Desk!')).toBe('zoe-s-fact-check-desk');
  });
  it('falls back when nothing readable is left', () => {
    expect(slugify('日本語')).toBe('workspace');
  });
  it('adds the random tail', () => {
    expect(workspaceSlug('Legal Review', 'x7k2')).toBe('legal-review-x7k2');
  });
  it('names a personal workspace after the first name', () => {
    expect(personalWorkspaceName('  Ada Lovelace ')).toBe("Ada's workspace");
    expect(personalWorkspaceName('')).toBe('My workspace');
  });
});

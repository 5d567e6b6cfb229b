import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel } from './audit-action-labels';

describe('auditActionLabel', () => {
  it('names every action in words, never as its code', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label, action).not.toMatch(/[._]/);
      expect(auditActionLabel(action)).toBe(label);
    }
    expect(new Set(Object.values(AUDIT_ACTION_LABELS)).size).toBe(Object.keys(AUDIT_ACTION_LABELS).length);
  });

  it('shows an action this build does not know as stored', () => {
    expect(auditActionLabel('something.new')).toBe('something.new');
  });
});

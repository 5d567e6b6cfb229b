import { describe, expect, it } from 'vitest';
import { TAGS } from '@/lib/domain/annotations/tags';
import { READING_SHORTCUTS, readingCommand, type KeyPress } from './shortcuts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});

describe('readingCommand', () => {
  it('moves by character, by word with Ctrl or Alt, and extends with Shift', () => {
    expect(readingCommand(press('ArrowRight'))).toEqual({
      type: 'move',
      unit: 'character',
      direction: 1,
      extend: false,
    });
    expect(readingCommand(press('ArrowLeft', { ctrlKey: true }))).toEqual({
      type: 'move',
      unit: 'word',
      direction: -1,
      extend: false,
    });
    expect(readingCommand(press('ArrowRight', { altKey: true, shiftKey: true }))).toEqual({
      type: 'move',
      unit: 'word',
      direction: 1,
      extend: true,
    });
  });

  it('maps the letter keys and leaves modified letters to the browser', () => {
    expect(readingCommand(press('s'))).toEqual({ type: 'sentence' });
    expect(readingCommand(press('j'))).toEqual({ type: 'annotation', direction: 1 });
    expect(readingCommand(press('k'))).toEqual({ type: 'annotation', direction: -1 });
    expect(readingCommand(press('Enter'))).toEqual({ type: 'open' });
    expect(readingCommand(press('?', { shiftKey: true }))).toEqual({ type: 'help' });
    expect(readingCommand(press('s', { ctrlKey: true }))).toBeNull();
    expect(readingCommand(press('j', { metaKey: true }))).toBeNull();
    expect(readingCommand(press('S', { shiftKey: true }))).toBeNull();
  });

  it('leaves Tab, vertical arrows and tag keys alone (tags have their own handler)', () => {
    for (const key of ['Tab', 'ArrowDown', 'ArrowUp', ' ', '1', '2', '3'])
      expect(readingCommand(press(key))).toBeNull();
  });
});

describe('READING_SHORTCUTS', () => {
  it('lists one tag key per tag, in tag order', () => {
    const tagging = READING_SHORTCUTS.find((group) => group.title.startsWith('Tagging'))!;
    expect(tagging.shortcuts.map((shortcut) => shortcut.keys)).toEqual(TAGS.map((_, index) => [String(index + 1)]));
  });

  it('lists every letter key the handler answers to', () => {
    const listed = new Set(READING_SHORTCUTS.flatMap((group) => group.shortcuts.flatMap((shortcut) => shortcut.keys)));
    for (const key of ['s', 'j', 'k', 'Enter', '?', 'Esc']) expect(listed.has(key)).toBe(true);
  });
});

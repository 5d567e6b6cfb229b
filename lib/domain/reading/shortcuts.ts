// The reading view's keyboard shortcuts, defined once: the key handler and the "?" dialog read
// them from here. Tag keys come from the tag vocabulary.
import { TAGS, TAG_LABELS, type Tag } from '@/lib/domain/annotations/tags';
import type { Direction } from './reading-cursor';

export type ReadingCommand =
  | { type: 'move'; unit: 'character' | 'word'; direction: Direction; extend: boolean }
  | { type: 'sentence' }
  | { type: 'annotation'; direction: Direction }
  | { type: 'open' }
  | { type: 'collapse' }
  | { type: 'help' };

export type KeyPress = { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean };

/** What a key press in the article means, or null for keys the browser keeps (Tab, scrolling). */
export function readingCommand(press: KeyPress): ReadingCommand | null {
  if (press.metaKey) return null;
  if (press.key === 'ArrowRight' || press.key === 'ArrowLeft') {
    const direction: Direction = press.key === 'ArrowRight' ? 1 : -1;
    const unit = press.ctrlKey || press.altKey ? 'word' : 'character';
    return { type: 'move', unit, direction, extend: press.shiftKey };
  }
  if (press.ctrlKey || press.altKey) return null;
  if (press.key === 'Escape') return { type: 'collapse' };
  if (press.key === '?') return { type: 'help' };
  if (press.shiftKey) return null;
  if (press.key === 's') return { type: 'sentence' };
  if (press.key === 'j') return { type: 'annotation', direction: 1 };
  if (press.key === 'k') return { type: 'annotation', direction: -1 };
  if (press.key === 'Enter') return { type: 'open' };
  return null;
}

export type ShortcutGroup = { title: string; shortcuts: { keys: string[]; action: string }[] };

const tagKey = (tag: Tag) => String(TAGS.indexOf(tag) + 1);

export const READING_SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: 'Reading cursor',
    shortcuts: [
      { keys: ['← →'], action: 'Move by character' },
      { keys: ['Ctrl or Alt', '← →'], action: 'Move by word' },
      { keys: ['Shift', '← →'], action: 'Extend the selection (with Ctrl or Alt: by word)' },
      { keys: ['s'], action: 'Select the sentence at the cursor' },
      { keys: ['Esc'], action: 'Drop the selection' },
    ],
  },
  {
    title: 'Tagging the selection',
    shortcuts: TAGS.map((tag) => ({ keys: [tagKey(tag)], action: `Tag as ${TAG_LABELS[tag]}` })),
  },
  {
    title: 'Annotations',
    shortcuts: [
      { keys: ['j'], action: 'Next annotation in the text' },
      { keys: ['k'], action: 'Previous annotation in the text' },
      { keys: ['Enter'], action: 'Open its card and its discussion' },
      { keys: ['Esc'], action: 'From a card: back to its passage' },
    ],
  },
  { title: 'Help', shortcuts: [{ keys: ['?'], action: 'Show these shortcuts' }] },
];

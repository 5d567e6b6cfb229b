'use client';

import { useId, useState, type KeyboardEvent } from 'react';

export type Member = { id: string; name: string };

type Props = {
  value: string;
  onChange: (value: string) => void;
  members: Member[];
  label: string;
  placeholder?: string;
  maxLength?: number;
};

const MENTION_QUERY = /(^|\s)@([^\s@]{0,30}(?: [^\s@]{0,30})?)$/;

/** The members whose "@Name" still stands in the text: those are the people to notify. */
export function mentionedIds(text: string, members: Member[]): string[] {
  return members.filter((member) => text.includes(`@${member.name}`)).map((member) => member.id);
}

/** A textarea that offers workspace members after "@", by keyboard (arrows, Enter or Tab, Escape) or mouse. */
export function MentionTextarea({ value, onChange, members, label, placeholder, maxLength }: Props) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const query = value.slice(0, caret).match(MENTION_QUERY)?.[2];
  const suggestions =
    query === undefined || query === dismissed
      ? []
      : members.filter((member) => member.name.toLowerCase().includes(query.toLowerCase())).slice(0, 6);
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  function choose(member: Member) {
    const before = value.slice(0, caret).replace(/@[^@]*$/, `@${member.name} `);
    const next = before + value.slice(caret);
    onChange(next);
    setCaret(before.length);
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(suggestions[activeIndex]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(query ?? null);
    }
  }

  return (
    <div className="relative">
      <textarea
        aria-label={label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        className="block w-full rounded-md border border-stone-300 px-2 py-1.5 text-sm"
        rows={2}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Mention a member"
          className="absolute z-10 mt-1 w-full overflow-hidden rounded-md border border-stone-200 bg-white text-sm shadow-lg"
        >
          {suggestions.map((member, index) => (
            <li
              key={member.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(member);
              }}
              className={`cursor-pointer px-2 py-1 ${index === activeIndex ? 'bg-accent-50 text-accent-800' : 'text-stone-800'}`}
            >
              @{member.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

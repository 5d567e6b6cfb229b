'use client';

import { useEffect, useState } from 'react';
import { Button } from './button';

/**
 * Copies a secret or a link to the clipboard and says so where a screen reader hears it.
 * Where the Clipboard API is refused (an http page that is not localhost), it says to copy by hand.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        aria-label={label}
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setState('copied'),
            () => setState('failed'),
          )
        }
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span role="status" className="text-sm text-stone-600">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'failed'
            ? 'Copying was refused: select the text and copy it.'
            : ''}
      </span>
    </span>
  );
}

'use client';

import { useState } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { PRIVILEGE_BASIS_MAX_LENGTH } from '@/lib/validation/privilege';
import type { AnnotationPatch } from './annotation-patch';

/** The card's "Privileged" badge, with the stated basis as its accessible description. */
export function PrivilegedBadge({ annotation }: { annotation: AnnotationView }) {
  if (annotation.privilegeBasis === null || annotation.privilegeBasis === undefined) return null;
  return (
    <span
      className="rounded bg-stone-800 px-1.5 py-0.5 text-xs font-medium text-white"
      data-testid="privileged-badge"
      title={`Privileged and confidential: ${annotation.privilegeBasis}`}
    >
      Privileged
      <span className="sr-only">: {annotation.privilegeBasis}</span>
    </span>
  );
}

/**
 * Mark the annotation (and its thread) privileged on a stated basis, or withdraw it. Shown to
 * those who may change the annotation, which are those who may mark it (lib/domain/permissions).
 */
export function PrivilegeControl({
  annotation,
  onChange,
}: {
  annotation: AnnotationView;
  onChange: (id: string, patch: AnnotationPatch) => Promise<boolean>;
}) {
  const [asking, setAsking] = useState(false);
  const [basis, setBasis] = useState('attorney-client');
  const privileged = annotation.privilegeBasis !== null && annotation.privilegeBasis !== undefined;
  if (privileged) {
    return (
      <button
        type="button"
        onClick={() => void onChange(annotation.id, { privilege: null })}
        className="rounded px-1.5 py-0.5 text-xs text-stone-600 hover:bg-stone-100"
      >
        Withdraw privilege
      </button>
    );
  }
  if (!asking) {
    return (
      <button
        type="button"
        onClick={() => setAsking(true)}
        className="rounded px-1.5 py-0.5 text-xs text-stone-600 hover:bg-stone-100"
      >
        Mark privileged
      </button>
    );
  }
  return (
    <form
      className="flex basis-full flex-wrap items-center gap-1.5"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await onChange(annotation.id, { privilege: basis.trim() })) setAsking(false);
      }}
    >
      <label className="text-xs text-stone-600" htmlFor={`privilege-basis-${annotation.id}`}>
        Basis
      </label>
      <input
        id={`privilege-basis-${annotation.id}`}
        autoFocus
        required
        value={basis}
        maxLength={PRIVILEGE_BASIS_MAX_LENGTH}
        onChange={(event) => setBasis(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setAsking(false)}
        className="min-w-0 flex-1 rounded border border-stone-300 px-1.5 py-0.5 text-xs"
      />
      <button type="submit" className="rounded bg-stone-800 px-2 py-0.5 text-xs font-medium text-white">
        Mark
      </button>
      <button type="button" onClick={() => setAsking(false)} className="rounded px-1.5 py-0.5 text-xs text-stone-600">
        Cancel
      </button>
    </form>
  );
}

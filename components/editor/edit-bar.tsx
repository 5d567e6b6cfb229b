'use client';

import { Button } from '@/components/ui/button';
import { TagLegend } from './tag-legend';

type Props = {
  mode: 'review' | 'edit';
  canEdit: boolean;
  canAnnotate: boolean;
  pending: boolean;
  onStart: () => void;
  onSave: () => void;
  onCancel: () => void;
};

/** Above the article: the tag legend while reviewing, and the edit / save / cancel buttons for editors. */
export function EditBar({ mode, canEdit, canAnnotate, pending, onStart, onSave, onCancel }: Props) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white px-3 py-2">
      {mode === 'edit' ? (
        <p className="text-sm font-medium text-stone-800">Editing the text. Highlights follow your edits.</p>
      ) : (
        <TagLegend showKeys={canAnnotate} />
      )}
      {canEdit ? (
        mode === 'edit' ? (
          <div className="flex gap-2">
            <Button onClick={onSave} disabled={pending}>
              {pending ? 'Saving…' : 'Save revision'}
            </Button>
            <Button variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={onStart}>
            Edit text
          </Button>
        )
      ) : null}
    </div>
  );
}

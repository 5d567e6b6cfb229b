'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { sendJson } from '@/components/ui/api-client';

/** The daily digest setting: saved as soon as the box changes. */
export function DailyDigestToggle({ enabled: initial }: { enabled: boolean }) {
  const [enabled, setEnabled] = useState(initial);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function change(next: boolean) {
    // The box follows the click at once and goes back if the server refuses.
    setEnabled(next);
    setPending(true);
    setMessage(null);
    const result = await sendJson<{ dailyDigest: boolean }>('/api/account/digest', 'PUT', { enabled: next });
    setPending(false);
    if (!result.ok) {
      setEnabled(!next);
      setMessage({ error: true, text: result.message });
      return;
    }
    setEnabled(result.value.dailyDigest);
    setMessage({
      error: false,
      text: result.value.dailyDigest ? 'The daily digest is on.' : 'The daily digest is off.',
    });
  }

  return (
    <div className="space-y-2">
      <label className="flex items-center gap-2 text-sm text-stone-800">
        <input
          type="checkbox"
          checked={enabled}
          disabled={pending}
          onChange={(event) => void change(event.target.checked)}
        />
        Mail me a daily digest of unread mentions and assignments
      </label>
      {message?.error ? <Alert>{message.text}</Alert> : null}
      {message && !message.error ? (
        <p role="status" className="text-sm text-emerald-700">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

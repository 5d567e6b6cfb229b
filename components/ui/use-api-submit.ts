'use client';

import { useState } from 'react';
import type { ApiResult } from './api-client';

export type ApiFailure = { message: string; fields?: Record<string, string[]> };

/** A form's call to the API: pending while it runs, the failure to show, the value on success (else null). */
export function useApiSubmit() {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  async function run<T>(work: () => Promise<ApiResult<T>>): Promise<T | null> {
    setPending(true);
    setFailure(null);
    const result = await work();
    setPending(false);
    if (result.ok) return result.value;
    setFailure(result);
    return null;
  }
  return { pending, failure, run };
}

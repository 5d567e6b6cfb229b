'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Alert } from '@/components/ui/alert';
import { isFinished, type ImportJobView } from '@/lib/domain/import/import-job';

const POLL_MS = 1000;

/** Follows a background import (a file over 1 MB) until it is done, then links to the article. */
export function ImportJobProgress({ job: initial, statusUrl }: { job: ImportJobView; statusUrl: string }) {
  const [job, setJob] = useState(initial);
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    if (isFinished(job.state)) return;
    const timer = setTimeout(async () => {
      const result = await callApi<ImportJobView>(statusUrl, { cache: 'no-store' }, (r) => r.json());
      // A failed poll is retried: the job goes on without us, and a brief outage must not read as a failed import.
      setUnreachable(!result.ok);
      if (result.ok) setJob(result.value);
      else setJob((current) => ({ ...current }));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, statusUrl]);

  if (job.state === 'failed') {
    return <Alert>{`${job.fileName} could not be imported. ${job.error ?? ''}`.trim()}</Alert>;
  }
  if (job.state === 'done' && job.article) {
    return (
      <Alert tone="info">
        {job.fileName} is imported.{' '}
        <Link href={job.article.url} className="font-medium underline">
          Open the article
        </Link>
      </Alert>
    );
  }
  const label = job.state === 'queued' ? `Waiting to convert ${job.fileName}…` : `Converting ${job.fileName}…`;
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm text-stone-600">
        <span>{label}</span>
        <span>{job.progress}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={job.progress}
        className="h-2 overflow-hidden rounded-full bg-stone-200"
      >
        <div className="h-full rounded-full bg-accent-600 transition-[width]" style={{ width: `${job.progress}%` }} />
      </div>
      <p className="text-sm text-stone-500">
        Large files are converted in the background; you can leave this page and find the article in the list later.
      </p>
      {unreachable ? <p className="text-sm text-amber-700">We could not reach the server; still trying.</p> : null}
    </div>
  );
}

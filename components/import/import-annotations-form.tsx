'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { MAX_UPLOAD_BYTES, formatFileSize } from './file-size';
import { ProgressBar } from './progress-bar';
import { uploadWithProgress, type UploadPhase } from './upload-with-progress';

type ImportSummary = { articles: number; annotations: number; replies: number; links: number };

/** Re-imports a JSON-LD export: its articles, annotations, replies and links. */
export function ImportAnnotationsForm({ workspaceSlug }: { workspaceSlug: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadPhase | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSummary(null);
    if (!file) return setError('Choose an export file (.jsonld or .json).');
    if (file.size > MAX_UPLOAD_BYTES) {
      return setError(`${file.name} is ${formatFileSize(file.size)}. Files up to 10 MB can be imported.`);
    }
    const body = new FormData();
    body.set('file', file);
    setProgress({ phase: 'uploading', fraction: 0 });
    const result = await uploadWithProgress<ImportSummary>(
      `/api/workspaces/${workspaceSlug}/annotations/import`,
      body,
      setProgress,
    ).done;
    setProgress(null);
    if (!result.ok) return setError(result.message);
    setSummary(result.value);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Import annotations">
      <div>
        <label htmlFor="import-annotations-file" className="block text-sm font-medium text-stone-700">
          Export file (.jsonld or .json)
        </label>
        <input
          id="import-annotations-file"
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          className="mt-2 block text-sm text-stone-700 file:mr-3 file:rounded-md file:border-0 file:bg-stone-100 file:px-3 file:py-2 file:text-sm file:font-medium"
        />
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {progress ? <ProgressBar progress={progress} label={file?.name ?? 'the export'} /> : null}
      {summary ? (
        <Alert tone="info">
          Imported {summary.articles} {summary.articles === 1 ? 'article' : 'articles'}, {summary.annotations}{' '}
          {summary.annotations === 1 ? 'annotation' : 'annotations'}, {summary.replies}{' '}
          {summary.replies === 1 ? 'reply' : 'replies'} and {summary.links} {summary.links === 1 ? 'link' : 'links'}.{' '}
          <Link href={`/w/${workspaceSlug}`} className="font-medium underline">
            See the articles
          </Link>
        </Alert>
      ) : null}
      <Button type="submit" disabled={progress !== null}>
        {progress ? 'Importing…' : 'Import annotations'}
      </Button>
    </form>
  );
}

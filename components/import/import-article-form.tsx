'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { sendJson } from '@/components/ui/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { ImportJobView } from '@/lib/domain/import/import-job';
import { MAX_UPLOAD_BYTES, formatFileSize } from './file-size';
import { ImportJobProgress } from './import-job-progress';
import { ProgressBar } from './progress-bar';
import { uploadWithProgress, type UploadPhase } from './upload-with-progress';

type Mode = 'file' | 'paste';
type Imported = { id: string; title: string; url: string };
/** A file over 1 MB: the server answers 202 with the background import to follow. */
type Queued = ImportJobView & { statusUrl: string };

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.docx,.pdf';
const DETAIL_FIELDS = ['title', 'byline', 'sourceUrl', 'publishedAt'] as const;

/** Upload (.txt, .md, .html, .docx, .pdf) or paste an article, with optional details that override the document's. */
export function ImportArticleForm({ workspaceSlug }: { workspaceSlug: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>('file');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [progress, setProgress] = useState<UploadPhase | null>(null);
  const [pending, setPending] = useState(false);
  const abortUpload = useRef<(() => void) | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [queued, setQueued] = useState<Queued | null>(null);
  const endpoint = `/api/workspaces/${workspaceSlug}/articles`;

  function chooseFile(chosen: File | null) {
    setError(null);
    setRefused(null);
    if (chosen && chosen.size > MAX_UPLOAD_BYTES) {
      const message = `${chosen.name} is ${formatFileSize(chosen.size)}. Files up to 10 MB can be imported.`;
      setFile(null);
      // The picker would go on showing the refused file while nothing is chosen.
      if (fileInput.current) fileInput.current.value = '';
      setRefused(message);
      setError(message);
      return;
    }
    setFile(chosen);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setFieldErrors({});
    setQueued(null);
    let result;
    setPending(true);
    if (mode === 'file') {
      if (!file) {
        setPending(false);
        setError(refused ?? 'Choose a file to import.');
        return;
      }
      const body = new FormData();
      body.set('file', file);
      for (const name of DETAIL_FIELDS) body.set(name, String(form.get(name) ?? ''));
      setProgress({ phase: 'uploading', fraction: 0 });
      const upload = uploadWithProgress<Imported | Queued>(endpoint, body, setProgress);
      abortUpload.current = upload.abort;
      result = await upload.done;
      abortUpload.current = null;
    } else {
      setProgress({ phase: 'processing' });
      result = await sendJson<Imported>(endpoint, 'POST', {
        text: String(form.get('text') ?? ''),
        format: String(form.get('format') ?? 'text'),
        ...Object.fromEntries(DETAIL_FIELDS.map((name) => [name, String(form.get(name) ?? '')])),
      });
    }
    setProgress(null);
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fields ?? {});
      return;
    }
    if ('statusUrl' in result.value) setQueued(result.value);
    else router.push(result.value.url);
  }

  return (
    <form onSubmit={submit} className="space-y-6" aria-label="Import an article">
      <div role="radiogroup" aria-label="Import from" className="inline-flex rounded-lg border border-stone-300 p-1">
        {(
          [
            ['file', 'Upload a file'],
            ['paste', 'Paste text'],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={mode === value}
            onClick={() => setMode(value)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${mode === value ? 'bg-accent-700 text-white' : 'text-stone-700 hover:bg-stone-100'}`}
          >
            {label}
          </button>
        ))}
      </div>

      {mode === 'file' ? (
        <div
          className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-8 text-center"
          onDragOver={(event) => event.preventDefault()}
          onDrop={(event) => {
            event.preventDefault();
            chooseFile(event.dataTransfer.files[0] ?? null);
          }}
        >
          <label htmlFor="import-file" className="block text-sm font-medium text-stone-800">
            Document (.txt, .md, .html, .docx or text .pdf, up to 10 MB)
          </label>
          <input
            id="import-file"
            ref={fileInput}
            name="file"
            type="file"
            accept={ACCEPT}
            onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
            className="mx-auto mt-3 block text-sm text-stone-700 file:mr-3 file:rounded-md file:border-0 file:bg-stone-100 file:px-3 file:py-2 file:text-sm file:font-medium"
          />
          <p className="mt-2 text-sm text-stone-500">
            {file ? `${file.name} · ${formatFileSize(file.size)}` : 'Or drop a file here.'}
          </p>
        </div>
      ) : (
        <div className="space-y-3">
          <div>
            <label htmlFor="import-text" className="block text-sm font-medium text-stone-700">
              Article text
            </label>
            <textarea
              id="import-text"
              name="text"
              rows={12}
              required
              className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-serif text-stone-900"
              placeholder="Paste the article. The first line becomes the title unless you give one below."
            />
            {fieldErrors.text ? <p className="mt-1 text-sm text-red-700">{fieldErrors.text.join(' ')}</p> : null}
          </div>
          <div>
            <label htmlFor="import-format" className="block text-sm font-medium text-stone-700">
              Format
            </label>
            <select
              id="import-format"
              name="format"
              defaultValue="text"
              className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
            >
              <option value="text">Plain text</option>
              <option value="markdown">Markdown</option>
              <option value="html">HTML</option>
            </select>
          </div>
        </div>
      )}

      <fieldset className="grid gap-4 rounded-xl border border-stone-200 bg-white p-5 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium text-stone-800">Details (optional)</legend>
        <p className="text-sm text-stone-500 sm:col-span-2">
          Leave a field empty to take it from the document. You can change all of them later.
        </p>
        <TextField label="Title" name="title" maxLength={300} errors={fieldErrors.title} className="sm:col-span-2" />
        <TextField label="Byline" name="byline" maxLength={300} errors={fieldErrors.byline} />
        <TextField label="Published date" name="publishedAt" type="date" errors={fieldErrors.publishedAt} />
        <TextField
          label="Source URL"
          name="sourceUrl"
          type="url"
          placeholder="https://"
          errors={fieldErrors.sourceUrl}
          className="sm:col-span-2"
        />
      </fieldset>

      {error ? <Alert>{error}</Alert> : null}
      {queued ? <ImportJobProgress key={queued.id} job={queued} statusUrl={queued.statusUrl} /> : null}
      {progress ? <ProgressBar progress={progress} label={mode === 'file' && file ? file.name : 'the text'} /> : null}

      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Importing…' : 'Import article'}
        </Button>
        {pending && mode === 'file' ? (
          <Button type="button" variant="secondary" onClick={() => abortUpload.current?.()}>
            Cancel upload
          </Button>
        ) : null}
      </div>
    </form>
  );
}

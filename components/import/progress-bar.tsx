import type { UploadPhase } from './upload-with-progress';

/** Upload progress, then an indeterminate bar while the server converts the document. */
export function ProgressBar({ progress, label }: { progress: UploadPhase; label: string }) {
  const percent = progress.phase === 'uploading' ? Math.round(progress.fraction * 100) : undefined;
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm text-stone-600">
        <span>{progress.phase === 'uploading' ? `Uploading ${label}…` : `Converting ${label}…`}</span>
        {percent !== undefined ? <span>{percent}%</span> : null}
      </div>
      <div
        role="progressbar"
        aria-label={progress.phase === 'uploading' ? 'Upload progress' : 'Converting'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-stone-200"
      >
        <div
          className={`h-full rounded-full bg-accent-600 transition-[width] ${percent === undefined ? 'w-1/3 animate-pulse' : ''}`}
          style={percent !== undefined ? { width: `${percent}%` } : undefined}
        />
      </div>
    </div>
  );
}

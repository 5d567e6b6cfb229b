import { slugify } from '../workspaces/workspace-slug';

/** A download name people can keep: the workspace or article, the date, the format. */
export function exportFileName(label: string, date: Date, extension: string): string {
  return `${slugify(label, 60, 'review')}-review-${date.toISOString().slice(0, 10)}.${extension}`;
}

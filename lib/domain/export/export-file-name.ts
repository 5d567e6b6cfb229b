/** A download name people can keep: the workspace or article, the date, the format. */
export function exportFileName(label: string, date: Date, extension: string): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || 'review';
  return `${base}-review-${date.toISOString().slice(0, 10)}.${extension}`;
}

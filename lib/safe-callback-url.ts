/** Only same-site paths may be returned to after sign-in, never another origin. */
export function safeCallbackUrl(value: string | string[] | undefined | null, fallback = '/'): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return fallback;
  return url;
}

// Uploaded text must really be text: a binary file renamed to .txt or .html would
// otherwise become an article full of replacement characters.
import { notATextFile } from './import-errors';

const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];
/** Browsers look for a charset declaration this far into a page. */
const CHARSET_SNIFF_BYTES = 1024;

/**
 * windows-1252's characters for bytes 0x80–0x9f (smart quotes, dashes, €). Some Node
 * versions decode that label as ISO-8859-1, which yields invisible control characters.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]!);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function decodeStrictly(bytes: Uint8Array, label: string): string | null {
  try {
    // TextDecoder removes a leading byte order mark itself.
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The encoding an HTML page declares in a <meta> near its top, when the runtime knows it. */
function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  const label = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * UTF-8 text (or UTF-16 with a byte order mark, as Windows Notepad saves it). HTML may
 * also use the legacy encoding its <meta charset> declares. Anything else, or text with
 * NUL characters, is refused as not a text file.
 */
export function decodeTextBytes(bytes: Uint8Array, options: { html?: boolean } = {}): string {
  let text: string | null;
  if (startsWith(bytes, UTF16_LE_BOM)) text = decodeStrictly(bytes, 'utf-16le');
  else if (startsWith(bytes, UTF16_BE_BOM)) text = decodeStrictly(bytes, 'utf-16be');
  else {
    text = decodeStrictly(bytes, 'utf-8');
    const charset = text === null && options.html ? declaredHtmlCharset(bytes) : null;
    if (charset && charset !== 'utf-8') text = decodeStrictly(bytes, charset);
    if (text !== null && charset === 'windows-1252') text = fixWindows1252(text);
  }
  if (text === null || text.includes('\u0000')) throw notATextFile();
  return text;
}

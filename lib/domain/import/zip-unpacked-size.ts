// A .docx is a zip archive. A small archive can unpack to gigabytes, so its sizes are
// checked before a library inflates it: first the sizes it declares (free), then the sizes
// its entries really inflate to, with a cap, because the declared sizes are the sender's word.
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

const inflateRawCapped = promisify(inflateRaw);

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const END_RECORD_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const ZIP64_MARKER = 0xffffffff;
const latin1 = new TextDecoder('latin1');

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function findEndRecord(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - END_RECORD_LENGTH - MAX_COMMENT_LENGTH);
  for (let offset = view.byteLength - END_RECORD_LENGTH; offset >= earliest; offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}

type CentralEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

/** The central directory's entries; null when there is no readable directory. */
function centralEntries(bytes: Uint8Array): CentralEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return null;
  const entryCount = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: CentralEntry[] = [];
  for (let entry = 0; entry < entryCount; entry++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      name: latin1.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/**
 * The total size the selected entries really unpack to, inflating each with a cap on its
 * output: Infinity as soon as the total passes `cap`, null when an entry cannot be read
 * (bad header, unknown compression, corrupt data). Zip64 entries count as infinitely large.
 */
export async function zipInflatedSize(
  bytes: Uint8Array,
  include: (name: string) => boolean,
  cap: number,
): Promise<number | null> {
  const entries = centralEntries(bytes);
  if (!entries) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries.filter((candidate) => include(candidate.name))) {
    if (entry.compressedSize === ZIP64_MARKER || entry.localOffset === ZIP64_MARKER) return Infinity;
    const header = entry.localOffset;
    if (header + 30 > view.byteLength || view.getUint32(header, true) !== LOCAL_FILE_HEADER) return null;
    const dataStart = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    if (data.length !== entry.compressedSize) return null;
    if (entry.method === STORED) total += data.length;
    else if (entry.method === DEFLATED) {
      try {
        total += (await inflateRawCapped(data, { maxOutputLength: cap - total + 1 })).length;
      } catch (error) {
        if (error instanceof RangeError) return Infinity;
        return null;
      }
    } else return null;
    if (total > cap) return Infinity;
  }
  return total;
}

/**
 * The total size the archive's entries (those whose names `include` accepts) declare
 * once unpacked, from its central directory; null when there is no readable directory.
 * Zip64 entries (over 4 GB) count as infinitely large: no document needs them.
 */
export function zipUnpackedSize(bytes: Uint8Array, include: (name: string) => boolean = () => true): number | null {
  const entries = centralEntries(bytes);
  if (!entries) return null;
  let total = 0;
  for (const entry of entries.filter((candidate) => include(candidate.name))) {
    if (entry.size === ZIP64_MARKER) return Infinity;
    total += entry.size;
  }
  return total;
}

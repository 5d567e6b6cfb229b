// A .docx is a zip archive. A small archive can unpack to gigabytes, so its declared
// sizes are checked before anything inflates it.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
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

/**
 * The total size the archive's entries (those whose names `include` accepts) declare
 * once unpacked, from its central directory; null when there is no readable directory.
 * Zip64 entries (over 4 GB) count as infinitely large: no document needs them.
 */
export function zipUnpackedSize(bytes: Uint8Array, include: (name: string) => boolean = () => true): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return null;
  const entryCount = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (offset === ZIP64_MARKER) return Infinity;
  let total = 0;
  for (let entry = 0; entry < entryCount; entry++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const name = latin1.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (include(name)) {
      if (size === ZIP64_MARKER) return Infinity;
      total += size;
    }
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

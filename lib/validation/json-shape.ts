// Checks on parsed JSON that no schema expresses: Postgres text cannot hold NUL, and nesting
// past any document we accept would only exhaust the stack of whatever walks it next.

/**
 * Far deeper than documents get (each nested list adds four levels: content, list, content,
 * item), far shallower than the thousands of frames that overflow a recursive walk.
 */
export const MAX_JSON_DEPTH = 256;

export type JsonShapeProblem = 'nul' | 'too-deep';

/** The first problem found in `value`, walked without recursion; null when there is none. */
export function jsonShapeProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonShapeProblem | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return 'nul';
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    if (depth >= maxDepth) return 'too-deep';
    if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      if (key.includes('\u0000')) return 'nul';
      stack.push({ value: item, depth: depth + 1 });
    }
  }
  return null;
}

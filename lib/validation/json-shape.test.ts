import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, jsonShapeProblem } from './json-shape';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { child: value };
  return value;
};

describe('jsonShapeProblem', () => {
  it('finds NUL in values and keys at any depth', () => {
    expect(jsonShapeProblem({ a: [{ b: 'x\u0000y' }] })).toBe('nul');
    expect(jsonShapeProblem({ 'k\u0000': 1 })).toBe('nul');
    expect(jsonShapeProblem({ a: ['fine', 1, null, true] })).toBeNull();
  });

  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH + 1))).toBe('too-deep');
  });

  it('walks 30,000 levels (a 60 KB body) without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(30_000)}${']'.repeat(30_000)}`) as unknown;
    expect(jsonShapeProblem(deep)).toBe('too-deep');
    expect(jsonShapeProblem(deep, Infinity)).toBeNull();
  });
});

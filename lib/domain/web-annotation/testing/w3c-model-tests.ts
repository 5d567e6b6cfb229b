// The W3C Web Annotation data-model tests (tests/w3c, from the Working Group's test suite):
// each assertion is a draft-04 JSON Schema with a level (must / should / may). This runs the
// assertions of the suite's .test lists over one annotation, collection or page.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const W3C_TESTS_DIR = path.resolve(import.meta.dirname, '../../../../tests/w3c');

export type W3cKind = 'annotation' | 'collection' | 'page';
export type W3cLevel = 'must' | 'should' | 'may';
export type W3cResult = { assertion: string; level: W3cLevel; passed: boolean; message: string };

type Assertion = {
  id: string;
  assertionType: W3cLevel;
  expectedResult: 'valid' | 'invalid';
  errorMessage?: string;
};

const LISTS: Record<W3cKind, string[]> = {
  annotation: ['annotations/annotationMusts.test', 'annotations/annotationOptionals.test'],
  collection: ['collections/collectionMusts.test', 'collections/collectionOptionals.test'],
  page: ['collections/pages/pageMusts.test', 'collections/pages/pageOptionals.test'],
};

const readJson = (file: string) => JSON.parse(readFileSync(path.join(W3C_TESTS_DIR, file), 'utf8'));

function buildValidator() {
  // The suite's schemas carry their own keywords (assertionType, onUnexpectedResult…).
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  for (const file of readdirSync(path.join(W3C_TESTS_DIR, 'definitions')).filter((name) => name.endsWith('.json')))
    ajv.addSchema(readJson(`definitions/${file}`));
  const compiled = new Map<string, { assertion: Assertion; validate: ReturnType<typeof ajv.compile> }>();
  for (const kind of Object.keys(LISTS) as W3cKind[]) {
    for (const list of LISTS[kind]) {
      for (const file of readJson(list).assertions as string[]) {
        if (compiled.has(file)) continue;
        const schema = readJson(file);
        compiled.set(file, { assertion: schema, validate: ajv.compile(schema) });
      }
    }
  }
  return compiled;
}

let validators: ReturnType<typeof buildValidator> | null = null;

/** Runs every assertion of the kind's lists (MUSTs and optionals) over `value`. */
export function runW3cModelTests(kind: W3cKind, value: unknown): W3cResult[] {
  validators ??= buildValidator();
  const files = [...new Set(LISTS[kind].flatMap((list) => readJson(list).assertions as string[]))];
  return files.map((file) => {
    const { assertion, validate } = validators!.get(file)!;
    const valid = validate(value) === true;
    const passed = assertion.expectedResult === 'invalid' ? !valid : valid;
    return {
      assertion: file,
      level: assertion.assertionType,
      passed,
      message: passed ? '' : (assertion.errorMessage ?? ''),
    };
  });
}

/** The MUST assertions `value` fails: empty when it conforms. */
export function w3cMustFailures(kind: W3cKind, value: unknown): W3cResult[] {
  return runW3cModelTests(kind, value).filter((result) => result.level === 'must' && !result.passed);
}

/** The suite's own samples, to check the runner itself; null for the incorrect ones that are not even JSON. */
export function w3cSamples(which: 'correct' | 'incorrect'): { file: string; value: Record<string, unknown> | null }[] {
  const dir = `tools/samples/${which}`;
  return readdirSync(path.join(W3C_TESTS_DIR, dir)).map((file) => {
    try {
      return { file, value: readJson(`${dir}/${file}`) };
    } catch {
      return { file, value: null };
    }
  });
}

export function kindOf(value: { type?: unknown }): W3cKind {
  const types = ([] as unknown[]).concat(value.type);
  if (types.includes('AnnotationPage')) return 'page';
  if (types.includes('AnnotationCollection')) return 'collection';
  return 'annotation';
}

// Checks JSON against the W3C Web Annotation Data Model's requirements on fields and types
// (https://www.w3.org/TR/annotation-model/): what a consumer may rely on, not every SHOULD.
// Written out by hand rather than as a schema so each error can name its JSON path and the rule.
import { ANNO_CONTEXT } from '../annotations/web-annotation';

export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;

export type WebAnnotationError = { path: string; message: string };

type Json = Record<string, unknown>;
type Errors = WebAnnotationError[];

const MULTIPLICITY_TYPES = ['Choice', 'Composite', 'List', 'Independents'];

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An absolute IRI: a scheme, no whitespace, and something a URL parser accepts. */
export const isIri = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value) && URL.canParse(value);

const isNonNegativeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** The model asks for xsd:dateTime in UTC, written with "Z". */
function checkDateTime(value: unknown, path: string, errors: Errors): void {
  if (value === undefined) return;
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match || Number.isNaN(Date.parse(value as string))) {
    errors.push({ path, message: 'must be an xsd:dateTime such as "2026-01-02T03:04:05Z".' });
  } else if (!match[2]) {
    errors.push({ path, message: 'must have a timezone: write the time in UTC ending in "Z".' });
  } else if (match[2] !== 'Z') {
    errors.push({ path, message: 'must be in UTC, written with "Z" rather than an offset.' });
  }
}

/** "type" may be one string or several; null when it is neither. */
function typesOf(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) return value;
  return null;
}

function checkType(object: Json, expected: string, path: string, errors: Errors): void {
  const types = typesOf(object.type);
  if (!types?.includes(expected)) errors.push({ path: `${path}.type`, message: `must be "${expected}".` });
}

function checkContext(value: unknown, path: string, errors: Errors): void {
  if (value === undefined) {
    errors.push({ path, message: `is required and must include "${ANNO_CONTEXT}".` });
  } else if (typeof value === 'string') {
    if (value !== ANNO_CONTEXT) errors.push({ path, message: `must include "${ANNO_CONTEXT}".` });
  } else if (!Array.isArray(value)) {
    errors.push({ path, message: 'must be a string or an array.' });
  } else {
    if (!value.includes(ANNO_CONTEXT)) errors.push({ path, message: `must include "${ANNO_CONTEXT}".` });
    if (value.length === 1) errors.push({ path, message: 'with a single value must be a string, not an array.' });
    value.forEach((entry, index) => {
      if (typeof entry !== 'string' && !isObject(entry))
        errors.push({ path: `${path}[${index}]`, message: 'must be an IRI or a context object.' });
    });
  }
}

function checkIri(value: unknown, path: string, errors: Errors, required = false): void {
  if (value === undefined && !required) return;
  if (!isIri(value)) errors.push({ path, message: value === undefined ? 'is required (an IRI).' : 'must be an IRI.' });
}

function checkOptionalString(object: Json, key: string, path: string, errors: Errors): void {
  if (object[key] !== undefined && typeof object[key] !== 'string')
    errors.push({ path: `${path}.${key}`, message: 'must be a string.' });
}

function checkMotivations(value: unknown, path: string, errors: Errors): void {
  if (value === undefined) return;
  const values = typesOf(value);
  if (!values) {
    errors.push({ path, message: 'must be a motivation or a list of motivations.' });
    return;
  }
  for (const motivation of values) {
    if (!(MOTIVATIONS as readonly string[]).includes(motivation))
      errors.push({ path, message: `"${motivation}" is not a W3C motivation (${MOTIVATIONS.join(', ')}).` });
  }
}

/** Single values and lists are interchangeable in the model; errors get an index only for lists. */
function eachOf(value: unknown, path: string, check: (item: unknown, itemPath: string) => void): void {
  if (Array.isArray(value)) value.forEach((item, index) => check(item, `${path}[${index}]`));
  else check(value, path);
}

function checkAgent(value: unknown, path: string, errors: Errors): void {
  if (typeof value === 'string') {
    checkIri(value, path, errors);
    return;
  }
  if (!isObject(value)) {
    errors.push({ path, message: 'must be an IRI or an agent object.' });
    return;
  }
  if (value.id === undefined && value.type === undefined)
    errors.push({ path, message: 'must have an id or a type (Person, Organization, Software).' });
  checkIri(value.id, `${path}.id`, errors);
  if (value.type !== undefined && !typesOf(value.type))
    errors.push({ path: `${path}.type`, message: 'must be a string.' });
  checkOptionalString(value, 'name', path, errors);
  checkOptionalString(value, 'nickname', path, errors);
}

function checkSelector(value: unknown, path: string, errors: Errors): void {
  if (!isObject(value)) {
    errors.push({ path, message: 'must be a selector object.' });
    return;
  }
  const type = value.type;
  if (typeof type !== 'string') {
    errors.push({ path: `${path}.type`, message: 'is required (the selector class).' });
    return;
  }
  if (type === 'TextQuoteSelector') {
    if (typeof value.exact !== 'string')
      errors.push({ path: `${path}.exact`, message: 'is required and must be a string.' });
    checkOptionalString(value, 'prefix', path, errors);
    checkOptionalString(value, 'suffix', path, errors);
  } else if (type === 'TextPositionSelector' || type === 'DataPositionSelector') {
    for (const key of ['start', 'end'] as const) {
      if (!isNonNegativeInteger(value[key]))
        errors.push({ path: `${path}.${key}`, message: 'is required and must be a non-negative integer.' });
    }
    if (isNonNegativeInteger(value.start) && isNonNegativeInteger(value.end) && value.start > value.end)
      errors.push({ path, message: `start (${value.start}) must not be after end (${value.end}).` });
  } else if (['FragmentSelector', 'CssSelector', 'XPathSelector'].includes(type)) {
    if (typeof value.value !== 'string')
      errors.push({ path: `${path}.value`, message: 'is required and must be a string.' });
    checkIri(value.conformsTo, `${path}.conformsTo`, errors);
  } else if (type === 'RangeSelector') {
    checkSelector(value.startSelector, `${path}.startSelector`, errors);
    checkSelector(value.endSelector, `${path}.endSelector`, errors);
  }
  if (value.refinedBy !== undefined)
    eachOf(value.refinedBy, `${path}.refinedBy`, (item, itemPath) => checkSelector(item, itemPath, errors));
}

/** A body or a target: an IRI, an embedded TextualBody, a SpecificResource, a described resource or a set. */
function checkResource(value: unknown, path: string, errors: Errors): void {
  if (typeof value === 'string') {
    checkIri(value, path, errors);
    return;
  }
  if (!isObject(value)) {
    errors.push({ path, message: 'must be an IRI or an object.' });
    return;
  }
  const types = value.type === undefined ? [] : typesOf(value.type);
  if (!types) errors.push({ path: `${path}.type`, message: 'must be a string or a list of strings.' });
  if (value.purpose !== undefined) checkMotivations(value.purpose, `${path}.purpose`, errors);
  checkOptionalString(value, 'format', path, errors);
  checkOptionalString(value, 'language', path, errors);
  checkDateTime(value.created, `${path}.created`, errors);
  checkDateTime(value.modified, `${path}.modified`, errors);
  if (value.creator !== undefined)
    eachOf(value.creator, `${path}.creator`, (item, itemPath) => checkAgent(item, itemPath, errors));

  if (types?.includes('TextualBody') || (value.value !== undefined && value.source === undefined)) {
    if (typeof value.value !== 'string')
      errors.push({ path: `${path}.value`, message: 'is required on a TextualBody and must be a string.' });
    checkIri(value.id, `${path}.id`, errors);
  } else if (types?.some((type) => MULTIPLICITY_TYPES.includes(type))) {
    if (!Array.isArray(value.items) || value.items.length === 0)
      errors.push({ path: `${path}.items`, message: 'must list at least one resource.' });
    else value.items.forEach((item, index) => checkResource(item, `${path}.items[${index}]`, errors));
  } else if (value.source !== undefined || types?.includes('SpecificResource')) {
    const source = value.source;
    if (isObject(source)) checkIri(source.id, `${path}.source.id`, errors, true);
    else checkIri(source, `${path}.source`, errors, true);
    checkIri(value.id, `${path}.id`, errors);
    if (value.selector !== undefined)
      eachOf(value.selector, `${path}.selector`, (item, itemPath) => checkSelector(item, itemPath, errors));
  } else if (value.id !== undefined) {
    checkIri(value.id, `${path}.id`, errors);
  } else {
    errors.push({
      path,
      message: 'must be an IRI, a TextualBody with a value, a SpecificResource with a source, or have an id.',
    });
  }
}

function checkLifecycle(object: Json, path: string, errors: Errors): void {
  checkDateTime(object.created, `${path}.created`, errors);
  checkDateTime(object.modified, `${path}.modified`, errors);
  checkDateTime(object.generated, `${path}.generated`, errors);
  for (const key of ['creator', 'generator'] as const) {
    if (object[key] !== undefined)
      eachOf(object[key], `${path}.${key}`, (item, itemPath) => checkAgent(item, itemPath, errors));
  }
}

/**
 * An annotation inside a page inherits the enclosing @context (JSON-LD), so there it is
 * checked only when present; a standalone annotation must have one.
 */
export function validateAnnotation(value: unknown, path = '$', options: { embedded?: boolean } = {}): Errors {
  const errors: Errors = [];
  if (!isObject(value)) return [{ path, message: 'must be an Annotation object.' }];
  if (!options.embedded || value['@context'] !== undefined) checkContext(value['@context'], `${path}.@context`, errors);
  checkIri(value.id, `${path}.id`, errors, true);
  checkType(value, 'Annotation', path, errors);
  checkMotivations(value.motivation, `${path}.motivation`, errors);
  if (value.target === undefined) errors.push({ path: `${path}.target`, message: 'is required.' });
  else if (Array.isArray(value.target) && value.target.length === 0)
    errors.push({ path: `${path}.target`, message: 'must name at least one target.' });
  else eachOf(value.target, `${path}.target`, (item, itemPath) => checkResource(item, itemPath, errors));
  if (value.body !== undefined)
    eachOf(value.body, `${path}.body`, (item, itemPath) => checkResource(item, itemPath, errors));
  if (value.bodyValue !== undefined) {
    if (typeof value.bodyValue !== 'string') errors.push({ path: `${path}.bodyValue`, message: 'must be a string.' });
    if (value.body !== undefined)
      errors.push({ path: `${path}.bodyValue`, message: 'must not be given together with body.' });
  }
  checkLifecycle(value, path, errors);
  return errors;
}

export function validateAnnotationPage(value: unknown, path = '$', options: { embedded?: boolean } = {}): Errors {
  const errors: Errors = [];
  if (!isObject(value)) return [{ path, message: 'must be an IRI or an AnnotationPage object.' }];
  if (!options.embedded || value['@context'] !== undefined) checkContext(value['@context'], `${path}.@context`, errors);
  checkIri(value.id, `${path}.id`, errors, true);
  checkType(value, 'AnnotationPage', path, errors);
  if (value.startIndex !== undefined && !isNonNegativeInteger(value.startIndex))
    errors.push({ path: `${path}.startIndex`, message: 'must be a non-negative integer.' });
  if (isObject(value.partOf)) checkIri(value.partOf.id, `${path}.partOf.id`, errors, true);
  else checkIri(value.partOf, `${path}.partOf`, errors);
  checkIri(value.next, `${path}.next`, errors);
  checkIri(value.prev, `${path}.prev`, errors);
  if (!Array.isArray(value.items) || value.items.length === 0) {
    errors.push({ path: `${path}.items`, message: 'is required and must list at least one Annotation.' });
  } else {
    value.items.forEach((item, index) =>
      errors.push(...validateAnnotation(item, `${path}.items[${index}]`, { embedded: true })),
    );
  }
  return errors;
}

export function validateAnnotationCollection(value: unknown, path = '$'): Errors {
  const errors: Errors = [];
  if (!isObject(value)) return [{ path, message: 'must be an AnnotationCollection object.' }];
  checkContext(value['@context'], `${path}.@context`, errors);
  checkIri(value.id, `${path}.id`, errors, true);
  checkType(value, 'AnnotationCollection', path, errors);
  if (value.label !== undefined && !typesOf(value.label))
    errors.push({ path: `${path}.label`, message: 'must be a string or a list of strings.' });
  if (!isNonNegativeInteger(value.total))
    errors.push({ path: `${path}.total`, message: 'is required and must be a non-negative integer.' });
  checkLifecycle(value, path, errors);
  const first = value.first;
  if (first === undefined) {
    if (isNonNegativeInteger(value.total) && value.total > 0)
      errors.push({ path: `${path}.first`, message: 'is required when the collection has annotations.' });
  } else if (typeof first === 'string') {
    checkIri(first, `${path}.first`, errors);
  } else {
    errors.push(...validateAnnotationPage(first, `${path}.first`, { embedded: true }));
    // A lone page must hold the whole collection, or total is wrong.
    if (isObject(first) && first.next === undefined && Array.isArray(first.items) && value.total !== undefined) {
      const startIndex = isNonNegativeInteger(first.startIndex) ? first.startIndex : 0;
      if (startIndex + first.items.length !== value.total)
        errors.push({
          path: `${path}.total`,
          message: `is ${String(value.total)} but the only page holds ${first.items.length} annotations.`,
        });
    }
  }
  if (value.last !== undefined && typeof value.last !== 'string')
    errors.push(...validateAnnotationPage(value.last, `${path}.last`, { embedded: true }));
  else checkIri(value.last, `${path}.last`, errors);
  return errors;
}

/** Any of the model's top-level documents: an Annotation, an AnnotationCollection or an AnnotationPage. */
export function validateWebAnnotationJson(value: unknown): Errors {
  const types = isObject(value) ? typesOf(value.type) : null;
  if (types?.includes('AnnotationCollection')) return validateAnnotationCollection(value);
  if (types?.includes('AnnotationPage')) return validateAnnotationPage(value);
  if (types?.includes('Annotation')) return validateAnnotation(value);
  return [{ path: '$.type', message: 'must be "Annotation", "AnnotationCollection" or "AnnotationPage".' }];
}

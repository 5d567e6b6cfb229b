import { describe, expect, it } from 'vitest';
import { ifMatchSatisfied, ifNoneMatchSatisfied, negotiateMedia } from './http';
import { ANNO_MEDIA_TYPE } from './vocabulary';

describe('negotiateMedia', () => {
  it('serves the profiled JSON-LD type by default and to JSON-LD clients', () => {
    expect(negotiateMedia(null)).toBe(ANNO_MEDIA_TYPE);
    expect(negotiateMedia('*/*')).toBe(ANNO_MEDIA_TYPE);
    expect(negotiateMedia('application/ld+json')).toBe(ANNO_MEDIA_TYPE);
    expect(negotiateMedia('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')).toBe(ANNO_MEDIA_TYPE);
    expect(negotiateMedia('application/json, application/ld+json;q=0.9')).toBe('application/json');
  });

  it('serves plain JSON to clients that want only that', () => {
    expect(negotiateMedia('application/json')).toBe('application/json');
  });

  it('refuses types we do not serve (406)', () => {
    expect(negotiateMedia('text/turtle')).toBeNull();
    expect(negotiateMedia('text/html, application/xhtml+xml')).toBeNull();
    expect(negotiateMedia('application/ld+json; profile="https://www.w3.org/ns/activitystreams"')).toBeNull();
    expect(negotiateMedia('application/json;q=0')).toBeNull();
  });
});

describe('preconditions', () => {
  it('If-Match takes the current strong tag, one of a list, or *', () => {
    expect(ifMatchSatisfied('"3.abc"', '"3.abc"')).toBe(true);
    expect(ifMatchSatisfied('"1.x", "3.abc"', '"3.abc"')).toBe(true);
    expect(ifMatchSatisfied('*', '"3.abc"')).toBe(true);
    expect(ifMatchSatisfied('"2.abc"', '"3.abc"')).toBe(false);
    expect(ifMatchSatisfied('W/"3.abc"', '"3.abc"')).toBe(false);
  });

  it('If-None-Match compares weakly', () => {
    expect(ifNoneMatchSatisfied('W/"a"', '"a"')).toBe(true);
    expect(ifNoneMatchSatisfied('"b"', '"a"')).toBe(false);
    expect(ifNoneMatchSatisfied(null, '"a"')).toBe(false);
  });
});

// The `Prefer` header of a container GET (RFC 7240, with the LDP and Web Annotation
// Protocol preferences): what the client wants embedded.
import { LDP, OA } from './vocabulary';

/** minimal: no items at all; iris: items as IRIs; descriptions: whole annotations (the default). */
export type ContainerPreference = 'minimal' | 'iris' | 'descriptions';

/** The IRIs of one `include=`/`omit=` parameter of a `return=representation` preference. */
function iris(parameters: string[], name: 'include' | 'omit'): string[] {
  for (const parameter of parameters) {
    const match = new RegExp(`^\\s*${name}\\s*=\\s*"?([^"]*)"?\\s*$`, 'i').exec(parameter);
    if (match) return match[1]!.split(/\s+/).filter(Boolean);
  }
  return [];
}

/** Null when the header asks for nothing we act on (then Preference-Applied is not sent). */
export function parseContainerPreference(header: string | null): ContainerPreference | null {
  if (!header) return null;
  for (const preference of header.split(',')) {
    const [token, ...parameters] = preference.split(';');
    if (!/^\s*return\s*=\s*"?representation"?\s*$/i.test(token ?? '')) continue;
    const include = iris(parameters, 'include');
    const omit = iris(parameters, 'omit');
    if (include.includes(LDP.PreferMinimalContainer) || omit.includes(LDP.PreferContainment)) return 'minimal';
    if (omit.includes(OA.PreferContainedDescriptions) && !include.includes(OA.PreferContainedIRIs)) return 'minimal';
    if (include.includes(OA.PreferContainedIRIs)) return 'iris';
    if (include.includes(OA.PreferContainedDescriptions)) return 'descriptions';
    return 'descriptions';
  }
  return null;
}

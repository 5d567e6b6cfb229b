// Display names people can trust: one cleaning rule for every name a person sets, and a
// disambiguator wherever two members of a workspace would otherwise look the same.

// Format characters (Unicode category Cf: bidi overrides and isolates, zero-width spaces and
// joiners, the BOM) draw nothing or reorder what follows, so "Rita\u202e" or "Ri\u200bta" can
// pass for "Rita"; control characters (Cc) have no place in a name either.
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;

/** The name as stored: NFC, invisible characters removed, runs of any white space made one space. */
export function cleanDisplayName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** What two names must differ in to be told apart: case, width and compatibility forms do not count. */
export function nameSkeleton(name: string): string {
  return cleanDisplayName(name).normalize('NFKC').toLocaleLowerCase('en');
}

export type NamedMember = { userId: string; name: string; email: string };

/**
 * The label to show for each member: the name alone when no other member's name looks the same,
 * else the name with the start of the email ("Rita Reviewer (rit…@e2e.test)"), lengthened
 * until the labels differ (the whole email at worst, which is unique).
 */
export function memberLabels(members: NamedMember[]): Map<string, string> {
  const groups = new Map<string, NamedMember[]>();
  for (const member of members) {
    const skeleton = nameSkeleton(member.name);
    groups.set(skeleton, [...(groups.get(skeleton) ?? []), member]);
  }
  const labels = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length === 1) {
      labels.set(group[0]!.userId, group[0]!.name);
      continue;
    }
    const longest = Math.max(...group.map((member) => member.email.indexOf('@')));
    for (let prefix = 3; prefix <= longest + 1; prefix++) {
      const hints = group.map((member) => emailHint(member.email, prefix));
      if (new Set(hints).size === group.length || prefix > longest) {
        group.forEach((member, i) => labels.set(member.userId, `${member.name} (${hints[i]})`));
        break;
      }
    }
  }
  return labels;
}

function emailHint(email: string, prefix: number): string {
  const at = email.indexOf('@');
  const local = at === -1 ? email : email.slice(0, at);
  const domain = at === -1 ? '' : email.slice(at);
  return local.length <= prefix ? `${local}${domain}` : `${local.slice(0, prefix)}…${domain}`;
}

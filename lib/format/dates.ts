// The app's one way of writing dates: "1 Dec 2026", "1 Dec 2026, 14:05", in UTC (reviewers in
// different time zones cite the same moment; pages say "UTC" where times are shown).
const base = { timeZone: 'UTC' } as const;

export const DATE = new Intl.DateTimeFormat('en-GB', { ...base, dateStyle: 'medium' });
export const DATE_TIME = new Intl.DateTimeFormat('en-GB', { ...base, dateStyle: 'medium', timeStyle: 'short' });
/** For audit trails, where the order of events within a minute matters. */
export const DATE_TIME_SECONDS = new Intl.DateTimeFormat('en-GB', {
  ...base,
  dateStyle: 'medium',
  timeStyle: 'medium',
});

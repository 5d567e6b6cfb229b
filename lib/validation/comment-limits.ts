// Plain constants, kept apart from the zod schemas so the browser can read them without
// downloading zod (about 30 KB gzipped on the article page).
export const COMMENT_MAX_LENGTH = 5_000;

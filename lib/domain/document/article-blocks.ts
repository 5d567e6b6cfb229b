// The structure an imported article is reduced to before it becomes an editor document.
export type ArticleBlock = { type: 'heading'; text: string } | { type: 'paragraph'; text: string };

/**
 * Tags written in a note as hashtags: `#待查`, `#economy`. A Markdown heading (`# Title`) is not a
 * tag, nor is a `#` inside a word (`C#`) or a URL's fragment.
 */
const HASHTAG = /(?<![\p{L}\p{N}_/&#])#([\p{L}\p{N}_\-]+)/gu;

export function tagsInBody(body: string): string[] {
  const tags: string[] = [];
  for (const m of body.replace(/`[^`]*`/g, ' ').matchAll(HASHTAG)) if (!tags.includes(m[1])) tags.push(m[1]);
  return tags;
}

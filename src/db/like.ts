/** `%`, `_` and `\` typed in a search box are matched literally by LIKE. */
export function escapeLike(text: string): string {
  return text.replaceAll(/[\\%_]/g, (character) => `\\${character}`);
}

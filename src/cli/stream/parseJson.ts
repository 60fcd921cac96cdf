/** JSON text parsed, or the error `fail` makes from a message saying why it is not JSON. */
export function parseJson(text: string, fail: (message: string) => Error): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw fail(`not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Runs `fn`, handing any error to `error`: the guard's entry points never throw into the page. */
export function safely(fn: () => void, error: (err: unknown) => void): void {
  try {
    fn();
  } catch (err) {
    error(err);
  }
}

const LENT = Symbol.for('twocheck.import');

/**
 * A package loaded on first need, as an ES module (chalk, the prompts, the progress bar).
 * bin/twocheck.cjs compiles the program from the code cache the build made, and on Node 20 code
 * compiled that way cannot call import() itself: bin lends its own import() for it.
 */
export function importPackage<T>(name: string): Promise<T> {
  const lent = (globalThis as { [LENT]?: (name: string) => Promise<unknown> })[LENT];
  return (lent ? lent(name) : import(name)) as Promise<T>;
}

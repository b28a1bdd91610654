/**
 * "Did you mean …?" for a mistyped command. Commands load lazily, so commander never sees them
 * all at once for a word it does not know; and its rule is strict for short words (`dew` is two
 * edits from `due`, which it does not offer). Here a word gets the commands within two edits
 * (a swap of neighbours counts as one), or that start with it, nearest first.
 */
export function suggestCommands(word: string, names: readonly string[]): string[] {
  const wanted = word.toLowerCase();
  const scored = names
    .map((name) => ({ name, distance: name.startsWith(wanted) && wanted.length >= 2 ? 0.5 : editDistance(wanted, name) }))
    .filter((s) => s.distance <= (wanted.length <= 2 ? 1 : 2));
  scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1));
  return scored.map((s) => s.name);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j += 1) d[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

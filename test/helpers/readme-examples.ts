/** A `twocheck …` command line shown in one of the README's fenced code blocks. */
export interface ReadmeExample {
  /** the heading the block stands under (the nearest `##` or `###`) */
  section: string;
  /** the line in README.md where the command starts (1-based) */
  line: number;
  /** the command as a user types it: continuation lines joined, a trailing `# comment` taken off */
  command: string;
  /** shown as a session (`$ twocheck …`) rather than as a line to copy */
  session: boolean;
  /** for a session: the lines the README shows it printing, up to the next `$ ` line */
  output: string[];
  /** for a session: the exit code the README shows with `$ echo $?` straight after it */
  echoedCode?: number;
}

/** The line without a shell comment (` # …` outside quotes), trimmed. */
export function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && i > 0 && /\s/.test(line[i - 1]!)) {
      return line.slice(0, i).trim();
    }
  }
  return line.trim();
}

/** Every `twocheck …` line in the README's fenced code blocks, in document order. */
export function readmeExamples(readme: string): ReadmeExample[] {
  const lines = readme.split('\n');
  const examples: ReadmeExample[] = [];
  let section = '';
  let inBlock = false;
  let current: ReadmeExample | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (/^```/.test(text)) {
      inBlock = !inBlock;
      current = undefined;
      continue;
    }
    if (!inBlock) {
      const heading = /^#{2,3} (.+)$/.exec(text);
      if (heading) section = heading[1]!.trim();
      continue;
    }
    const start = i;
    let joined = text;
    while (/\\$/.test(joined) && i + 1 < lines.length) joined = `${joined.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    const command = /^(\$\s+)?(twocheck\s.*)$/.exec(joined.trimStart());
    if (command) {
      current = { section, line: start + 1, command: withoutComment(command[2]!), session: command[1] !== undefined, output: [] };
      examples.push(current);
      if (!current.session) current = undefined;
      continue;
    }
    if (joined.startsWith('$ ')) {
      const echoed = /^\$ echo \$\?$/.test(joined.trim()) && /^\d+$/.test(lines[i + 1]?.trim() ?? '');
      if (echoed && current) current.echoedCode = Number(lines[++i]!.trim());
      current = undefined;
      continue;
    }
    current?.output.push(joined);
  }
  for (const example of examples) {
    while (example.output.length > 0 && example.output.at(-1)!.trim() === '') example.output.pop();
  }
  return examples;
}

/**
 * A command line as a POSIX shell splits it: words, with '…' and "…" quoting inside or around
 * a word (`--map ref="Child No"` is one word, `ref=Child No`), and a `> file` redirect taken off.
 */
export function shellWords(line: string): { words: string[]; redirect?: string } {
  const words: string[] = [];
  let redirect: string | undefined;
  let word: string | undefined;
  let quote: string | undefined;
  let toRedirect = false;
  const end = (): void => {
    if (word === undefined) return;
    if (toRedirect) redirect = word;
    else words.push(word);
    word = undefined;
  };
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      end();
    } else if (c === '>' && word === undefined) {
      toRedirect = true;
    } else {
      word = (word ?? '') + c;
    }
  }
  end();
  return { words, redirect };
}

/**
 * The shape of a printed line, to compare what the README shows with what the program prints
 * when the names, dates, refs and paths differ: the first word (a path stands as `/`, a word
 * holding a digit as `#`), then the following words up to the first that carries data: a digit,
 * a path, or a capital letter or quote that starts a name or a quoted value; a `…` where the
 * README leaves the rest of a line out ends it too. A table header (all lower-case words) is kept whole; `Recorded
 * concern 1 for Ivy Marchbank (L1).` is `Recorded concern`; `error: bad.csv: 2 rows refused` is
 * `error: bad.csv:`. A tab-separated line (a list meant for scripts) adds how many fields it has.
 */
export function lineShape(line: string): string {
  const text = line.replace(/\s+\(exit \d+\)\s*$/, '').trim();
  const words = text.split(/\s+/);
  const first = words[0] ?? '';
  const shape = [/^(\/|~\/|\.\/)/.test(first) ? '/' : /\d/.test(first) ? '#' : first];
  for (const word of words.slice(1)) {
    if (word.includes('…')) {
      shape.push('…');
      break;
    }
    if (/[\d/]/.test(word) || /^[\p{Lu}"'(<“‘]/u.test(word)) break;
    shape.push(word);
  }
  if (text.includes('\t')) shape.push(`(${text.split('\t').length} fields)`);
  return shape.join(' ');
}

/** Whether a printed line has the shape of the line the README shows (which may end in `…`). */
export function sameShape(shown: string, printed: string): boolean {
  const [want, got] = [lineShape(shown), lineShape(printed)];
  return want.endsWith(' …') ? `${got} `.startsWith(want.slice(0, -1)) : got === want;
}

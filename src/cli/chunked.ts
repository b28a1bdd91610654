import type { Context } from './context.js';
import { type Stream, printableLines } from './output.js';

/**
 * Writes lines to stdout in chunks of about 64 KB, waiting for a pipe to drain when it is full:
 * a busy roster gives a hundred thousand lines or more, which would otherwise all wait in
 * memory (500 MB for 130,000 children piped into another program). Control and bidi characters
 * in the text are shown escaped, as everywhere else (a cron run's mail is read in a terminal too),
 * except in data for another program (`exact`: CSV), which is kept as stored unless it goes to a terminal.
 */
export function chunkedWriter(
  ctx: Context,
  options: { exact?: boolean } = {},
): { line(text: string): Promise<void> | undefined; end(): Promise<void> | undefined } {
  const colour = ctx.out.paint.level > 0;
  const safe = options.exact === true && !ctx.out.stdoutIsTTY ? (text: string) => text : (text: string) => printableLines(text, colour);
  const stream = ctx.out.stdout as Stream & Partial<Pick<NodeJS.WritableStream, 'once'>>;
  let chunk = '';
  const flush = (): Promise<void> | undefined => {
    const full = !stream.write(chunk);
    chunk = '';
    if (full && stream.once)
      return new Promise((resolve) => {
        stream.once!('drain', resolve);
      });
    return undefined;
  };
  return {
    line(text) {
      chunk += safe(text);
      return chunk.length >= 65_536 ? flush() : undefined;
    },
    end() {
      // Resolves once everything queued for a slow reader has gone out: a warning written to
      // stderr next may share the pipe (`2>&1`, a cron mail) and would land mid-line otherwise.
      const queued = (stream as { writableLength?: number }).writableLength;
      if (queued === undefined) return chunk.length > 0 ? flush() : undefined; // a stream that keeps no queue
      if (queued === 0 && chunk.length === 0) return undefined;
      const last = chunk;
      chunk = '';
      return new Promise((resolve) => {
        (stream as NodeJS.WritableStream).write(last, () => resolve());
      });
    },
  };
}

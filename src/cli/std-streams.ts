import { fstatSync, writeSync } from 'node:fs';
import type { Stream } from './output.js';

/** Standard output and error as a command writes to them, and how a closed reader is heard of. */
export interface StandardStreams {
  stdout: Stream & ErrorSource;
  stderr: Stream & ErrorSource;
}

interface ErrorSource {
  on(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Standard output and error for the `hub` lines, which print a few lines and stop. Node builds
 * process.stdout on first touch, and for a pipe that loads its stream and socket code: about a
 * quarter of what `hub Leek` adds to Node's own start-up (bench/hub.bench.mjs). A file or a
 * pipe is written straight to its descriptor, synchronously, as Node itself writes to them; a
 * terminal gets Node's stream, as does a descriptor that will not take the text at once.
 */
export function directStreams(): StandardStreams {
  return { stdout: direct(1, () => process.stdout), stderr: direct(2, () => process.stderr) };
}

function direct(fd: 1 | 2, node: () => NodeJS.WriteStream): Stream & ErrorSource {
  let terminal: boolean;
  try {
    terminal = fstatSync(fd).isCharacterDevice();
  } catch {
    terminal = true; // a closed descriptor: Node's stream knows what to do with it
  }
  if (terminal) return node();
  const listeners: ((err: NodeJS.ErrnoException) => void)[] = [];
  let stream: NodeJS.WriteStream | undefined;
  const handOver = (): NodeJS.WriteStream => {
    if (!stream) {
      stream = node();
      for (const listener of listeners) stream.on('error', listener);
    }
    return stream;
  };
  return {
    isTTY: false,
    write(text) {
      if (stream) return stream.write(text);
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EAGAIN') return handOver().write(bytes.subarray(done));
        if (listeners.length === 0) throw err;
        for (const listener of listeners) listener(e);
        return false;
      }
      return true;
    },
    on(_event, listener) {
      listeners.push(listener);
      stream?.on('error', listener);
      return this;
    },
  };
}

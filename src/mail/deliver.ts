/**
 * Sending a batch as a small setting's mail provider tolerates: a few messages a second, a
 * retry with back-off when the server says "try again later" (4xx) or the connection drops,
 * and a clear verdict per message. No I/O of its own: the mailer and the clock are given.
 */

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: Attachment[];
}

export interface Accepted {
  messageId: string;
  /** the server's last answer, e.g. "250 2.0.0 OK" */
  response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<Accepted>;
  close(): void;
}

/**
 * refused: the server said no to this message for good (5xx): the next may still go.
 * temporary: "try again later" (4xx) or a dropped connection: worth a retry.
 * server: nothing will go through (refused connection, wrong password, TLS failure): stop.
 */
export type FailureKind = 'refused' | 'temporary' | 'server';

export interface Failure {
  kind: FailureKind;
  message: string;
}

export interface MailError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  originalCode?: string;
}

const TEMPORARY_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function classify(error: MailError): FailureKind {
  const status = error.responseCode;
  if (error.code === 'EAUTH' || error.code === 'ETLS' || error.code === 'EDNS' || error.code === 'ENOAUTH') return 'server';
  if (status !== undefined && status >= 500) return 'refused';
  if (status !== undefined && status >= 400) return 'temporary';
  if (error.originalCode && (UNREACHABLE.has(error.originalCode) || /CERT|SELF_SIGNED|^ERR_TLS|^ERR_SSL/.test(error.originalCode)))
    return 'server';
  if (error.code && TEMPORARY_CODES.has(error.code)) return 'temporary';
  return 'server';
}

/** The server's own words where it gave any; else what went wrong. */
export function describeFailure(error: MailError): string {
  if (error.response) return `the server answered: ${error.response}`;
  const cause = error.originalCode ? ` (${error.originalCode})` : '';
  return `${error.message ?? String(error)}${cause}`;
}

export interface Pace {
  /** least time between two messages: a few a second at most */
  intervalMs: number;
  /** waits before each retry; its length is the number of retries */
  backoffMs: readonly number[];
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_PACE: Omit<Pace, 'now' | 'sleep'> = { intervalMs: 350, backoffMs: [1000, 3000] };

export function realPace(): Pace {
  return {
    ...DEFAULT_PACE,
    now: () => Date.now(),
    sleep: (ms) =>
      new Promise((resolve) => {
        setTimeout(resolve, ms);
      }),
  };
}

export type Outcome = { ok: true; accepted: Accepted; attempts: number } | { ok: false; failure: Failure; attempts: number };

/** One sender per batch: it keeps the pace across messages. `mask` hides a password from any text. */
export function createSender(mailer: Mailer, pace: Pace, mask: (text: string) => string = (t) => t) {
  let last = -Infinity;
  const paced = async (): Promise<void> => {
    const wait = last + pace.intervalMs - pace.now();
    if (wait > 0) await pace.sleep(wait);
    last = pace.now();
  };
  return async function send(mail: OutgoingMail): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      await paced();
      try {
        const accepted = await mailer.send(mail);
        return { ok: true, accepted: { ...accepted, response: mask(accepted.response) }, attempts: attempt };
      } catch (error) {
        const e = error as MailError;
        const kind = classify(e);
        const retryIn = pace.backoffMs[attempt - 1];
        if (kind !== 'temporary' || retryIn === undefined) {
          const tries = attempt > 1 ? ` (tried ${attempt} times)` : '';
          // a connection that keeps dropping, or a server that keeps saying "not now" to
          // everyone (421), will not take the next message either
          const final = kind === 'temporary' && (e.responseCode === undefined || e.responseCode === 421) ? 'server' : kind;
          return { ok: false, failure: { kind: final, message: mask(describeFailure(e)) + tries }, attempts: attempt };
        }
        await pace.sleep(retryIn);
      }
    }
  };
}

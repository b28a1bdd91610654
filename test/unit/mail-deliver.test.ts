import { describe, expect, it } from 'vitest';
import { type Accepted, type Mailer, type OutgoingMail, classify, createSender } from '../../src/mail/deliver.js';

/** A clock that moves only when someone sleeps, so pauses are counted, not waited for. */
function fakePace(intervalMs = 350, backoffMs = [1000, 3000]) {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    at: () => now,
    pace: {
      intervalMs,
      backoffMs,
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    },
  };
}

function mailerFrom(answers: (Accepted | Error)[]): Mailer & { sent: { to: string; at: number }[] } {
  const sent: { to: string; at: number }[] = [];
  return {
    sent,
    async send(mail: OutgoingMail) {
      const answer = answers.shift();
      if (!answer) throw new Error('no answer left');
      sent.push({ to: mail.to, at: -1 });
      if (answer instanceof Error) throw answer;
      return answer;
    },
    close() {},
  };
}

const ok = (id: string): Accepted => ({ messageId: `<${id}@x>`, response: '250 OK' });
const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'failed')), fields);
const mail = (to: string): OutgoingMail => ({ to, subject: 's', text: 't' });

describe('what a failure means for the batch', () => {
  it.each([
    [{ responseCode: 550, response: '550 no such user' }, 'refused'],
    [{ code: 'EENVELOPE', responseCode: 553 }, 'refused'],
    [{ responseCode: 451 }, 'temporary'],
    [{ responseCode: 421 }, 'temporary'],
    [{ code: 'ECONNECTION' }, 'temporary'],
    [{ code: 'ETIMEDOUT' }, 'temporary'],
    [{ code: 'ESOCKET', originalCode: 'ECONNRESET' }, 'temporary'],
    [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'server'],
    [{ code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'server'],
    [{ code: 'EAUTH', responseCode: 535 }, 'server'],
    [{ code: 'EDNS' }, 'server'],
    [{ code: 'ETLS' }, 'server'],
  ] as const)('%j is %s', (error, kind) => {
    expect(classify(error)).toBe(kind);
  });
});

describe('sending at a pace a small provider tolerates', () => {
  it('leaves at least the interval between two messages, and no pause before the first', async () => {
    const clock = fakePace(350);
    const send = createSender(mailerFrom([ok('1'), ok('2'), ok('3')]), clock.pace);
    for (const to of ['a@x.org', 'b@x.org', 'c@x.org']) expect((await send(mail(to))).ok).toBe(true);
    expect(clock.sleeps).toEqual([350, 350]);
  });

  it('retries a "try again later" after each back-off, then gives up with the server\'s words', async () => {
    const clock = fakePace(0, [1000, 3000]);
    const deferred = () => smtpError({ responseCode: 451, response: '451 4.7.1 try later' });
    const send = createSender(mailerFrom([deferred(), deferred(), deferred()]), clock.pace);
    const outcome = await send(mail('a@x.org'));
    expect(clock.sleeps).toEqual([1000, 3000]);
    expect(outcome).toEqual({
      ok: false,
      attempts: 3,
      failure: { kind: 'temporary', message: 'the server answered: 451 4.7.1 try later (tried 3 times)' },
    });
  });

  it('a retry that succeeds is a success', async () => {
    const clock = fakePace(0, [1000]);
    const send = createSender(mailerFrom([smtpError({ code: 'ECONNECTION' }), ok('1')]), clock.pace);
    expect(await send(mail('a@x.org'))).toMatchObject({ ok: true, attempts: 2, accepted: { messageId: '<1@x>' } });
  });

  it('a refusal is not retried, and the next message still goes', async () => {
    const clock = fakePace(0);
    const send = createSender(mailerFrom([smtpError({ responseCode: 550, response: '550 unknown' }), ok('2')]), clock.pace);
    expect(await send(mail('a@x.org'))).toMatchObject({ ok: false, attempts: 1, failure: { kind: 'refused' } });
    expect(await send(mail('b@x.org'))).toMatchObject({ ok: true });
  });

  it('a connection that keeps dropping stops the batch: the next message would not go either', async () => {
    const clock = fakePace(0, [1000]);
    const send = createSender(mailerFrom([smtpError({ code: 'ECONNECTION' }), smtpError({ code: 'ECONNECTION' })]), clock.pace);
    expect(await send(mail('a@x.org'))).toMatchObject({ ok: false, failure: { kind: 'server' } });
  });

  it('masks the password in what the server said', async () => {
    const send = createSender(mailerFrom([smtpError({ code: 'EAUTH', response: '535 bad login hunter2' })]), fakePace().pace, (t) =>
      t.replace('hunter2', '***'),
    );
    expect(await send(mail('a@x.org'))).toMatchObject({ failure: { message: 'the server answered: 535 bad login ***' } });
  });
});

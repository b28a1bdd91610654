/**
 * The Mailer over nodemailer's SMTP pool: one connection at a time, re-opened when a server
 * drops it. nodemailer is loaded here, and this module only by commands that send mail.
 * It is CommonJS: require() keeps the ES module loader out, as for commander.
 */
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Nodemailer from 'nodemailer';
import type { Accepted, Mailer, OutgoingMail } from './deliver.js';
import type { MailServer } from './server.js';

export interface Sender {
  /** the setting's address: From and Reply-To */
  address: string;
  /** the setting's name, shown beside the address */
  name: string;
}

export function createSmtpMailer(server: MailServer, password: string | null, from: Sender): Mailer {
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: server.user ? { user: server.user, pass: password ?? '' } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  });
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1);
  return {
    async send(mail: OutgoingMail): Promise<Accepted> {
      const info = await transport.sendMail({
        from: { name: from.name, address: from.address },
        replyTo: from.address,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: mail.attachments,
        messageId: `<${crypto.randomUUID()}@${domain}>`,
      });
      // one recipient per message: "accepted" holds it, or the server refused it
      if (info.rejected.length > 0 || info.accepted.length === 0) {
        throw Object.assign(new Error(`the server refused ${mail.to}`), { responseCode: 550, response: info.response });
      }
      return { messageId: info.messageId, response: info.response };
    },
    close() {
      transport.close();
    },
  };
}

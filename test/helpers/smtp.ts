import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import selfsigned from 'selfsigned';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { BIN, type RunOptions, type RunResult } from './cli.js';

export interface Received {
  from: string;
  to: string[];
  /** the user name the client logged in with, if it did */
  user: string | null;
  password: string | null;
  secure: boolean;
  raw: string;
  parsed: ParsedMail;
  attachments: { filename: string; sha256: string }[];
}

export interface TestServerOptions {
  /** STARTTLS with this certificate and key; plain otherwise */
  tls?: { key: string; cert: string };
  /** needs a login, with this user and password */
  login?: { user: string; password: string };
  /** refuse these recipients for good (550) */
  refuse?: string[];
  /** refuse these with "try later" (451) this many times, then accept */
  deferOnce?: string[];
  /** close the connection in the middle of every message after this many were accepted */
  dropAfter?: number;
}

export interface TestServer {
  port: number;
  received: Received[];
  url(user?: string): string;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1, on a free port, keeping what it is given. */
export async function startSmtp(options: TestServerOptions = {}): Promise<TestServer> {
  const received: Received[] = [];
  const deferred = new Set<string>();
  const config: SMTPServerOptions = {
    secure: false,
    disabledCommands: [...(options.tls ? [] : ['STARTTLS']), ...(options.login ? [] : ['AUTH'])],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    authOptional: !options.login,
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, session, callback) {
      if (options.login && auth.username === options.login.user && auth.password === options.login.password) {
        (session as unknown as { password: string }).password = auth.password ?? '';
        callback(null, { user: auth.username });
      } else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address))
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      if (options.deferOnce?.includes(address.address) && !deferred.has(address.address)) {
        deferred.add(address.address);
        return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
      return callback();
    },
    onData(stream, session, callback) {
      if (options.dropAfter !== undefined && received.length >= options.dropAfter) {
        stream.resume();
        // the server goes away mid-message, as one does when it restarts
        const connections = (server as unknown as { connections: Set<{ id: string; _socket: net.Socket }> }).connections;
        [...connections].find((c) => c.id === session.id)?._socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : null,
            password: (session as unknown as { password?: string }).password ?? null,
            secure: session.secure,
            raw,
            parsed,
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? '',
              sha256: crypto.createHash('sha256').update(a.content).digest('hex'),
            })),
          });
          callback();
        }, callback);
      });
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    url: (user) => `smtp://${user ? `${user}@` : ''}127.0.0.1:${port}${options.tls ? '' : '?tls=none'}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** A self-signed certificate for 127.0.0.1, written where NODE_EXTRA_CA_CERTS can name it. */
export async function certificateFor127(dir: string): Promise<{ key: string; cert: string; file: string }> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const file = path.join(dir, 'smtp-cert.pem');
  fs.writeFileSync(file, pems.cert);
  return { key: pems.private, cert: pems.cert, file };
}

/** A port on 127.0.0.1 where nothing listens: a mail server that is down. */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => {
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => {
    probe.close(() => resolve());
  });
  return port;
}

/**
 * The built binary, as runCli runs it, but without blocking: the test's own SMTP server must
 * answer while twocheck runs. Killed if it runs past `limitMs`.
 */
export function runCliAsync(args: string[], options: RunOptions & { cwd: string }, limitMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH,
        HOME: options.cwd,
        XDG_DATA_HOME: path.join(options.cwd, '.local', 'share'),
        XDG_CONFIG_HOME: path.join(options.cwd, '.config'),
        FORCE_COLOR: '0',
        TZ: process.env.TZ,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

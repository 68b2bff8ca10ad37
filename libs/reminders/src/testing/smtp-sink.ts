import { createServer, type Server, type Socket } from 'node:net';

export interface ReceivedMail {
  readonly from: string;
  readonly to: string[];
  readonly data: string;
}

/**
 * A minimal SMTP server for tests (RFC 5321 happy path, no TLS, no auth): enough for
 * nodemailer to deliver a message over a real socket, which is then inspected. `reject`
 * makes it answer 554 to the next message.
 */
export async function startSmtpSink(): Promise<{
  port: number;
  mails: ReceivedMail[];
  reject: (n: number) => void;
  close: () => Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  let rejectNext = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let from = '';
    let to: string[] = [];
    let data: string | undefined;
    let buffer = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let nl = buffer.indexOf('\r\n'); nl >= 0; nl = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (data !== undefined) {
          if (line !== '.') data += `${line}\n`;
          else {
            if (rejectNext-- > 0) socket.write('554 5.7.1 rejected by test\r\n');
            else {
              mails.push({ from, to, data });
              socket.write('250 OK queued\r\n');
            }
            data = undefined;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        const address = /<(.*)>/.exec(line)?.[1] ?? '';
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else {
          if (verb === 'MAIL') [from, to] = [address, []];
          if (verb === 'RCPT') to.push(address);
          socket.write('250 OK\r\n');
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    mails,
    reject: (n) => (rejectNext = n),
    close: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))),
  };
}

import net from 'node:net';

/**
 * A TCP proxy in front of a server (the database), so a test can make it
 * unreachable (refuse and cut every connection) or frozen (connections stay
 * open but nothing passes), and bring it back.
 */
export interface TcpProxy {
  readonly port: number;
  /** Closes every open connection and refuses new ones. */
  cut(): void;
  /** Nothing passes in either direction; connections stay open. */
  freeze(): void;
  /** Back to forwarding (after cut or freeze); held bytes flow on. */
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: 'open' | 'cut' | 'frozen' = 'open';
  const sockets = new Set<net.Socket>();
  /** Bytes held back while frozen, per destination, in order. */
  const held = new Map<net.Socket, Buffer[]>();
  const forward = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (mode === 'frozen') held.set(to, [...(held.get(to) ?? []), chunk]);
      else to.write(chunk);
    });
  };
  const server = net.createServer((client) => {
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        held.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const cut = () => {
    mode = 'cut';
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    held.clear();
  };
  return {
    port,
    cut,
    freeze() {
      mode = 'frozen';
    },
    restore() {
      mode = 'open';
      for (const [to, chunks] of held) for (const chunk of chunks) to.write(chunk);
      held.clear();
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

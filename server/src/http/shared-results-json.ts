import type { ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';

/** Stands in a `next` message for its payload until the message is sent. */
const MARKER = '\u0000payload';
/** How the message's text ends with the marker as its last field (`payload` is the last field graphql-ws writes). */
const MARKED_END = `${JSON.stringify(MARKER)}}`;

/**
 * Each result's JSON written once for every subscriber it goes to.
 *
 * graphql-ws writes every `next` message with `JSON.stringify` of the whole
 * result, once per subscriber. Live topics hand one result object to every
 * subscriber who asked the same thing of the same event (`sharedSubscribe`),
 * so the text of its payload is the same for each of them: here it is
 * written for the first and reused for the rest, and only the envelope
 * (`{"id":…,"type":"next",…}`) is written per subscriber.
 *
 * Three hooks work together: `onNext` hands graphql-ws the result object
 * itself as the payload (instead of a copy per subscriber); graphql-ws's
 * message `replacer` puts a marker where the payload goes and remembers the
 * payload's text; and each socket's `send` puts the text in place of the
 * marker. graphql-ws writes a message and sends it in the same synchronous
 * step, so the remembered text always belongs to the message being sent; a
 * message whose text does not end with the marker is sent as it is.
 */
export function sharedResultsJson() {
  const texts = new WeakMap<object, string>();
  let message: unknown = null;
  let payload: string | null = null;

  const textOf = (value: object): string => {
    let text = texts.get(value);
    if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
    return text;
  };

  return {
    /** A result without errors goes out as it is, so every subscriber's message holds the same object. */
    onNext(result: ExecutionResult): ExecutionResult | undefined {
      return result.errors?.length ? undefined : result;
    },

    /** graphql-ws's `jsonMessageReplacer`: the payload of a `next` message becomes the marker. */
    replacer(this: unknown, key: string, value: unknown): unknown {
      if (key === '') {
        message = value;
        payload = null;
      } else if (key === 'payload' && this === message && (message as { type?: unknown }).type === 'next' && typeof value === 'object' && value !== null) {
        payload = textOf(value);
        return MARKER;
      }
      return value;
    },

    /** Each socket sends its messages with the payload's text in place of the marker. */
    attach(socket: WebSocket): void {
      const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
      socket.send = ((data: unknown, ...rest: unknown[]) => {
        const text = payload;
        payload = null;
        if (text !== null && typeof data === 'string' && data.endsWith(MARKED_END)) {
          data = `${data.slice(0, -MARKED_END.length)}${text}}`;
        }
        send(data, ...rest);
      }) as WebSocket['send'];
    },
  };
}

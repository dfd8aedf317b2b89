/** Passes on only the events a subscriber may see; closing the stream closes the source. */
export async function* filterEvents<T>(source: AsyncIterable<T>, keep: (event: T) => boolean): AsyncGenerator<T> {
  for await (const event of source) if (keep(event)) yield event;
}

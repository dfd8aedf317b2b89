/**
 * A small least-recently-used map: immutable content (trees) is cached by id.
 * `capacity` bounds the number of entries, or with `weigh` their total weight;
 * a value heavier than the whole capacity is not kept.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private weight = 0;
  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  delete(key: K): void {
    const value = this.map.get(key);
    if (value === undefined) return;
    this.map.delete(key);
    this.weight -= this.weigh(value);
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.capacity) return;
    this.map.set(key, value);
    this.weight += weight;
    while (this.weight > this.capacity) this.delete(this.map.keys().next().value as K);
  }
}

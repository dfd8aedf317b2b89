import { Lru } from '../lru';

describe('Lru', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
  });

  it('with a weight, keeps entries up to their total weight and never one heavier than the whole', () => {
    const lru = new Lru<string, string>(5, (value) => value.length);
    lru.set('a', 'xx');
    lru.set('b', 'yyy');
    lru.set('c', 'z');
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([false, true, true]);
    lru.set('b', 'y');
    lru.set('d', 'www');
    expect([lru.get('b'), lru.get('c'), lru.get('d')]).toEqual(['y', 'z', 'www']);
    lru.set('e', 'vvvvvv');
    expect(lru.has('e')).toBe(false);
    expect([lru.has('b'), lru.has('c'), lru.has('d')]).toEqual([true, true, true]);
  });
});

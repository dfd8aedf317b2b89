import { TaskPool } from '../task-pool';

/** A task that finishes when told to, recording how many ran at once. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('TaskPool', () => {
  it('runs at most `limit` tasks at once and all of them in the end', async () => {
    const pool = new TaskPool(3);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    for (let i = 0; i < 10; i++) {
      await pool.add(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        done.push(i);
      });
    }
    await pool.drain();
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('throws the first failure only once every running task has settled', async () => {
    const pool = new TaskPool(2);
    const slow = gate();
    let slowFinished = false;
    await pool.add(async () => {
      await slow.opened;
      slowFinished = true;
    });
    await pool.add(async () => {
      throw new Error('first');
    });
    const next = pool.add(async () => undefined);
    setImmediate(slow.open);
    await expect(next).rejects.toThrow('first');
    expect(slowFinished).toBe(true);
    await expect(pool.drain()).rejects.toThrow('first');
  });
});

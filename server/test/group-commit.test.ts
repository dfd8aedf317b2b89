import { In, type EntityManager } from 'typeorm';
import { GroupCommit } from '../src/db/group-commit';
import { MaintenanceLease } from '../src/modules/storage/maintenance-lease.entity';
import { describeDb, startTestServer, type TestServer } from './support/test-server';

/**
 * Group commit on a real database: writes handed in together share one
 * transaction, a piece that fails is undone alone and its caller told, and
 * nothing of a group whose last writes fail is kept.
 */
describeDb('group commit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const db = () => server.app.db;
  const rows = async (names: string[]) => (await db().manager.findBy(MaintenanceLease, { name: In(names) })).map((r) => r.name).sort();
  const write = (name: string) => async (m: EntityManager) => {
    await m.insert(MaintenanceLease, { name, holder: 'test', expiresAt: null, lastFinishedAt: null });
    return name;
  };

  test('pieces handed in together commit in one transaction, each caller with its own answer, after beforeCommit saw them all', async () => {
    const seen: string[][] = [];
    const group = new GroupCommit<string>(db(), { maxGroup: 10, lanes: 1, beforeCommit: async (_m, values) => void seen.push([...values]) });
    const names = ['gc-a1', 'gc-a2', 'gc-a3', 'gc-a4'];
    const answers = await Promise.all(names.map((n) => group.run(write(n))));
    expect(answers).toEqual(names);
    expect(await rows(names)).toEqual(names);
    // beforeCommit runs once per transaction. The first piece starts one at once; the three handed in meanwhile share the next.
    expect(seen).toEqual([['gc-a1'], ['gc-a2', 'gc-a3', 'gc-a4']]);
  });

  test('a piece that throws is undone alone: its caller gets the error, the others commit', async () => {
    const group = new GroupCommit<string>(db(), { maxGroup: 10, lanes: 1 });
    const first = group.run(write('gc-b0'));
    const others = [
      group.run(write('gc-b1')),
      group.run(async (m) => {
        await write('gc-b2')(m);
        throw new Error('the head moved');
      }),
      group.run(write('gc-b3')),
    ];
    const settled = await Promise.allSettled([first, ...others]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('the head moved'));
    expect(await rows(['gc-b0', 'gc-b1', 'gc-b2', 'gc-b3'])).toEqual(['gc-b0', 'gc-b1', 'gc-b3']);
  });

  test('when the writes after the pieces fail, every caller of the group hears it and none of its pieces is kept', async () => {
    const group = new GroupCommit<string>(db(), {
      maxGroup: 10,
      lanes: 1,
      beforeCommit: async (_m, values) => {
        if (values.includes('gc-c2')) throw new Error('the audit chain could not be written');
      },
    });
    const settled = await Promise.allSettled(['gc-c1', 'gc-c2', 'gc-c3'].map((n) => group.run(write(n))));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(await rows(['gc-c1', 'gc-c2', 'gc-c3'])).toEqual(['gc-c1']);
  });

  test('no more pieces than maxGroup share a transaction', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<string>(db(), { maxGroup: 2, lanes: 1, beforeCommit: async (_m, values) => void sizes.push(values.length) });
    const names = ['gc-d1', 'gc-d2', 'gc-d3', 'gc-d4', 'gc-d5', 'gc-d6'];
    await Promise.all(names.map((n) => group.run(write(n))));
    expect(sizes).toEqual([1, 2, 2, 1]);
    expect(await rows(names)).toEqual(names);
  });
});

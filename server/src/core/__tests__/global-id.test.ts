import { DomainError } from '../errors';
import { detailsForClients, fromGlobalId, rawIdOf, toGlobalId } from '../graphql/global-id';

const RAW = '3f0c2a8e-5b1d-4c7e-9a6f-0d2e4b8c1a3f';

const refusal = (run: () => unknown): { code: string; message: string } => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('not refused');
};

describe('global ids', () => {
  it('round-trip and name their type, in base64url without padding', () => {
    const id = toGlobalId('Space', RAW);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(id, 'base64url').toString()).toBe(`Space:${RAW}`);
    expect(fromGlobalId(id)).toEqual({ type: 'Space', raw: RAW });
  });

  it('accept raw ids as they are, with no type', () => {
    expect(fromGlobalId(RAW)).toEqual({ type: null, raw: RAW });
    expect(fromGlobalId(`msg_${'a'.repeat(32)}`)).toEqual({ type: null, raw: `msg_${'a'.repeat(32)}` });
    expect(rawIdOf(RAW, ['Workspace'])).toBe(RAW);
  });

  it('refuse forged values with BAD_USER_INPUT naming the value', () => {
    for (const forged of ['xyz', '', 'Space:abc', toGlobalId('Space', 'a b'), toGlobalId('space', RAW), `${toGlobalId('Space', RAW)}=`, `${toGlobalId('Space', RAW)}.`, 'x'.repeat(200)]) {
      expect([forged, refusal(() => fromGlobalId(forged))]).toEqual([forged, { code: 'BAD_USER_INPUT', message: expect.stringContaining('is not a Stagecoach id') }]);
    }
    expect(refusal(() => fromGlobalId('xyz')).message).toBe('`xyz` is not a Stagecoach id');
  });

  it('refuse an id of another type than expected, and accept any type where none is expected', () => {
    const workspace = toGlobalId('Workspace', RAW);
    expect(refusal(() => rawIdOf(workspace, ['Space']))).toEqual({
      code: 'BAD_USER_INPUT',
      message: `the id \`${workspace}\` names a Workspace, where a Space id is expected`,
    });
    expect(refusal(() => rawIdOf(toGlobalId('Assignment', RAW), ['User', 'StudentAlias'])).message).toContain('names an Assignment, where a User or StudentAlias id is expected');
    expect(rawIdOf(workspace, ['Space', 'Workspace'])).toBe(RAW);
    expect(rawIdOf(workspace, [])).toBe(RAW);
  });

  it('leave the handle of a hidden student as it is, both ways', () => {
    const handle = Buffer.from(`StudentAlias:${RAW}:3`).toString('base64url');
    expect(toGlobalId('User', handle)).toBe(handle);
    expect(fromGlobalId(handle)).toEqual({ type: 'StudentAlias', raw: handle });
    expect(rawIdOf(handle, ['User', 'StudentAlias'])).toBe(handle);
    expect(refusal(() => rawIdOf(handle, ['Space'])).code).toBe('BAD_USER_INPUT');
  });

  it('name the user of a winning change in error details by their global id', () => {
    expect(detailsForClients({ currentVersion: 2, changedBy: { id: RAW, name: 'Ada' } })).toEqual({ currentVersion: 2, changedBy: { id: toGlobalId('User', RAW), name: 'Ada' } });
    expect(detailsForClients({ changedBy: null })).toEqual({ changedBy: null });
    expect(detailsForClients(undefined)).toEqual({});
  });
});

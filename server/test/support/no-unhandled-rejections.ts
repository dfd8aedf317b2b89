/**
 * Fails the test during which a promise rejection went unhandled: in a
 * server process that would be a crash (Node's default) or a silently lost
 * error, never something to let pass.
 */
const seen: unknown[] = [];
const record = (reason: unknown) => {
  seen.push(reason);
};
process.on('unhandledRejection', record);

afterEach(() => {
  const reasons = seen.splice(0);
  if (reasons.length > 0) {
    const shown = reasons.map((r) => (r instanceof Error ? (r.stack ?? r.message) : String(r))).join('\n---\n');
    throw new Error(`${reasons.length} unhandled promise rejection(s) during this test:\n${shown}`);
  }
});

afterAll(() => {
  process.off('unhandledRejection', record);
});
export {};

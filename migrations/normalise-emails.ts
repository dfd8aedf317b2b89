import type { QueryRunner } from 'typeorm';

/**
 * Brings stored e-mail addresses to the one form lookups use (trimmed, NFC,
 * lower-cased; see server/src/modules/users/email.ts). Written out here
 * rather than imported so the migration keeps doing what it did when the
 * rule changes later.
 *
 * Two accounts whose addresses become equal cannot both keep them (the
 * column is unique): the older account gets the normalised address, which
 * every sign-in now reaches; each younger one keeps its address exactly as
 * stored, is reported on the console, and is left for an operator to merge
 * or rename. Nothing is deleted and the migration never fails on them.
 */
export async function normaliseStoredEmails(queryRunner: QueryRunner): Promise<void> {
  const q = (name: string) => queryRunner.connection.driver.escape(name);
  const key = (email: string) => email.trim().normalize('NFC').toLowerCase();
  const users: { id: string; email: string }[] = await queryRunner.query(
    `SELECT ${q('id')}, ${q('email')} FROM ${q('user')} ORDER BY ${q('createdAt')}, ${q('id')}`,
  );
  const taken = new Map(users.filter((u) => u.email === key(u.email)).map((u) => [u.email, u.id]));
  for (const user of users) {
    const normal = key(user.email);
    if (normal === user.email) continue;
    const holder = taken.get(normal);
    if (holder) {
      console.warn(`e-mail normalisation: account ${user.id} <${user.email}> is the same address as account ${holder}; left unchanged for an operator to merge or rename`);
      continue;
    }
    await queryRunner.query(`UPDATE ${q('user')} SET ${q('email')} = ? WHERE ${q('id')} = ?`, [normal, user.id]);
    taken.set(normal, user.id);
  }
  const invitations: { id: string; email: string }[] = await queryRunner.query(
    `SELECT ${q('id')}, ${q('email')} FROM ${q('invitation')} WHERE ${q('email')} IS NOT NULL`,
  );
  for (const invitation of invitations) {
    const normal = key(invitation.email);
    if (normal !== invitation.email) await queryRunner.query(`UPDATE ${q('invitation')} SET ${q('email')} = ? WHERE ${q('id')} = ?`, [normal, invitation.id]);
  }
}

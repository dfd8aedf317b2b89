import { randomBytes, randomUUID } from 'node:crypto';
import type { Services } from '../services';
import { User } from '../modules/users/user.entity';
import type { Actor } from '../modules/users/users.service';

const USER_BATCH = 200;

/** Student `i`'s number in a class enrolled by `enrolClass` ("S00042"): searchable, and the same from run to run. */
export const classStudentNumber = (i: number) => `S${String(i + 1).padStart(5, '0')}`;

/**
 * Enrols `count` students in a course at once, as an admin would with a
 * roster: their accounts are inserted in batches (without a password: they
 * cannot sign in), then one roster import adds them all, each with a student
 * number and a personal workspace, in one transaction. Returns the accounts.
 */
export async function enrolClass(services: Services, admin: Actor, spaceId: string, count: number): Promise<User[]> {
  const salt = randomBytes(3).toString('hex');
  const users = Array.from({ length: count }, (_, i) =>
    Object.assign(new User(), {
      id: randomUUID(),
      email: `student-${String(i + 1).padStart(4, '0')}.${salt}@class.example.org`,
      name: `Student ${String(i + 1).padStart(4, '0')}`,
      passwordHash: null,
      createdAt: new Date(),
      instanceAdmin: false,
    }),
  );
  for (let i = 0; i < users.length; i += USER_BATCH) await services.db.manager.insert(User, users.slice(i, i + USER_BATCH));
  const csv = ['Name,E-mail,Student number', ...users.map((u, i) => `${u.name},${u.email},${classStudentNumber(i)}`)].join('\n');
  const preview = await services.rosterImport.preview(admin, spaceId, csv, 'MEMBER');
  await services.rosterImport.apply(admin, spaceId, csv, 'MEMBER', { expectedPreviewHash: preview.previewHash });
  return users;
}

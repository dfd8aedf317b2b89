import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Access is decided in core/policy only: a role compared or checked anywhere
 * else is a rule that a maintainer would not find. Data that names a role
 * (a creator becoming ADMIN, a query for the staff's ids) is fine elsewhere.
 */
const SRC = join(__dirname, '..', '..', '..');
const DECISION = /STAFF(_ROLES)?\.includes\(|[!=]==\s*'(ADMIN|TA|MEMBER|VIEWER)'|'(ADMIN|TA|MEMBER|VIEWER)'\s*[!=]==|\[\s*'ADMIN',\s*'TA'\s*\]\.includes/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' || name === 'bench' || name === 'seed' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('access decisions', () => {
  it('are made in core/policy and nowhere else', () => {
    const policy = join(SRC, 'core', 'policy') + sep;
    const outside = sources(SRC)
      .filter((file) => !file.startsWith(policy))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (DECISION.test(line) ? [`${relative(SRC, file)}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(outside).toEqual([]);
  });

  it('the check recognises a decision', () => {
    expect(DECISION.test("if (membership.role === 'ADMIN') return;")).toBe(true);
    expect(DECISION.test("const staff = ['ADMIN', 'TA'].includes(role);")).toBe(true);
    expect(DECISION.test("await manager.insert(Membership, membershipRow(space.id, a.user.id, 'ADMIN'));")).toBe(false);
  });
});

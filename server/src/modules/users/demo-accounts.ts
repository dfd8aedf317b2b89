/** The demo course's people; every one signs in with DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'stagecoach-demo';
export const DEMO_ACCOUNTS = [
  { email: 'instructor@demo.stagecoach.test', name: 'Ada Instructor', role: 'ADMIN' as const },
  { email: 'ta@demo.stagecoach.test', name: 'Tomás Assistant', role: 'TA' as const },
  ...['Amara Okafor', 'Ben Carter', 'Chen Wei', 'Dana Levi', 'Emil Novak', 'Farah Haddad'].map((name) => ({
    email: `${name.split(' ')[0].toLowerCase()}@demo.stagecoach.test`,
    name,
    role: 'MEMBER' as const,
  })),
] as const;

/** The demo logins the login page lists: only in demo mode, never in production. */
export const demoLogins = (config: { seedDemo: boolean; env: string }) =>
  config.seedDemo && config.env !== 'production'
    ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name, role: a.role, password: DEMO_PASSWORD }))
    : [];

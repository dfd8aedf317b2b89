export { AccessPolicy, type AccessFacts } from './access-policy';
export type { Actor } from './actor';
export * from './roles';
export * from './spaces';
export * from './workspaces';
export * from './distributions';
export * from './assignments';
export * from './audit';
export * from './accounts';

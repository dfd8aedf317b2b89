export { AccessPolicy } from './access-policy';
export * from './roles';
export * from './spaces';
export * from './workspaces';
export * from './distributions';
export * from './assignments';
export * from './audit';
export * from './accounts';

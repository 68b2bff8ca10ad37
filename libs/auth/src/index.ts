/**
 * Access control's pure core: password and token hashing, the user stream (accounts and
 * refresh-token sessions as decide/evolve), and the authorization policy table. No NestJS, no
 * database, no clock; the api wires it (JWT signing, guards, the bootstrap check).
 */
export * from './password';
export * from './password.policy';
export * from './roles';
export * from './user';
export * from './policy/policy.table';
export * from './policy/authorize';
export * from './policy/organisation-scope';

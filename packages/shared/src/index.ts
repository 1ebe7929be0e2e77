export * from './roles.ts';
export * from './pairing-round.ts';
export * from './contracts/page.ts';
export * from './contracts/users.ts';
export * from './contracts/orgs.ts';
export * from './contracts/board.ts';
export * from './contracts/directory.ts';
export * from './contracts/rounds.ts';

export * from './roles.ts';
export * from './pairing-round.ts';

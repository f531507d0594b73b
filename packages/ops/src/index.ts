export * from './drift.ts';
export * from './names.ts';
export * from './progress.ts';
export * from './redrive.ts';
export * from './replay.ts';
export * from './restore.ts';
export * from './sqs-dead-letters.ts';

export * from './model.ts';
export * from './mask.ts';
export * from './register.ts';
export * from './calendar.ts';

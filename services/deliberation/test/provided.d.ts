// What the integration setup (test/setup/local-stack.ts) provides, declared again here so this service type-checks
// on its own (`tsc -p services/deliberation`); the declarations merge and must stay identical.
declare module 'vitest' {
  export interface ProvidedContext {
    stack: { url: string; dynamodb: string; s3: string; eventbridge: string };
  }
}
export {};

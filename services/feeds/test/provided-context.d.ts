// What the integration project's global setup (test/setup/local-stack.ts) provides, declared here too so
// `tsc -p services/feeds` types `inject('stack')` without compiling the local stack itself.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { url: string; dynamodb: string; s3: string; eventbridge: string };
  }
}

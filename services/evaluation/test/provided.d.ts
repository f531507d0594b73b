// What the integration setup (test/setup/local-stack.ts) provides, declared here too so this service's own
// `tsc -p services/evaluation` knows the type of `inject('stack')`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { url: string; dynamodb: string; s3: string; eventbridge: string };
  }
}

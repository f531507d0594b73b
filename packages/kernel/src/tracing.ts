import type { MiddlewareObj } from '@middy/core';

/**
 * X-Ray tracing, when a deployment turns it on. Handlers and runtimes see only this shape, so a function built
 * without tracing carries neither the X-Ray SDK nor Powertools' tracer (see `xray.ts`, imported only when on).
 */
export interface Tracing {
  /** The middleware that opens and closes the invocation's segment. */
  middleware(): MiddlewareObj;
  /** The same client, with its calls recorded as subsegments. */
  captureClient<T>(client: T): T;
}

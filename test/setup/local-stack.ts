import type { TestProject } from 'vitest/node';
import { startLocalStack } from '@cocreate/local';
import { manifests, seedDemoProvince } from '@cocreate/suite';

import '@cocreate/local/testing';

/** Starts the whole local stack once for all integration tests; they talk to it over HTTP like any client. */
export default async function setup(project: TestProject) {
  // Concurrency tests send hundreds of requests at once to one DynamoDB Local on a 2-core machine: give each request
  // four times a Lambda's time before it is cut off (what they check is the outcome, not the speed).
  const stack = await startLocalStack({
    services: manifests,
    seedRegister: seedDemoProvince,
    port: 0,
    retryBaseDelayMs: 50,
    timeoutScale: 4,
    // Each file starts on a fresh world: the next one is made while the current file runs.
    spareWorlds: true,
  });
  project.provide('stack', {
    url: stack.url,
    dynamodb: stack.endpoints.dynamodb,
    s3: stack.endpoints.s3,
    eventbridge: stack.endpoints.eventbridge,
  });
  return async () => {
    await stack.stop();
  };
}

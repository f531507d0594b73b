import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { runtimeEnv } from '../names.ts';
import { createOutboxRelay } from '../relay.ts';
import { loggerFor, metricsFor, required, tracingFor } from './common.ts';

/**
 * The handler of a service's outbox relay. It takes the service's name, not its manifest: the relay only moves
 * committed outbox rows to the bus, so it carries none of the service's routes, rules or schemas.
 */
export async function relayFunction(service: string) {
  const tracing = await tracingFor(service);
  const eventBridge = new EventBridgeClient({});
  return createOutboxRelay({
    eventBridge: tracing ? tracing.captureClient(eventBridge) : eventBridge,
    busName: required(process.env, runtimeEnv.bus),
    logger: loggerFor(service),
    metrics: metricsFor(service),
  });
}

/** The local EventBridge bus: see {@link LocalEventBus}. */
export { LocalEventBus, type EventListener, type LocalEventBusOptions } from './local-event-bus.ts';
export type { DeliveryFaults, Logger, TargetHandler } from './delivery.ts';
export type { BusEvent, DeadLetter, DeliveredEvent } from './model.ts';

import { relayFunction } from '@cocreate/kernel/lambda/relay';

export const handler = await relayFunction('compacts');

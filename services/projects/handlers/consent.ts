import { ConsentPollClosed } from '@cocreate/contracts';
import { defineSubscription } from '@cocreate/kernel';
import { recordConsentPoll } from '../app/consent.ts';

/** A renovation's willingness survey is the consent poll that passed for its compound: projects keeps each result. */
export const onConsentPollClosed = defineSubscription({
  name: 'consent-poll-closed',
  summary: 'Keep each closed owners’ consent poll (scope, matter, passed) for the willingness survey of renovations',
  events: [ConsentPollClosed],
  handler: (event, ctx) => recordConsentPoll(event, ctx),
});

import { SubscriptionResumed } from '@cocreate/contracts';
import { type FieldError, type RouteContext, newId, reply } from '@cocreate/kernel';
import { MAX_SUBSCRIPTIONS_PER_AGENCY } from '../domain/agencies.ts';
import { publicBaseOf } from '../domain/cloudevents.ts';
import { checkPattern } from '../domain/matching.ts';
import { generateSecret } from '../domain/signatures.ts';
import {
  type CreateSubscription,
  type RotateSecret,
  type Subscription,
  type SubscriptionView,
  type UpdateSubscription,
  atVersion,
  checkWebhookUrl,
  resume,
  rotate,
  view,
  webhookOnly,
} from '../domain/subscriptions.ts';
import { agencies } from '../repos/agencies.ts';
import { subscriptions } from '../repos/subscriptions.ts';
import { agencyFor, subscriptionFor } from './access.ts';
import { newReplay } from './replays.ts';
import { refuse, refuseFields, settled } from './refusals.ts';
import { webhookPolicy } from './webhook-client.ts';

function patternOrThrow(pattern: unknown): string {
  const checked = checkPattern(pattern);
  if (!checked.ok) {
    throw refuseFields(
      'invalid-pattern',
      // EventBridge's own reason names the field and the operator; a Chinese reader is told what it is about first.
      checked.errors.map((reason): FieldError => ({
        in: 'body',
        pointer: '/pattern',
        rule: 'event-pattern',
        message: { zh: `事件模式不符合 EventBridge 的规则：${reason}`, en: reason },
      })),
      { reasons: checked.errors },
    );
  }
  return checked.text;
}

function urlOrThrow(url: string, pointer: string): string {
  const checked = checkWebhookUrl(url, webhookPolicy());
  if (!checked.ok) throw refuseFields('invalid-webhook-url', [{ in: 'body', pointer, rule: 'webhook-url', message: checked.reason }]);
  return checked.url;
}

/** The version-conditional edit of what the agency configures. */
const atVersionRead = (sub: Subscription) => ({ expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': sub.version } });

export async function createSubscription(
  agencyId: string,
  cmd: CreateSubscription,
  ctx: RouteContext,
): Promise<{ subscription: SubscriptionView; secret?: string }> {
  const agency = await agencyFor(agencyId, ctx);
  const pattern = patternOrThrow(cmd.pattern);
  const now = ctx.now().toISOString();
  const secret = cmd.delivery.mode === 'webhook' ? generateSecret() : undefined;
  const sub: Subscription = {
    subscriptionId: newId(),
    agencyId: agency.agencyId,
    jurisdiction: agency.jurisdiction,
    name: cmd.name,
    pattern,
    delivery: cmd.delivery.mode === 'webhook' ? { mode: 'webhook', url: urlOrThrow(cmd.delivery.url, '/delivery/url') } : { mode: 'pull' },
    status: 'active',
    consecutiveDeadLetters: 0,
    secrets: secret ? [{ secretId: newId(), secret, createdAt: now }] : [],
    schemaBaseUrl: publicBaseOf(ctx),
    createdBy: ctx.actor.sub,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  agencies.countSubscriptions(ctx.tx, agency.agencyId, 1, {
    max: MAX_SUBSCRIPTIONS_PER_AGENCY,
    onConflict: refuse('too-many-subscriptions'),
  });
  subscriptions.create(ctx.tx, sub, 'retry');
  return { subscription: view(sub), ...(secret ? { secret } : {}) };
}

export async function listSubscriptions(agencyId: string, ctx: RouteContext): Promise<{ items: SubscriptionView[] }> {
  await agencyFor(agencyId, ctx);
  const items = await subscriptions.ofAgency(ctx.table, agencyId);
  return { items: items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(view) };
}

export async function getSubscription(agencyId: string, subscriptionId: string, ctx: RouteContext): Promise<SubscriptionView> {
  return view((await subscriptionFor(agencyId, subscriptionId, ctx)).subscription);
}

export async function updateSubscription(
  agencyId: string,
  subscriptionId: string,
  cmd: UpdateSubscription,
  ctx: RouteContext,
): Promise<SubscriptionView> {
  const { subscription: sub } = await subscriptionFor(agencyId, subscriptionId, ctx);
  settled(atVersion(sub, cmd.expectedVersion));
  const set: Record<string, unknown> = { updatedAt: ctx.now().toISOString() };
  if (cmd.name !== undefined) set.name = cmd.name;
  if (cmd.pattern !== undefined) set.pattern = patternOrThrow(cmd.pattern);
  if (cmd.url !== undefined) {
    settled(webhookOnly(sub));
    set.delivery = { mode: 'webhook', url: urlOrThrow(cmd.url, '/url') };
  }
  subscriptions.change(
    ctx.tx,
    sub,
    { set },
    { bump: true, condition: atVersionRead(sub), onConflict: refuse('stale-version', { currentVersion: sub.version }) },
  );
  return view({ ...sub, ...(set as Partial<Subscription>), version: sub.version + 1 });
}

export async function deleteSubscription(agencyId: string, subscriptionId: string, ctx: RouteContext) {
  const { subscription: sub } = await subscriptionFor(agencyId, subscriptionId, ctx);
  subscriptions.delete(ctx.tx, sub, sub.version, 'retry');
  agencies.countSubscriptions(ctx.tx, sub.agencyId, -1);
  return reply(undefined, { status: 204 });
}

export async function rotateSecret(agencyId: string, subscriptionId: string, cmd: RotateSecret, ctx: RouteContext) {
  const { subscription: sub } = await subscriptionFor(agencyId, subscriptionId, ctx);
  settled(webhookOnly(sub));
  const now = ctx.now();
  const next = { secretId: newId(), secret: generateSecret(), createdAt: now.toISOString() };
  const secrets = rotate(sub.secrets, next, now, cmd.overlapSeconds);
  subscriptions.change(
    ctx.tx,
    sub,
    { set: { secrets, updatedAt: now.toISOString() } },
    { bump: true, condition: atVersionRead(sub), onConflict: 'retry' },
  );
  return {
    secret: next.secret,
    secretId: next.secretId,
    overlapUntil: new Date(now.getTime() + cmd.overlapSeconds * 1000).toISOString(),
    subscription: view({ ...sub, secrets, version: sub.version + 1 }),
  };
}

/** Resumes a paused subscription; with `replayMissed`, what happened while it was paused is replayed to it. */
export async function resumeSubscription(
  agencyId: string,
  subscriptionId: string,
  cmd: { replayMissed: boolean },
  ctx: RouteContext,
): Promise<{ subscription: SubscriptionView; replayId?: string }> {
  const { subscription: sub } = await subscriptionFor(agencyId, subscriptionId, ctx);
  const now = ctx.now();
  const { next, pausedAt, missedFrom } = settled(resume(sub, now));
  subscriptions.change(
    ctx.tx,
    sub,
    { set: { status: 'active', consecutiveDeadLetters: 0, updatedAt: now.toISOString() }, remove: ['pause'] },
    {
      bump: true,
      condition: { expression: '#s = :paused', names: { '#s': 'status' }, values: { ':paused': 'paused' } },
      onConflict: 'retry',
    },
  );
  const replayId = cmd.replayMissed && missedFrom ? (await newReplay(ctx, sub, missedFrom, now)).replayId : undefined;
  ctx.tx.emit(
    SubscriptionResumed,
    {
      agencyId: sub.agencyId,
      subscriptionId: sub.subscriptionId,
      jurisdiction: sub.jurisdiction,
      resumedAt: now.toISOString(),
      pausedAt,
      ...(replayId ? { replayId } : {}),
    },
    { place: sub.jurisdiction },
  );
  return { subscription: view(next), ...(replayId ? { replayId } : {}) };
}

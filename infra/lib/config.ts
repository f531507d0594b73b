import * as z from 'zod';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { RegionInfo } from 'aws-cdk-lib/region-info';

/**
 * A deployment is one province (or one demo) in one AWS region: which account and region it lands in, the counties it
 * serves, who issues its users' tokens, where alarms go and how long things are kept. One file per deployment under
 * `infra/config/`, chosen by the CDK context value `deployment`.
 */

/** Place path as in `@cocreate/contracts` (kept local so the CDK app does not load the event catalogue). */
const PlacePath = z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'lower-case ids joined by "/"');

/** A county is the third level of the place tree: province/city/county. */
const CountyPath = PlacePath.refine((p) => p.split('/').length === 3, 'a county path: province/city/county');

/** EventBridge/Lambda-safe name segment (the same rule the kernel applies to subscription and job names). */
const SafeName = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and "-", at most 40');

const HttpsUrl = z.url({ protocol: /^https$/ });

const Partition = z.enum(['aws', 'aws-cn']);
export type Partition = z.infer<typeof Partition>;

/** Cognito user pool created by the platform stack (only where Cognito user pools exist). */
const CognitoIdentity = z.object({ kind: z.literal('cognito') });

/** An external OpenID Connect issuer, e.g. a province's government identity platform. */
const OidcIdentity = z.object({
  kind: z.literal('oidc'),
  issuer: HttpsUrl,
  /**
   * The `aud` (or `client_id`) tokens must carry. One value: the kernel's verifier, which checks the token again
   * inside the function, takes a single audience.
   */
  audience: z.string().min(1),
  jwksUrl: HttpsUrl,
  /** Claim carrying the caller's role grants. */
  rolesClaim: z.string().min(1).default('roles'),
});

const Identity = z.discriminatedUnion('kind', [CognitoIdentity, OidcIdentity]);

/**
 * A host that cannot be anybody's real identity platform: the reserved example and test names (RFC 2606, RFC 6761)
 * and any `example` label under another suffix (`id.hubei.example.cn`), which is how configs mark an issuer still to
 * be registered.
 */
export function isPlaceholderHost(url: string): boolean {
  const labels = new URL(url).hostname.toLowerCase().split('.');
  const tld = labels.at(-1);
  return labels.includes('example') || tld === 'test' || tld === 'invalid' || tld === 'localhost' || labels.length === 1;
}
export type IdentityConfig = z.infer<typeof Identity>;

const retentionValues = new Set<number>(Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'));
const LogRetention = z
  .number()
  .int()
  .refine((d) => retentionValues.has(d), 'a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, …)')
  .transform((d) => d as RetentionDays);

/**
 * An agency (county housing, finance or audit bureau) that receives a copy of some event types on its own event bus.
 * Events are scoped to the counties the agency covers, matched on the event's `meta.place`.
 */
const AgencySubscription = z.object({
  name: SafeName,
  agency: z.string().min(1),
  detailTypes: z.array(z.string().min(1)).min(1),
  /** Counties whose events are forwarded; default all counties of the deployment. */
  counties: z.array(CountyPath).optional(),
  /** The agency's event bus; its resource policy must allow this account to PutEvents. */
  targetBusArn: z.string().regex(/^arn:aws(-cn)?:events:[a-z0-9-]+:\d{12}:event-bus\/[A-Za-z0-9._\-/]+$/, 'an event bus ARN'),
});
export type AgencySubscription = z.infer<typeof AgencySubscription>;

/**
 * A service's table swapped for a point-in-time restore of it (`pnpm ops restore`, docs/deploy.md "Restoring a
 * table"). The swap is configuration, deployed like any other change, so CloudFormation, the functions and
 * `pnpm ops drift` agree on which table a service uses: its functions read and write this table and are granted it
 * (and its indexes) only; the outbox relay reads its stream from the oldest record (the stream was turned on before
 * the swap and holds only writes made after it). The stack's own table stays, retained and unused, and so does the
 * relay's mapping on its stream: `draining` keeps it enabled so records written to the old table while the functions
 * switched are still published; `retired` disables it (once the old stream is drained, a second deploy).
 */
const RestoredTable = z
  .object({
    table: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name'),
    /** The restored table's stream (`LatestStreamArn`), which `pnpm ops restore --swap` prints. */
    streamArn: z.string().regex(/^arn:aws(-cn)?:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]+\/stream\/\S+$/, 'a DynamoDB stream ARN'),
    previousStream: z.enum(['draining', 'retired']).default('draining'),
  })
  .refine((t) => t.streamArn.includes(`:table/${t.table}/stream/`), {
    message: 'streamArn is not the stream of table',
    path: ['streamArn'],
  });
export type RestoredTable = z.output<typeof RestoredTable>;

export const DeploymentConfig = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,23}$/, 'lower-case, digits and "-", 2–24 characters'),
    description: z.string().min(1),
    /**
     * Serves real residents: its stacks get termination protection, and it must name its account (a deploy from the
     * wrong credentials then fails instead of creating a second province) and a real issuer. Defaults to true, so
     * a new province's config is held to that unless it says it is a demo or sandbox (`production: false`).
     */
    production: z.boolean().default(true),
    account: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    partition: Partition,
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
    counties: z.array(CountyPath).min(1),
    identity: Identity,
    alarms: z
      .object({
        /** Subscribed to the alarm topic the platform creates. */
        emails: z.array(z.email()).default([]),
        /** Use an existing topic (e.g. the province's on-call topic) instead of creating one. */
        topicArn: z
          .string()
          .regex(/^arn:aws(-cn)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/)
          .optional(),
      })
      .default({ emails: [] }),
    logRetentionDays: LogRetention.default(RetentionDays.SIX_MONTHS),
    /** How long the bus archive keeps events for replay; 0 keeps them indefinitely. */
    archiveRetentionDays: z.number().int().min(0).default(365),
    evidence: z
      .object({
        /** Old versions of overwritten or deleted evidence are kept this long before expiring. */
        noncurrentVersionDays: z.number().int().min(1).default(365),
        accessLogDays: z.number().int().min(1).default(365),
      })
      .default({ noncurrentVersionDays: 365, accessLogDays: 365 }),
    /** Browser origins of the web clients: CORS of the HTTP APIs and of presigned evidence uploads. */
    webOrigins: z.array(HttpsUrl).default([]),
    /**
     * The public base URL of the HTTP APIs where a custom domain maps them under one origin: absolute links the
     * services hand out (CloudEvents' `dataschema`) are built from it. Absent, each service links to its own API's
     * endpoint. Never taken from a request's `Host`/`X-Forwarded-Host`, which a caller controls.
     */
    publicBaseUrl: HttpsUrl.optional(),
    api: z
      .object({ rateLimit: z.number().int().positive().default(200), burstLimit: z.number().int().positive().default(400) })
      .default({ rateLimit: 200, burstLimit: 400 }),
    /**
     * Lambda concurrency. Each job function reserves `jobReservedConcurrency` executions (1: a long sweep never
     * overlaps its next tick); `false` reserves nothing, and a run that outlasts its schedule's interval may then
     * overlap the next one. Lambda refuses reservations that leave fewer than 100 unreserved executions in the
     * account, and a new account's quota may be far below the usual 1,000: `accountConcurrencyLimit` is the
     * "Concurrent executions" quota of the account in this region (Service Quotas), checked at synth.
     */
    lambda: z
      .object({
        jobReservedConcurrency: z.union([z.literal(false), z.number().int().min(1)]).default(1),
        accountConcurrencyLimit: z.number().int().min(1).default(1000),
      })
      .default({ jobReservedConcurrency: 1, accountConcurrencyLimit: 1000 }),
    /** Active X-Ray tracing of the functions. */
    tracing: z.boolean(),
    agencySubscriptions: z.array(AgencySubscription).default([]),
    /** Services whose table is swapped for a restored one (see `RestoredTable`); none by default. */
    restoredTables: z.record(z.string().regex(/^[a-z]+$/, 'a service name'), RestoredTable).default({}),
  })
  .superRefine((c, ctx) => {
    const regionPartition = RegionInfo.get(c.region).partition;
    if (regionPartition !== undefined && regionPartition !== c.partition) {
      ctx.addIssue({ code: 'custom', path: ['partition'], message: `region ${c.region} is in partition ${regionPartition}` });
    }
    if (c.partition === 'aws-cn' && c.identity.kind === 'cognito') {
      // Amazon Cognito in the China Regions offers identity pools only (Beijing); user pools are not available there
      // (docs.amazonaws.cn/en_us/aws/latest/userguide/cognito.html), so China deployments name an OIDC issuer.
      ctx.addIssue({ code: 'custom', path: ['identity'], message: 'Cognito user pools are not offered in aws-cn; use oidc' });
    }
    if (c.partition === 'aws-cn' && c.tracing) {
      // X-Ray integration with Lambda is not available in the China Regions (docs.amazonaws.cn … /lambda.html).
      ctx.addIssue({ code: 'custom', path: ['tracing'], message: 'Lambda X-Ray tracing is not available in aws-cn' });
    }
    if (c.production && c.account === undefined) {
      ctx.addIssue({ code: 'custom', path: ['account'], message: 'a production deployment names the account it deploys to' });
    }
    if (c.production && c.identity.kind === 'oidc') {
      for (const key of ['issuer', 'jwksUrl'] as const) {
        if (isPlaceholderHost(c.identity[key])) {
          ctx.addIssue({
            code: 'custom',
            path: ['identity', key],
            message: `${c.identity[key]} is a placeholder; a production deployment needs the real one`,
          });
        }
      }
    }
    if (new Set(c.counties).size !== c.counties.length) {
      ctx.addIssue({ code: 'custom', path: ['counties'], message: 'a county is listed twice' });
    }
    const names = new Set<string>();
    c.agencySubscriptions.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: 'custom', path: ['agencySubscriptions', i, 'name'], message: 'declared twice' });
      names.add(s.name);
      if (!s.targetBusArn.startsWith(`arn:${c.partition}:`)) {
        ctx.addIssue({ code: 'custom', path: ['agencySubscriptions', i, 'targetBusArn'], message: `not in partition ${c.partition}` });
      }
      for (const county of s.counties ?? []) {
        if (!c.counties.includes(county)) {
          ctx.addIssue({ code: 'custom', path: ['agencySubscriptions', i, 'counties'], message: `${county} is not served here` });
        }
      }
    });
    for (const [service, t] of Object.entries(c.restoredTables)) {
      if (t && !t.streamArn.startsWith(`arn:${c.partition}:dynamodb:${c.region}:${c.account ?? ''}`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['restoredTables', service, 'streamArn'],
          message: `not in this deployment's partition, region${c.account ? ' and account' : ''}`,
        });
      }
    }
    if (c.alarms.topicArn && !c.alarms.topicArn.startsWith(`arn:${c.partition}:`)) {
      ctx.addIssue({ code: 'custom', path: ['alarms', 'topicArn'], message: `not in partition ${c.partition}` });
    }
  });

export type DeploymentConfig = z.output<typeof DeploymentConfig>;
export type DeploymentConfigInput = z.input<typeof DeploymentConfig>;

/** Validates one deployment's config; throws with every problem listed. */
export function defineDeployment(input: DeploymentConfigInput): DeploymentConfig {
  const parsed = DeploymentConfig.safeParse(input);
  if (!parsed.success) {
    throw new Error(`deployment config ${String(input.id)} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Checks a set of deployments against each other. Function, table and rule names come from the kernel's
 * `resourceNames` without a deployment prefix (the local stack uses the same names), so two deployments must never
 * share an account and region.
 */
export function checkDeployments(configs: readonly DeploymentConfig[]): readonly DeploymentConfig[] {
  const ids = new Set<string>();
  const places = new Map<string, string>();
  for (const c of configs) {
    if (ids.has(c.id)) throw new Error(`deployment ${c.id} is defined twice`);
    ids.add(c.id);
    const where = `${c.account ?? '(default account)'}/${c.region}`;
    const other = places.get(where);
    if (other) throw new Error(`deployments ${other} and ${c.id} both target ${where}; resource names would collide`);
    places.set(where, c.id);
  }
  return configs;
}

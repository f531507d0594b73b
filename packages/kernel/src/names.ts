/**
 * Names of the cloud resources a manifest becomes, shared by the CDK app and the local stack so both agree.
 * Functions: one HTTP function (all routes), one event function (all subscriptions; each rule's target input names
 * the subscription), one outbox relay, one per job.
 */
export const resourceNames = {
  httpFunction: (service: string) => `${service}-http`,
  eventFunction: (service: string) => `${service}-events`,
  relayFunction: (service: string) => `${service}-relay`,
  jobFunction: (service: string, job: string) => `${service}-job-${job}`,
  rule: (service: string, subscription: string) => `${service}-${subscription}`,
  jobRequestRule: (service: string, job: string) => `${service}-start-${job}`,
  table: (service: string) => `cocreate-${service}`,
} as const;

/** Environment variables every function of a service reads (set by CDK in AWS and by the local stack locally). */
export const runtimeEnv = {
  service: 'COCREATE_SERVICE',
  table: 'COCREATE_TABLE',
  bus: 'COCREATE_EVENT_BUS',
  bucket: 'COCREATE_EVIDENCE_BUCKET',
  issuer: 'COCREATE_JWT_ISSUER',
  audience: 'COCREATE_JWT_AUDIENCE',
  jwksUrl: 'COCREATE_JWKS_URL',
  rolesClaim: 'COCREATE_ROLES_CLAIM',
  busArn: 'COCREATE_EVENT_BUS_ARN',
  archiveArn: 'COCREATE_EVENT_ARCHIVE_ARN',
  /** The KMS key of a service with `fieldEncryption`. */
  fieldKmsKey: 'COCREATE_FIELD_KMS_KEY',
  /**
   * The deployment's public base URL (`https://api.example.cn`): absolute links the suite hands out (CloudEvents'
   * `dataschema`) are built from it, never from request headers a caller can forge (`X-Forwarded-Host`).
   */
  publicBaseUrl: 'COCREATE_PUBLIC_BASE_URL',
} as const;

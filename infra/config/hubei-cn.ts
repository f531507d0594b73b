import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { defineDeployment } from '../lib/config.ts';

/**
 * Hubei province in AWS China (Beijing, cn-north-1; partition aws-cn).
 *
 * What the China Regions offer shapes this file (docs.amazonaws.cn "Getting Started with AWS in China"):
 * - Amazon Cognito there offers identity pools only (Beijing); user pools are not available, so tokens come from the
 *   province's own OIDC identity platform, verified by the HTTP API's JWT authorizer.
 * - X-Ray integration with Lambda is not available, so active tracing is off.
 * - API Gateway serves unauthenticated requests (our `{ public: true }` routes) and custom domains only for accounts
 *   with an ICP filing (ICP备案); the account must have one before the public disclosure routes are reachable.
 */
export const hubeiCn = defineDeployment({
  id: 'hubei-cn',
  description: '湖北省 共同缔造 — Hubei province, AWS China (Beijing)',
  // Not yet: the province's account and its identity platform's issuer are still to come. Setting this to true
  // (termination protection on every stack) makes the schema require both, so it cannot go live half-configured.
  production: false,
  partition: 'aws-cn',
  region: 'cn-north-1',
  counties: ['hubei/huanggang/hongan', 'hubei/huanggang/macheng'],
  // Placeholder issuer until the province's identity platform registers the client; the shape is what matters.
  identity: {
    kind: 'oidc',
    issuer: 'https://id.hubei.example.cn/oidc',
    audience: 'cocreate',
    jwksUrl: 'https://id.hubei.example.cn/oidc/jwks',
    rolesClaim: 'cocreate_roles',
  },
  alarms: { emails: ['ops-cocreate@hubei.example.cn'] },
  // PIPL and provincial archive rules favour keeping operational logs about a year.
  logRetentionDays: RetentionDays.ONE_YEAR,
  archiveRetentionDays: 365 * 3,
  evidence: { noncurrentVersionDays: 365 * 3, accessLogDays: 365 },
  webOrigins: ['https://gongtongdizao.hubei.example.cn'],
  api: { rateLimit: 300, burstLimit: 600 },
  tracing: false,
  agencySubscriptions: [],
});

import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { defineDeployment } from '../lib/config.ts';

/** The public demo in the global partition (Singapore), with its own Cognito user pool. */
export const demoGlobal = defineDeployment({
  id: 'demo-global',
  description: 'cocreate demo — seeded Hubei places, AWS Singapore',
  // Seeded demo data, redeployed and torn down at will.
  production: false,
  partition: 'aws',
  region: 'ap-southeast-1',
  counties: ['hubei/huanggang/hongan', 'hubei/huanggang/macheng'],
  identity: { kind: 'cognito' },
  alarms: { emails: [] },
  logRetentionDays: RetentionDays.ONE_MONTH,
  archiveRetentionDays: 90,
  evidence: { noncurrentVersionDays: 30, accessLogDays: 90 },
  webOrigins: ['https://demo.cocreate.example.org'],
  api: { rateLimit: 50, burstLimit: 100 },
  tracing: true,
  agencySubscriptions: [],
});

import { Stack } from 'aws-cdk-lib';
import { EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import { Key, type IKey } from 'aws-cdk-lib/aws-kms';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';

/**
 * How service stacks find the platform: the bus by its fixed name, everything else through SSM parameters the
 * platform stack writes. Not CloudFormation exports — an export cannot change while another stack imports it, which
 * would tie every platform change to all five service stacks; with parameters each stack deploys on its own.
 */
export const busName = (config: Pick<DeploymentConfig, 'id'>): string => `cocreate-${config.id}`;

export const platformParameterNames = (config: Pick<DeploymentConfig, 'id'>) => {
  const base = `/cocreate/${config.id}/platform`;
  return {
    evidenceBucketName: `${base}/evidence-bucket-name`,
    evidenceKeyArn: `${base}/evidence-key-arn`,
    alarmTopicArn: `${base}/alarm-topic-arn`,
    userPoolId: `${base}/user-pool-id`,
    userPoolClientId: `${base}/user-pool-client-id`,
  } as const;
};

/** Who issues the tokens the HTTP APIs accept, and where the functions find the keys and the roles claim. */
export interface JwtIdentity {
  issuer: string;
  audience: string;
  jwksUrl: string;
  rolesClaim: string;
}

/** What a service stack builds on, as seen from inside the service stack. */
export interface Platform {
  bus: IEventBus;
  evidenceBucket: IBucket;
  evidenceKey: IKey;
  alarmTopic: ITopic;
  identity: JwtIdentity;
}

/**
 * Reads the platform of `config`'s deployment into the calling stack (resolved by CloudFormation at deploy time).
 * Each parameter is read on first use only: a parameter a stack declares but never uses is a template warning, and a
 * service without evidence has no business knowing the bucket.
 */
export class PlatformImports extends Construct implements Platform {
  readonly bus: IEventBus;
  private readonly config: DeploymentConfig;
  private readonly names: ReturnType<typeof platformParameterNames>;
  private readonly cache = new Map<string, unknown>();

  constructor(scope: Construct, id: string, config: DeploymentConfig) {
    super(scope, id);
    this.config = config;
    this.names = platformParameterNames(config);
    this.bus = EventBus.fromEventBusName(this, 'Bus', busName(config));
  }

  get evidenceBucket(): IBucket {
    return this.once('evidenceBucket', () => Bucket.fromBucketName(this, 'EvidenceBucket', this.read(this.names.evidenceBucketName)));
  }

  get evidenceKey(): IKey {
    return this.once('evidenceKey', () => Key.fromKeyArn(this, 'EvidenceKey', this.read(this.names.evidenceKeyArn)));
  }

  get alarmTopic(): ITopic {
    return this.once('alarmTopic', () => Topic.fromTopicArn(this, 'AlarmTopic', this.read(this.names.alarmTopicArn)));
  }

  /**
   * With Cognito, callers send the ID token: it carries `custom:roles`, and its `aud` is the app client id, which is
   * what the JWT authorizer checks.
   */
  get identity(): JwtIdentity {
    return this.once('identity', () => {
      if (this.config.identity.kind === 'oidc') {
        const { issuer, audience, jwksUrl, rolesClaim } = this.config.identity;
        return { issuer, audience, jwksUrl, rolesClaim };
      }
      const stack = Stack.of(this);
      const issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.read(this.names.userPoolId)}`;
      return {
        issuer,
        audience: this.read(this.names.userPoolClientId),
        jwksUrl: `${issuer}/.well-known/jwks.json`,
        rolesClaim: COGNITO_ROLES_CLAIM,
      };
    });
  }

  private read(name: string): string {
    return StringParameter.valueForStringParameter(this, name);
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }
}

/** Role grants live in the user pool's custom attribute `roles`; ID tokens carry it under this claim. */
export const COGNITO_ROLES_ATTRIBUTE = 'roles';
export const COGNITO_ROLES_CLAIM = `custom:${COGNITO_ROLES_ATTRIBUTE}`;

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';
import { COGNITO_ROLES_ATTRIBUTE as ROLES_ATTRIBUTE } from './parameters.ts';

/**
 * The Cognito user pool for deployments in partitions that offer it. Accounts are created by cadres and grid workers
 * for residents (no self sign-up); role grants live in a custom attribute only administrators can write.
 */
export class UserDirectory extends Construct {
  readonly pool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, config: DeploymentConfig) {
    super(scope, id);

    this.pool = new UserPool(this, 'Pool', {
      userPoolName: `cocreate-${config.id}`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Authenticator apps rather than SMS: SMS needs an SNS sending role and spend limits per region, and a
      // stolen phone number is a weaker second factor.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      customAttributes: { [ROLES_ATTRIBUTE]: new StringAttribute({ minLen: 0, maxLen: 2048, mutable: true }) },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const standard = { email: true, emailVerified: true, fullname: true, preferredUsername: true, phoneNumber: true };
    this.client = this.pool.addClient('WebClient', {
      userPoolClientName: `cocreate-${config.id}-web`,
      generateSecret: false,
      // The web client signs in with SRP against the pool directly; no hosted UI, so no OAuth flows or callback
      // URLs to leave open.
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes().withStandardAttributes(standard).withCustomAttributes(ROLES_ATTRIBUTE),
      // Not the roles attribute: a user who could write it could grant themselves any role anywhere.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, preferredUsername: true }),
    });
  }
}

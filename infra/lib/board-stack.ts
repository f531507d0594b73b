import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { App } from 'aws-cdk-lib';
import type { ServiceManifest } from '@cocreate/kernel/manifest';
import { buildSync } from 'esbuild';
import { buildSiteSync, writeSite } from '@cocreate/board';
import { alarmOn, alarmOnThrottles } from './alarms.ts';
import { repoRoot } from './cdk-context.ts';
import type { DeploymentConfig } from './config.ts';
import { stackName } from './deployment.ts';
import { acknowledge } from './nag.ts';
import { PlatformImports } from './platform/parameters.ts';
import type { ServiceStack } from './service-stack.ts';
import { ACCESS_LOG_FORMAT } from './service/http-api.ts';
import { lambdaBuildOptions } from './service/service-function.ts';

/** The board's pages and files: the routes its HTTP API serves, all to the one site function. */
export const BOARD_ROUTES = ['/', '/notice', '/board/{file}'] as const;

export interface BoardStackProps extends StackProps {
  config: DeploymentConfig;
  /** Each service's base URL, by the first segment of its routes: where pages read the public routes. */
  api: Record<string, string>;
}

/**
 * The package of the site function: its bundle (`index.mjs`) and the built board beside it (`site/`), made once per
 * deployment at synth. Skipped, like every other bundle, when the synth is told not to bundle.
 */
export function sitePackage(config: DeploymentConfig, bundle: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cocreate-board-${config.id}-`));
  if (!bundle) {
    writeFileSync(path.join(dir, 'index.mjs'), 'export const handler = async () => ({ statusCode: 503 });\n');
    return dir;
  }
  const options = lambdaBuildOptions(path.join(repoRoot, 'packages', 'board', 'src', 'lambda.ts'));
  buildSync({ ...options, outfile: path.join(dir, 'index.mjs'), write: true });
  // No sign-in from deployed pages until the deployment's identity provider is wired to them: reading needs none.
  writeSite(buildSiteSync({ home: config.counties[0]!, signIn: 'none' }), path.join(dir, 'site'));
  return dir;
}

/**
 * 张榜公布 deployed: the board's own HTTP API (`GET /`, `/notice`, `/board/{file}`) in front of one site function that
 * renders each page from the services' public routes — the same code and bytes the local gateway serves. It holds no
 * data and reads only what the public routes answer, so it deploys, rolls back and scales on its own.
 *
 * In the China Regions an API Gateway endpoint serves the public only under a custom domain with an ICP filing
 * (备案); until a deployment has one, its board is reachable by the operators only (see infra/README.md).
 */
export class BoardStack extends Stack {
  readonly api: HttpApi;
  readonly fn: LambdaFunction;

  constructor(scope: App, id: string, props: BoardStackProps) {
    super(scope, id, props);
    const { config } = props;
    const functionName = `cocreate-${config.id}-board-site`;
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${functionName}: runtime role (its own log group, nothing else: the pages read public routes over HTTPS)`,
    });
    logGroup.grantWrite(role);
    this.fn = new LambdaFunction(this, 'Site', {
      functionName,
      description: 'The public board (张榜公布): pages rendered from the public routes, and their files',
      code: Code.fromAsset(sitePackage(config, this.bundlingRequired)),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(15),
      role,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        // Resolved by CloudFormation: the services' API endpoints are not known when the site is built.
        BOARD_API: this.toJsonString(props.api),
        ...(config.publicBaseUrl ? { COCREATE_PUBLIC_BASE_URL: config.publicBaseUrl } : {}),
      },
    });
    acknowledge(this.fn, 'L1', 'Pinned to nodejs22.x like every function of the suite: both partitions move to a newer runtime together.');
    const platform = new PlatformImports(this, 'Platform', config);
    alarmOn(
      this,
      'ErrorsAlarm',
      this.fn.metricErrors({ period: Duration.minutes(5) }),
      platform.alarmTopic,
      `${functionName} reported errors`,
    );
    alarmOnThrottles(this, 'ThrottlesAlarm', this.fn, platform.alarmTopic, functionName);

    this.api = new HttpApi(this, 'Api', {
      apiName: `cocreate-${config.id}-board`,
      description: '张榜公布 · public board',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: config.logRetentionDays, removalPolicy: RemovalPolicy.RETAIN });
    const stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.api.rateLimit, burstLimit: config.api.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.custom(ACCESS_LOG_FORMAT) },
    });
    const integration = new HttpLambdaIntegration('Site', this.fn, { scopePermissionToRoute: false });
    for (const route of BOARD_ROUTES) {
      for (const created of this.api.addRoutes({ path: route, methods: [HttpMethod.GET, HttpMethod.HEAD], integration }))
        acknowledge(
          created,
          'APIG4',
          `${route} is the public board (张榜公布): what the campaign publishes to everyone, read without an account.`,
        );
    }
    new CfnOutput(this, 'Url', { value: stage.url });
  }
}

/** The board of a deployment, after its service stacks (it names their APIs). */
export function boardDeployment(
  app: App,
  config: DeploymentConfig,
  manifests: readonly ServiceManifest[],
  services: readonly ServiceStack[],
): BoardStack {
  const api: Record<string, string> = {};
  manifests.forEach((m, i) => {
    const http = services[i]?.httpApi;
    if (http) api[m.name] = http.api.apiEndpoint;
  });
  const stack = new BoardStack(app, stackName(config, 'board'), {
    env: { account: config.account, region: config.region },
    terminationProtection: config.production,
    tags: { project: 'cocreate', deployment: config.id, part: 'board' },
    description: `cocreate ${config.id}: the public board (张榜公布)`,
    config,
    api,
  });
  for (const s of services) stack.addDependency(s, 'names the services’ HTTP APIs');
  return stack;
}

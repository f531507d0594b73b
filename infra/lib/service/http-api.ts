import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeKeyOf, type AnyRoute, type ServiceManifest } from '@cocreate/kernel/manifest';
import { OPENAPI_ROUTE_KEY } from '@cocreate/kernel/http';
import type { DeploymentConfig } from '../config.ts';
import { acknowledge } from '../nag.ts';
import type { JwtIdentity } from '../platform/parameters.ts';

/** Routes that anyone may call without a token (disclosure boards, public notices). */
export const isPublicRoute = (route: Pick<AnyRoute, 'auth'>): boolean => 'public' in route.auth && route.auth.public === true;

/** One JSON line per request: enough to trace a complaint back to a function invocation, nothing from the body. */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
});

export interface ServiceHttpApiProps {
  manifest: ServiceManifest;
  config: DeploymentConfig;
  identity: JwtIdentity;
  handler: IFunction;
}

/**
 * The service's HTTP API: exactly the manifest's routes (method and path as declared), all integrated with the one
 * HTTP function (payload v2; it dispatches on `routeKey`). Every route except `{ public: true }` ones requires a JWT
 * from the deployment's issuer; finer checks (roles over a place subtree) happen in the kernel.
 */
export class ServiceHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ServiceHttpApiProps) {
    super(scope, id);
    const { manifest, config, identity } = props;

    this.api = new HttpApi(this, 'Api', {
      apiName: `cocreate-${config.id}-${manifest.name}`,
      description: `${manifest.title.zh} / ${manifest.title.en}`,
      createDefaultStage: false,
      corsPreflight:
        config.webOrigins.length > 0
          ? {
              allowOrigins: config.webOrigins,
              allowMethods: [CorsHttpMethod.ANY],
              allowHeaders: ['authorization', 'content-type', 'accept-language', 'idempotency-key'],
              maxAge: Duration.hours(1),
            }
          : undefined,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: config.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.api.rateLimit, burstLimit: config.api.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.custom(ACCESS_LOG_FORMAT) },
    });

    // One invoke permission for the whole API instead of one per route: a function's resource policy is capped at
    // 20 KB, and with a statement per route a service a few routes from that limit could no longer deploy.
    const integration = new HttpLambdaIntegration('HttpFunction', props.handler, { scopePermissionToRoute: false });
    const authorizer = new HttpJwtAuthorizer('Jwt', identity.issuer, {
      authorizerName: 'jwt',
      jwtAudience: [identity.audience],
      identitySource: ['$request.header.Authorization'],
    });

    for (const route of manifest.routes) {
      const open = isPublicRoute(route);
      const [created] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: open ? undefined : authorizer,
      });
      if (open && created) {
        acknowledge(
          created,
          'APIG4',
          `${routeKeyOf(route)} (${route.operationId}) is declared { public: true } in the ${manifest.name} manifest: it serves what the campaign publishes to everyone (公开), read without an account.`,
        );
      }
    }

    // The contract travels with the deployment: the function answers the OpenAPI document of the routes it serves
    // (kernel `OPENAPI_ROUTE_KEY`), generated from the manifest it runs.
    const [openApi] = this.api.addRoutes({ path: OPENAPI_ROUTE_KEY.split(' ')[1]!, methods: [HttpMethod.GET], integration });
    if (openApi) {
      acknowledge(
        openApi,
        'APIG4',
        `${OPENAPI_ROUTE_KEY} is the ${manifest.name} API's published contract (OpenAPI), read by integrators' tools without an account; it holds no data.`,
      );
    }

    new CfnOutput(this, 'Url', { value: this.stage.url });
    new CfnOutput(this, 'OpenApiUrl', { value: `${this.stage.url}openapi.json` });
  }
}

// What `@aws-sdk/credential-provider-node` (the SDK's default credential chain) resolves to in a Lambda bundle (the
// `alias` of `lambdaBundling`). Lambda hands a function its role's credentials in AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, and the environment is the first link of the default chain, so in
// Lambda the chain never goes further; its other links (profiles, SSO, login, STS web identity, container and
// instance metadata) and the STS/SSO clients they build are ~90 KB of a function that can never run them.
export const defaultProvider = () => async () => {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('no AWS credentials in the environment: this bundle is built for Lambda, which always sets them');
  }
  const sessionToken = process.env.AWS_SESSION_TOKEN;
  const expiration = process.env.AWS_CREDENTIAL_EXPIRATION;
  const accountId = process.env.AWS_ACCOUNT_ID;
  return {
    accessKeyId,
    secretAccessKey,
    ...(sessionToken ? { sessionToken } : {}),
    ...(expiration ? { expiration: new Date(expiration) } : {}),
    ...(accountId ? { accountId } : {}),
  };
};

import { parseArgs } from 'node:util';
import { demo, demoSeed } from '@cocreate/places/seed';
import { manifests, seedDemoProvince } from '@cocreate/suite';
import { PortInUse, startLocalStack } from './stack.ts';

const USAGE = `pnpm dev [flags] — the whole suite on this machine (DynamoDB Local, an S3 server, the local bus, the gateway)

  --port N          the HTTP gateway's port (default 3000, or $PORT; 0 picks a free one)
  --data-dir DIR    keep data between runs in DIR (in memory otherwise)
  --log-level L     the services' log level: DEBUG, INFO, WARN (default), ERROR
  --quiet           no request log (one line per request otherwise)
  -h, --help        this text
`;

/** `pnpm dev`: the whole suite on this machine. A newcomer's mistakes are answered in a sentence, not a stack trace. */
let values: { port?: string; 'data-dir'?: string; 'log-level'?: string; quiet?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'log-level': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = values.port ?? process.env.PORT ?? '3000';
if (!/^\d+$/.test(port) || Number(port) > 65_535) {
  console.error(`--port must be a port number (0–65535), not "${port}"\n\n${USAGE}`);
  process.exit(2);
}
if (!values.quiet) process.env.COCREATE_ACCESS_LOG = '1';

console.log('starting the cocreate local stack…');
const started = Date.now();
let stack: Awaited<ReturnType<typeof startLocalStack>>;
try {
  stack = await startLocalStack({
    services: manifests,
    seedRegister: seedDemoProvince,
    port: Number(port),
    boardHome: demo.xingfu,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
    progress: (step, ms) => console.log(`  ✓ ${step} (${(ms / 1000).toFixed(1)} s)`),
  });
} catch (err) {
  // What a newcomer can fix (a taken port, no Java) is said plainly; anything else keeps its stack trace.
  const plain = err instanceof PortInUse || /needs Java 17/.test((err as Error).message);
  console.error(plain ? `\ncannot start: ${(err as Error).message}` : err);
  process.exit(1);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const u = stack.url;
console.log(`
cocreate local stack — 美好环境与幸福生活共同缔造 (started in ${seconds}s)

  HTTP gateway     ${u}
  public board     ${u}/   (张榜公布: ${demoSeed.places.find((p) => p.path === demo.xingfu)?.name.zh ?? demo.xingfu}; township ${u}/?place=${demo.xingfu.split('/').slice(0, -1).join('/')})
  health           ${u}/health
  OpenAPI 3.1      ${u}/openapi.json
  DynamoDB Local   ${stack.endpoints.dynamodb}
  S3 (s3rver)      ${stack.endpoints.s3}   bucket cocreate-evidence-local
  EventBridge bus  ${stack.endpoints.eventbridge}   bus cocreate-local
  services         ${[...stack.runtimes.keys()].map((s) => `${u}/${s}/…`).join('  ')}
  data             ${values['data-dir'] ? `persisted in ${values['data-dir']}` : 'in memory (use --data-dir to keep it)'}
  request log      ${values.quiet ? 'off (--quiet)' : 'one line per request: method, path, status, time, service'}
  demo places      ${demoSeed.places.length} places, ${demoSeed.people.length} people (湖北省黄冈市: 红安县, 麻城市)

Try it (a resident of 马家桥村 raises a need, then lists the village's needs):

  TOKEN=$(curl -s ${u}/_local/token -H 'content-type: application/json' \\
    -d '{"sub":"p-majiaqiao-07","roles":[{"role":"resident","place":"${demo.majiaqiao}"}]}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -s ${u}/deliberation/needs -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"place":"${demo.majiaqiao}/g1","category":"roads","channel":"bench-meeting","text":"村口的路一下雨就积水"}'
  curl -s "${u}/deliberation/needs?village=${demo.majiaqiao}" -H "authorization: Bearer $TOKEN"

Local-only endpoints: POST /_local/token · GET|POST /_local/clock {"advance":"P8D"} · POST /_local/jobs/<service>/<job>
                      GET /_local/bus/events · GET /_local/bus/dead-letters · POST /_local/bus/dead-letters/redrive
Ctrl-C stops everything.
`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await stack.stop();
  console.log('stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

import { parseArgs } from 'node:util';
import { demo, demoSeed } from '@cocreate/places/seed';
import { startLocalStack } from './stack.ts';

/**
 * `pnpm dev`: the whole suite on this machine. Flags: --port N (gateway, default 3000 or $PORT),
 * --data-dir DIR (persist data between runs; in memory otherwise), --log-level INFO|DEBUG|WARN.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'log-level': { type: 'string' },
  },
});

const started = Date.now();
const stack = await startLocalStack({
  ...(values.port ? { port: Number(values.port) } : {}),
  ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const u = stack.url;
console.log(`
cocreate local stack — 美好环境与幸福生活共同缔造 (started in ${seconds}s)

  HTTP gateway     ${u}
  health           ${u}/health
  OpenAPI 3.1      ${u}/openapi.json
  DynamoDB Local   ${stack.endpoints.dynamodb}
  S3 (s3rver)      ${stack.endpoints.s3}   bucket cocreate-evidence-local
  EventBridge bus  ${stack.endpoints.eventbridge}   bus cocreate-local
  services         ${[...stack.runtimes.keys()].map((s) => `${u}/${s}/…`).join('  ')}
  data             ${values['data-dir'] ? `persisted in ${values['data-dir']}` : 'in memory (use --data-dir to keep it)'}
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

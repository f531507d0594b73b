import { type AnyRoute, defineRoute, defineService } from '@cocreate/kernel';

/** A public route that does nothing: the gateway's own answers are tested around it. */
export const stubRoute = (method: 'GET' | 'POST' | 'DELETE', path: string) =>
  defineRoute({ method, path, operationId: `${method}${path}`, summary: 's', auth: { public: true }, handler: async () => ({}) });

/** A service named like a real one, with no table, events or jobs: just routes (by default three on needs). */
export function stubService(
  routes: readonly AnyRoute[] = [
    stubRoute('GET', '/deliberation/needs'),
    stubRoute('POST', '/deliberation/needs'),
    stubRoute('DELETE', '/deliberation/needs/{needId}'),
  ],
) {
  return defineService({
    name: 'deliberation',
    title: { zh: '决策共谋', en: 'Deliberation' },
    table: { indexes: [] },
    subscriptions: [],
    jobs: [],
    publishes: [],
    evidence: false,
    routes: [...routes],
  });
}

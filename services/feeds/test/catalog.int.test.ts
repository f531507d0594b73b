import { describe, expect, inject, it } from 'vitest';
import { registry } from '@cocreate/contracts';
import { LocalApi } from '@cocreate/local/testing';

/** The event catalog agencies read: served by feeds, derived from the contracts registry. */
const api = new LocalApi(inject('stack').url);

describe('GET /feeds/asyncapi.json', () => {
  it('serves AsyncAPI 3.0 of every event version, each linking to the schema feeds serves', async () => {
    // raw: the answer is a whole AsyncAPI document, which the route declares opaque
    const res = await api.get('/feeds/asyncapi.json');
    expect(res.status).toBe(200);
    expect(res.body.asyncapi).toBe('3.0.0');
    const messages = Object.values(res.body.components.messages) as { externalDocs: { url: string }; 'x-version': number }[];
    expect(messages).toHaveLength(registry.all().length);
    const schemaUrl = messages.find((m) => m.externalDocs.url.endsWith('/deliberation.NeedRaised.v1.json'))!.externalDocs.url;
    const schema = await fetch(schemaUrl);
    expect(schema.status).toBe(200);
    expect(((await schema.json()) as { title: string }).title).toBe('NeedRaised v1');
  });
});

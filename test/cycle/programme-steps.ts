import type { LocalApi } from '@cocreate/local/testing';
import type { Narrator } from './narrator.ts';

/**
 * The programme (统筹推进) over the cycle's year: the county files its implementation plan with the city, and a pilot
 * batch naming the cycle's community counts it covered from what its final decision and accepted project published.
 * Run by the cycle once the community's project is accepted; filled in as the programme service grows.
 */
export async function programmeSteps(
  _api: LocalApi,
  _n: Narrator,
  _where: { village: string; county: string; city: string },
): Promise<void> {}

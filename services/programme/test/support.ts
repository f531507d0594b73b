import { inject } from 'vitest';
import { LocalApi } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';

export const api = new LocalApi(inject('stack').url);

/** The demo province's levels the programme's tests run: 黄冈市, 红安县 and 麻城市, 七里坪镇. */
export const at = {
  province: demo.province,
  city: demo.city,
  county: demo.hongan,
  otherCounty: demo.macheng,
  township: demo.qiliping,
  otherTownship: 'hubei/huanggang/hongan/chengguan',
  village: demo.majiaqiao,
  otherVillage: demo.changsheng,
  community: demo.xingfu,
} as const;

export const callers = {
  province: api.official('hubei-housing-1', 'province-official', at.province),
  city: api.official('huanggang-housing-1', 'city-official', at.city),
  county: api.official('hongan-housing-1', 'county-official', at.county),
  otherCounty: api.official('macheng-housing-1', 'county-official', at.otherCounty),
  township: api.official('qiliping-1', 'township-official', at.township),
  otherTownship: api.official('chengguan-1', 'township-official', at.otherTownship),
  cadre: api.official('majiaqiao-cadre-1', 'cadre', at.village),
};

/** The China calendar day and year of the stack's clock. */
export async function today(): Promise<{ day: string; year: number }> {
  const now = Date.parse((await api.get('/_local/clock')).body.now as string);
  const day = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  return { day, year: Number(day.slice(0, 4)) };
}

export const planContent = (goal: string) => ({
  approach: '以“五共”为路径，先试点、后推开，县级统筹、乡镇主抓、村级落实',
  goals: [goal],
  responsibilities: [
    { item: '1', what: '试点村项目建设', leader: '张县长', unit: '县住建局', person: '李科长' },
    { item: '2', what: '群众参与与评价', leader: '王副县长', unit: '县民政局', person: '赵科长' },
  ],
  schedule: [
    { item: '1', by: '2026-10-31', what: '试点项目竣工验收' },
    { item: '2', by: '2026-12-20', what: '年度评价' },
  ],
});

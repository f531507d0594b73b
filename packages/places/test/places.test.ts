import { describe, expect, it } from 'vitest';
import { ancestorOf, ancestorsOf, countyOf, isWithin, maskIdNumber, maskName, maskPhone, registerOf } from '../src/index.ts';
import { demoDirectory } from '../src/directory.ts';
import { demo, demoSeed } from '../src/seed.ts';

describe('the demo province', () => {
  it('has one province, two counties, two townships each and 2–3 villages per township', () => {
    const d = demoDirectory;
    expect(d.within('hubei', 'province')).toHaveLength(1);
    const counties = d.within('hubei', 'county');
    expect(counties.map((c) => c.path)).toEqual([demo.hongan, demo.macheng]);
    for (const county of counties) {
      const towns = d.children(county.path);
      expect(towns).toHaveLength(2);
      for (const t of towns) expect(d.children(t.path).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every village households with heads, and the bodies that deliberate and supervise', () => {
    for (const v of [...demoDirectory.within('hubei', 'village'), ...demoDirectory.within('hubei', 'community')]) {
      const hh = demoDirectory.households(v.path);
      expect(hh.length).toBe(12);
      for (const h of hh) expect(demoDirectory.person(h.head)?.household).toBe(h.path);
      for (const kind of [
        'party-branch',
        'two-committees',
        'party-members-meeting',
        'representatives-assembly',
        'supervision-committee',
        'morality-review-council',
      ] as const) {
        expect(demoDirectory.body(v.path, kind)?.members.length, `${v.path} ${kind}`).toBeGreaterThan(0);
      }
    }
  });

  it('has owners with unequal floor areas in the community, none in villages', () => {
    const owners = demoDirectory.owners(demo.xingfu);
    expect(owners).toHaveLength(12);
    expect(new Set(owners.map((o) => o.area)).size).toBeGreaterThan(6);
    expect(demoDirectory.owners(demo.majiaqiao)).toHaveLength(0);
  });

  it('keeps supervision apart from the two committees (no one checks their own approval)', () => {
    const committee = demoDirectory.body(demo.majiaqiao, 'two-committees')!.members;
    const supervision = demoDirectory.body(demo.majiaqiao, 'supervision-committee')!.members;
    expect(committee.filter((m) => supervision.includes(m))).toEqual([]);
  });

  it('has unique ids for places and people', () => {
    expect(new Set(demoSeed.places.map((p) => p.path)).size).toBe(demoSeed.places.length);
    expect(new Set(demoSeed.people.map((p) => p.id)).size).toBe(demoSeed.people.length);
  });
});

describe('paths', () => {
  it('tests subtrees by whole segments', () => {
    expect(isWithin(demo.majiaqiao, demo.hongan)).toBe(true);
    expect(isWithin(demo.hongan, demo.hongan)).toBe(true);
    expect(isWithin(demo.hongan, demo.majiaqiao)).toBe(false);
    expect(isWithin('hubei/huanggang/honganx', demo.hongan)).toBe(false);
    expect(ancestorsOf(demo.qiliping)).toEqual(['hubei', 'hubei/huanggang', demo.hongan, demo.qiliping]);
    expect(demoDirectory.villageOf(`${demo.majiaqiao}/g2/h08`)?.path).toBe(demo.majiaqiao);
    expect(demoDirectory.villageOf(demo.qiliping)).toBeUndefined();
  });
});

describe('masking for public notices', () => {
  it('masks names, phones and ID numbers as Chinese notices do', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('王五')).toBe('王*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
  });
});

describe('ancestorOf', () => {
  const register = registerOf(demoSeed);

  it('finds the nearest ancestor of a kind, the place itself included, or nothing', async () => {
    const group = `${demo.majiaqiao}/g1`;
    expect((await ancestorOf(register, group, 'county'))?.path).toBe(demo.hongan);
    expect((await ancestorOf(register, group, 'village', 'community'))?.path).toBe(demo.majiaqiao);
    expect((await ancestorOf(register, demo.majiaqiao, 'village'))?.path).toBe(demo.majiaqiao);
    expect((await ancestorOf(register, demo.hongan, 'township'))?.path).toBeUndefined();
  });
});

describe('countyOf', () => {
  it('asks the register, so a county directly under the province (省直管县) is found at its own depth', async () => {
    const register = registerOf({
      places: [
        { path: 'hubei', kind: 'province', name: { zh: '湖北省', en: 'Hubei' } },
        { path: 'hubei/xiantao', kind: 'county', name: { zh: '仙桃市', en: 'Xiantao' } },
        { path: 'hubei/xiantao/zhanggou', kind: 'township', name: { zh: '张沟镇', en: 'Zhanggou' } },
        { path: 'hubei/xiantao/zhanggou/v1', kind: 'village', name: { zh: '一村', en: 'Village 1' } },
      ],
      people: [],
      households: [],
      bodies: [],
    });
    expect(await countyOf(register, 'hubei/xiantao/zhanggou/v1')).toBe('hubei/xiantao');
    expect(await countyOf(register, 'hubei')).toBeUndefined();
    expect(await countyOf(registerOf(demoSeed), `${demo.majiaqiao}/g1`)).toBe(demo.hongan);
  });
});

import type { Body, BodyKind, Household, Person, Place, PlaceData, Role } from './model.ts';

/**
 * The demo province used by `pnpm dev`, the tests and the demo: 湖北省 → 黄冈市 → two counties, two townships each,
 * two or three villages (or a community) each. Generated deterministically so tests can name people and places.
 */
interface VillageSpec {
  id: string;
  zh: string;
  en: string;
  kind: 'village' | 'community';
}

interface TownshipSpec {
  id: string;
  zh: string;
  en: string;
  villages: VillageSpec[];
}

const tree: { id: string; zh: string; en: string; townships: TownshipSpec[] }[] = [
  {
    id: 'hongan',
    zh: '红安县',
    en: "Hong'an County",
    townships: [
      {
        id: 'qiliping',
        zh: '七里坪镇',
        en: 'Qiliping Town',
        villages: [
          { id: 'majiaqiao', zh: '马家桥村', en: 'Majiaqiao Village', kind: 'village' },
          { id: 'changsheng', zh: '长胜村', en: 'Changsheng Village', kind: 'village' },
          { id: 'zhangjiawan', zh: '张家湾村', en: 'Zhangjiawan Village', kind: 'village' },
        ],
      },
      {
        id: 'chengguan',
        zh: '城关镇',
        en: 'Chengguan Town',
        villages: [
          { id: 'xingfu', zh: '幸福社区', en: 'Xingfu Community', kind: 'community' },
          { id: 'taohua', zh: '桃花村', en: 'Taohua Village', kind: 'village' },
        ],
      },
    ],
  },
  {
    id: 'macheng',
    zh: '麻城市',
    en: 'Macheng',
    townships: [
      {
        id: 'guishan',
        zh: '龟山镇',
        en: 'Guishan Town',
        villages: [
          { id: 'fengshu', zh: '枫树村', en: 'Fengshu Village', kind: 'village' },
          { id: 'shiqiao', zh: '石桥村', en: 'Shiqiao Village', kind: 'village' },
        ],
      },
      {
        id: 'muzidian',
        zh: '木子店镇',
        en: 'Muzidian Town',
        villages: [
          { id: 'shifeng', zh: '石峰村', en: 'Shifeng Village', kind: 'village' },
          { id: 'laomizhai', zh: '老米寨村', en: 'Laomizhai Village', kind: 'village' },
          { id: 'xiawan', zh: '下湾村', en: 'Xiawan Village', kind: 'village' },
        ],
      },
    ],
  },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = [
  '建国',
  '秀英',
  '明',
  '桂兰',
  '志强',
  '丽',
  '德华',
  '小红',
  '国庆',
  '玉梅',
  '海军',
  '淑芬',
  '伟',
  '春花',
  '永福',
  '红梅',
  '家豪',
  '雪梅',
  '文斌',
  '金凤',
];

export const PROVINCE = 'hubei';
export const CITY = 'hubei/huanggang';

/** Households per village, people per household: enough for quorums, ties and 2/3 boundaries, small enough to read. */
const HOUSEHOLDS_PER_GROUP = 6;
const GROUPS_PER_VILLAGE = 2;

/**
 * Who sits where, by household number within the village (1-based) and member index (0 = head). The same layout in
 * every village keeps tests readable: "household 1's head is the party secretary" everywhere.
 */
function rolesFor(hh: number, member: number): Role[] {
  const roles: Role[] = ['resident'];
  if (member === 0) roles.push('household-head');
  if (member !== 0) return roles;
  if (hh <= 5) roles.push('cadre'); // two committees: households 1–5
  if (hh <= 7) roles.push('party-member'); // party members: households 1–7
  if (hh >= 3 && hh <= 9) roles.push('representative'); // representatives: households 3–9
  if (hh >= 10 && hh <= 12) roles.push('supervisor'); // supervision committee: households 10–12
  if (hh === 8 || hh === 9 || hh === 11) roles.push('inspector');
  if (hh === 6 || hh === 8 || hh === 10) roles.push('council-member');
  if (hh === 2) roles.push('treasurer');
  return roles;
}

const bodyLayout: Record<BodyKind, (hh: number) => boolean> = {
  'party-branch': (hh) => hh <= 3,
  'two-committees': (hh) => hh <= 5,
  'party-members-meeting': (hh) => hh <= 7,
  'representatives-assembly': (hh) => hh >= 3 && hh <= 9,
  'villagers-meeting': () => true,
  'supervision-committee': (hh) => hh >= 10 && hh <= 12,
  'deliberation-council': (hh) => hh === 4 || hh === 6 || hh === 9,
  'weddings-funerals-council': (hh) => hh === 5 || hh === 7 || hh === 12,
  'anti-drug-gambling-council': (hh) => hh === 1 || hh === 8 || hh === 11,
  'morality-review-council': (hh) => hh === 6 || hh === 8 || hh === 10,
  'homeowners-committee': (hh) => hh === 1 || hh === 4 || hh === 7,
  'sanitation-rating-group': (hh) => hh === 8 || hh === 9 || hh === 11,
  'household-heads-council': (hh) => hh % 2 === 1,
  'worthies-council': (hh) => hh === 3 || hh === 10,
};

/** Exclusive floor areas (m²) of the community's flats: unequal on purpose, so headcount and area majorities differ. */
const FLAT_AREAS = [62.5, 75, 88.4, 96, 102.3, 120, 58.7, 134.2, 90, 110.6, 72.8, 145];

function buildSeed(): PlaceData {
  const places: Place[] = [
    { path: PROVINCE, kind: 'province', name: { zh: '湖北省', en: 'Hubei Province' } },
    { path: CITY, kind: 'city', name: { zh: '黄冈市', en: 'Huanggang City' } },
  ];
  const people: Person[] = [];
  const households: Household[] = [];
  const bodies: Body[] = [];
  let nameSeed = 0;

  for (const county of tree) {
    const countyPath = `${CITY}/${county.id}`;
    places.push({ path: countyPath, kind: 'county', name: { zh: county.zh, en: county.en } });
    for (const town of county.townships) {
      const townPath = `${countyPath}/${town.id}`;
      places.push({ path: townPath, kind: 'township', name: { zh: town.zh, en: town.en } });
      for (const v of town.villages) {
        const vPath = `${townPath}/${v.id}`;
        places.push({ path: vPath, kind: v.kind, name: { zh: v.zh, en: v.en } });
        const memberOf = new Map<BodyKind, string[]>();
        let hh = 0;
        for (let g = 1; g <= GROUPS_PER_VILLAGE; g++) {
          const isCommunity = v.kind === 'community';
          const gPath = `${vPath}/${isCommunity ? `c${g}` : `g${g}`}`;
          places.push({
            path: gPath,
            kind: isCommunity ? 'compound' : 'group',
            name: isCommunity ? { zh: `${g}号小区`, en: `Compound ${g}` } : { zh: `${g}组`, en: `Group ${g}` },
          });
          for (let i = 1; i <= HOUSEHOLDS_PER_GROUP; i++) {
            hh += 1;
            const hhId = `h${String(hh).padStart(2, '0')}`;
            const hPath = `${gPath}/${hhId}`;
            places.push({ path: hPath, kind: 'household', name: { zh: `${hh}户`, en: `Household ${hh}` } });
            const size = 1 + (hh % 3); // 1–3 people
            const members: string[] = [];
            const surname = SURNAMES[nameSeed % SURNAMES.length]!;
            for (let m = 0; m < size; m++) {
              const id = `p-${v.id}-${String(hh).padStart(2, '0')}${m === 0 ? '' : `-${m}`}`;
              nameSeed += 1;
              people.push({
                id,
                name: surname + GIVEN[(nameSeed * 7) % GIVEN.length],
                phone: `138${String(10_000_000 + nameSeed * 7919).slice(-8)}`,
                household: hPath,
                village: vPath,
                roles: [...rolesFor(hh, m), ...(isCommunity && m === 0 ? (['owner'] as Role[]) : [])],
              });
              members.push(id);
            }
            const head = members[0]!;
            households.push({
              path: hPath,
              village: vPath,
              head,
              members,
              owners: isCommunity ? [{ person: head, area: FLAT_AREAS[(hh - 1) % FLAT_AREAS.length]! }] : [],
            });
            for (const kind of Object.keys(bodyLayout) as BodyKind[]) {
              if (kind === 'homeowners-committee' && !isCommunity) continue;
              if (!bodyLayout[kind](hh)) continue;
              const list = memberOf.get(kind) ?? [];
              list.push(head);
              memberOf.set(kind, list);
            }
          }
        }
        // A grid worker (网格员) per village, outside the households.
        people.push({
          id: `p-${v.id}-grid`,
          name: `${SURNAMES[(nameSeed + 3) % SURNAMES.length]}${GIVEN[(nameSeed + 5) % GIVEN.length]}`,
          phone: `139${String(20_000_000 + nameSeed * 31).slice(-8)}`,
          household: `${vPath}/g1/h01`,
          village: vPath,
          roles: ['grid-worker'],
        });
        for (const [kind, members] of memberOf) bodies.push({ kind, village: vPath, members });
      }
    }
  }
  return { places, people, households, bodies };
}

export const demoSeed: PlaceData = buildSeed();

/** Paths tests and docs refer to by name. */
export const demo = {
  province: PROVINCE,
  city: CITY,
  hongan: `${CITY}/hongan`,
  macheng: `${CITY}/macheng`,
  qiliping: `${CITY}/hongan/qiliping`,
  majiaqiao: `${CITY}/hongan/qiliping/majiaqiao`,
  changsheng: `${CITY}/hongan/qiliping/changsheng`,
  xingfu: `${CITY}/hongan/chengguan/xingfu`,
  taohua: `${CITY}/hongan/chengguan/taohua`,
  fengshu: `${CITY}/macheng/guishan/fengshu`,
  shifeng: `${CITY}/macheng/muzidian/shifeng`,
} as const;

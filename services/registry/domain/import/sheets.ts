import { type BodyKind, type PlaceKind } from '@cocreate/contracts';

/**
 * The four rosters a village or community clerk keeps (台账), as sheets of an import: their columns with the Chinese
 * headers of the templates, the English aliases also accepted, and the words accepted in coded columns. The README
 * beside this file documents them for clerks.
 */
export type SheetKind = 'places' | 'people' | 'properties' | 'memberships';
export const SHEET_KINDS: readonly SheetKind[] = ['places', 'people', 'properties', 'memberships'];

export interface ColumnSpec {
  key: string;
  /** The header of the template. */
  zh: string;
  /** Other headers accepted for the same column (English first). */
  aliases: string[];
  required: boolean;
  /** Kept as text in the workbook: Excel would turn an 18-digit ID number into 4.21122E+17 and lose its last digits. */
  text?: boolean;
  note: { zh: string; en: string };
}

export interface SheetSpec {
  kind: SheetKind;
  zh: string;
  en: string;
  columns: ColumnSpec[];
}

const col = (key: string, zh: string, aliases: string[], required: boolean, note: ColumnSpec['note'], text = false): ColumnSpec => ({
  key,
  zh,
  aliases,
  required,
  note,
  ...(text ? { text } : {}),
});

export const SHEETS: Record<SheetKind, SheetSpec> = {
  places: {
    kind: 'places',
    zh: '地点',
    en: 'places',
    columns: [
      col(
        'path',
        '地点编码',
        ['path', '编码'],
        true,
        {
          zh: '相对本次导入范围的编码路径，小写字母、数字和连字符，用“/”分级，如 g1、g1/h03；“.”表示导入范围本身',
          en: 'Path relative to the import scope: lower-case letters, digits and hyphens joined by "/", e.g. g1 or g1/h03; "." is the scope itself',
        },
        true,
      ),
      col('kind', '类型', ['kind', '地点类型'], true, {
        zh: '自然村/湾组、小区、楼栋、户（上级导入还可用 省、市、县/区、乡镇/街道、行政村、社区）',
        en: 'group, compound, building or household (imports above villages also: province, city, county, township, village, community)',
      }),
      col('zh', '名称', ['name', 'name-zh', '中文名称'], true, { zh: '中文名称，如 1组、马家桥村', en: 'Chinese name, e.g. 1组' }),
      col('en', '英文名称', ['name-en', 'english name'], false, {
        zh: '英文名称；不填则用中文名称',
        en: 'English name; the Chinese name when blank',
      }),
    ],
  },
  people: {
    kind: 'people',
    zh: '人口花名册',
    en: 'people',
    columns: [
      col(
        'person',
        '人员编号',
        ['person-id', 'person'],
        false,
        {
          zh: '平台人员编号（再次导入时保留）；新登记的人不填，按身份证号匹配或新建',
          en: 'The platform’s person id (keep it when re-importing); blank for new people, matched by ID number or created',
        },
        true,
      ),
      col('fullName', '姓名', ['name', 'full-name'], true, { zh: '姓名', en: 'Full name' }),
      col(
        'idNumber',
        '身份证号',
        ['id-number', '公民身份号码', '身份证号码'],
        true,
        {
          zh: '18位居民身份证号（末位可为X），请设为文本格式；15位旧号码不受理',
          en: '18-character resident ID number (last may be X), formatted as text; old 15-digit numbers are refused',
        },
        true,
      ),
      col('sex', '性别', ['sex', 'gender'], false, { zh: '男/女；须与身份证号一致', en: 'male/female (男/女); must match the ID number' }),
      col('bornOn', '出生日期', ['born-on', 'date of birth'], false, {
        zh: '如 1980-05-04；须与身份证号一致，不填则取身份证号中的日期',
        en: 'e.g. 1980-05-04; must match the ID number, which gives it when blank',
      }),
      col('phone', '联系电话', ['phone', '电话', '手机号'], false, { zh: '手机或固定电话', en: 'Mobile or landline number' }, true),
      col('household', '户', ['household', '户编码', '所属户'], true, {
        zh: '所在户的地点编码（相对导入范围），如 g1/h03；该户须在“地点”表或平台中',
        en: 'Path of the household (relative to the scope), e.g. g1/h03; it must be in the places sheet or the register',
      }),
      col('relation', '与户主关系', ['relation', 'relation-to-head'], true, {
        zh: '户主、配偶、子、女、父母、孙子女、其他……；每户须有且仅有一名户主',
        en: '户主 (head), 配偶, 子, 女, 其他…; every household has exactly one head',
      }),
      col('resident', '是否常住', ['resident'], false, { zh: '是/否，不填为“是”', en: 'yes/no (是/否), yes when blank' }),
      col('partyMember', '是否党员', ['party-member'], false, { zh: '是/否，不填为“否”', en: 'yes/no (是/否), no when blank' }),
    ],
  },
  properties: {
    kind: 'properties',
    zh: '房屋与业主',
    en: 'properties',
    columns: [
      col('path', '房屋编码', ['property', 'path', '房屋'], true, {
        zh: '房屋（户）的地点编码，如 c1/h03；一套房有几名业主就填几行',
        en: 'Path of the flat or house (a household place), e.g. c1/h03; one row per owner',
      }),
      col(
        'ownerPerson',
        '业主人员编号',
        ['owner-person-id'],
        false,
        { zh: '业主的人员编号；与业主身份证号二选一', en: 'The owner’s person id; or the owner’s ID number' },
        true,
      ),
      col(
        'ownerIdNumber',
        '业主身份证号',
        ['owner-id-number'],
        false,
        { zh: '业主的身份证号；与人员编号二选一', en: 'The owner’s ID number; or the person id' },
        true,
      ),
      col('ownerName', '业主姓名', ['owner-name'], false, {
        zh: '可不填；填写时须与登记的姓名一致',
        en: 'Optional; when given it must match the registered name',
      }),
      col('area', '专有部分面积', ['area', '面积'], true, {
        zh: '专有部分建筑面积（平方米），正数',
        en: 'Exclusive floor area in m², a positive number',
      }),
      col('from', '起始日期', ['from', '登记日期'], true, {
        zh: '成为业主之日，如 2020-01-01',
        en: 'First day of ownership, e.g. 2020-01-01',
      }),
      col('until', '截止日期', ['until'], false, {
        zh: '不再是业主之日（出售、继承）；仍是业主则不填',
        en: 'First day no longer owner (sale, inheritance); blank while owner',
      }),
    ],
  },
  memberships: {
    kind: 'memberships',
    zh: '组织成员',
    en: 'memberships',
    columns: [
      col('body', '组织', ['body', '组织名称'], true, {
        zh: '如 村党支部、村“两委”、村务监督委员会、红白理事会',
        en: 'e.g. 村党支部, 村“两委”, or a code such as supervision-committee',
      }),
      col(
        'person',
        '人员编号',
        ['person-id', 'person'],
        false,
        { zh: '成员的人员编号；与身份证号二选一', en: 'The member’s person id; or the ID number' },
        true,
      ),
      col(
        'idNumber',
        '身份证号',
        ['id-number'],
        false,
        { zh: '成员的身份证号；与人员编号二选一', en: 'The member’s ID number; or the person id' },
        true,
      ),
      col('fullName', '姓名', ['name'], false, {
        zh: '可不填；填写时须与登记的姓名一致',
        en: 'Optional; when given it must match the registered name',
      }),
      col('title', '职务', ['title'], false, { zh: '书记、主任、委员、成员……', en: 'Secretary, chair, member… (free text)' }),
      col('from', '任期开始', ['from', 'term-from'], true, { zh: '如 2026-01-01', en: 'e.g. 2026-01-01' }),
      col('until', '任期结束', ['until', 'term-until'], false, {
        zh: '不再任职之日；在任不填',
        en: 'First day no longer sitting; blank while in office',
      }),
      col('endReason', '离任原因', ['end-reason'], false, {
        zh: '任期届满、辞职、罢免或更正；不填为任期届满',
        en: 'term ended, resigned, recalled or corrected; term ended when blank',
      }),
    ],
  },
};

/** How headers are compared: spaces, required-marks and a bracketed unit (面积（㎡）) do not matter. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊_]/g, '')
    .toLowerCase();
}

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」]/g, '')
    .toLowerCase();

/** Place kinds by the words clerks use (湾组 and 自然村 are both groups), and by their codes. */
const PLACE_KIND_WORDS: Record<PlaceKind, string[]> = {
  province: ['省'],
  city: ['市', '地级市', '州'],
  county: ['县/区', '县', '区', '县级市'],
  township: ['乡镇/街道', '乡', '镇', '乡镇', '街道'],
  village: ['行政村', '村'],
  community: ['社区'],
  group: ['自然村/湾组', '自然村', '湾组', '组', '村民小组'],
  compound: ['小区'],
  building: ['楼栋', '楼', '栋'],
  household: ['户', '住户', '房屋'],
};

/** Body kinds by their Chinese names (and common short forms), and by their codes. */
export const BODY_NAMES: Record<BodyKind, string[]> = {
  'party-branch': ['村党支部', '党支部', '党总支', '社区党支部', '村党总支'],
  'two-committees': ['村“两委”', '两委', '村两委', '社区两委'],
  'party-members-meeting': ['党员大会'],
  'representatives-assembly': ['村民代表大会', '居民代表大会'],
  'villagers-meeting': ['村民会议', '居民会议'],
  'supervision-committee': ['村务监督委员会', '居务监督委员会', '监委会'],
  'deliberation-council': ['村民议事会', '居民议事会', '议事会'],
  'weddings-funerals-council': ['红白理事会'],
  'anti-drug-gambling-council': ['禁毒禁赌会'],
  'morality-review-council': ['道德评议会'],
  'homeowners-committee': ['业主委员会', '业委会'],
  'sanitation-rating-group': ['卫生评比工作组', '卫生评比小组'],
  'household-heads-council': ['户主理事会'],
  'worthies-council': ['乡贤理事会'],
};

function lookup<K extends string>(words: Record<K, string[]>): (value: string) => K | undefined {
  const map = new Map<string, K>();
  for (const [kind, names] of Object.entries(words) as [K, string[]][]) {
    map.set(norm(kind), kind);
    for (const n of names) map.set(norm(n), kind);
  }
  return (value) => map.get(norm(value));
}

export const placeKindOf = lookup(PLACE_KIND_WORDS);
export const bodyKindOf = lookup(BODY_NAMES);

/** The Chinese name a template or fixture writes for a place kind or body. */
export const placeKindName = (kind: PlaceKind): string => PLACE_KIND_WORDS[kind][0]!;
export const bodyName = (kind: BodyKind): string => BODY_NAMES[kind][0]!;

/** What may sit directly under what: the tree 省 → 市 → 县 → 乡镇 → 村/社区 → 组/小区 → 楼栋 → 户. */
export const CHILD_KINDS: Record<PlaceKind, readonly PlaceKind[]> = {
  // Hubei's 仙桃, 潜江, 天门 are county-level cities directly under the province.
  province: ['city', 'county'],
  city: ['county'],
  county: ['township'],
  township: ['village', 'community'],
  village: ['group', 'building', 'household'],
  community: ['compound', 'building', 'household'],
  group: ['building', 'household'],
  compound: ['building', 'household'],
  building: ['household'],
  household: [],
};

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗']);

export function yesNo(value: string): boolean | undefined {
  const v = norm(value);
  return YES.has(v) ? true : NO.has(v) ? false : undefined;
}

export function sexOf(value: string): 'male' | 'female' | undefined {
  const v = norm(value);
  return v === '男' || v === 'male' || v === 'm' ? 'male' : v === '女' || v === 'female' || v === 'f' ? 'female' : undefined;
}

export type EndReason = 'term-ended' | 'resigned' | 'recalled' | 'corrected';
export const endReasonOf = lookup<EndReason>({
  'term-ended': ['任期届满', '届满', '换届'],
  resigned: ['辞职', '辞去'],
  recalled: ['罢免', '撤职'],
  corrected: ['更正', '录入错误'],
});

export const HEAD_RELATION = '户主';

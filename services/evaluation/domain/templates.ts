import { type CriterionInput, type LocalText, type SchemeSnapshot, DEFAULT_THRESHOLD, validateCriteria } from './scheme.ts';

/**
 * Schemes shipped with the service. A village, township or county copies one into its own scheme (and may then
 * edit it: residents set the standards), or a review uses it directly when nothing more specific is bound.
 * Templates are immutable: changing one means a new template version here.
 */
export interface Template {
  id: `tpl-${string}`;
  version: number;
  title: LocalText;
  description: string;
  /** Where the template is used by default when no scheme is bound for that purpose. */
  defaultFor: readonly ('satisfaction' | 'quality' | 'sanitation-rating' | 'village-review' | 'competition')[];
  threshold: number;
  criteria: CriterionInput[];
}

const t = (zh: string, en: string): LocalText => ({ zh, en });
const ten = { min: 0, max: 10 };
const five = { min: 1, max: 5 };
const hundred = { min: 0, max: 100 };

export const TEMPLATES: readonly Template[] = [
  {
    // 保障性住房小区共同缔造"和谐社区·幸福家园"六项创建标准
    id: 'tpl-social-housing-six-standards',
    version: 1,
    title: t('保障性住房小区"和谐社区·幸福家园"六项创建标准', 'Six standards for social-housing communities'),
    description:
      '市政设施完善、服务设施到位、"四化"（美化/净化/绿化/亮化）达标、服务功能完备、管理队伍健全、服务对象满意。' +
      ' Utilities, service facilities, the four "-isations", service functions, management team, residents’ satisfaction.',
    defaultFor: [],
    threshold: DEFAULT_THRESHOLD,
    criteria: [
      { id: 'utilities', name: t('市政设施完善', 'Municipal utilities complete'), weight: '0.2', scale: ten },
      { id: 'service-facilities', name: t('服务设施到位', 'Service facilities in place'), weight: '0.15', scale: ten },
      {
        id: 'four-isations',
        name: t('"四化"要求达标', 'The four "-isations" met'),
        weight: '0.2',
        children: [
          { id: 'beautification', name: t('社区美化', 'Beautification'), weight: '0.25', scale: ten },
          { id: 'cleanliness', name: t('社区净化', 'Cleanliness'), weight: '0.25', scale: ten },
          { id: 'greening', name: t('社区绿化', 'Greening'), weight: '0.25', scale: ten },
          { id: 'lighting', name: t('社区亮化', 'Lighting'), weight: '0.25', scale: ten },
        ],
      },
      { id: 'service-functions', name: t('服务功能完备', 'Service functions complete'), weight: '0.15', scale: ten },
      { id: 'management-team', name: t('管理队伍健全', 'Management team in place'), weight: '0.1', scale: ten },
      { id: 'residents-satisfaction', name: t('服务对象满意', 'Residents satisfied'), weight: '0.2', scale: ten },
    ],
  },
  {
    // 农户环境卫生评比 (卫生评比工作组, 门前三包)
    id: 'tpl-household-sanitation',
    version: 1,
    title: t('农户环境卫生评比', 'Household sanitation rating'),
    description:
      '室内整洁、庭院卫生、门前三包、垃圾分类、厕所圈舍。 Indoors, courtyard, the three guarantees, rubbish sorting, toilet and pens.',
    defaultFor: ['sanitation-rating'],
    threshold: DEFAULT_THRESHOLD,
    criteria: [
      { id: 'indoor', name: t('室内整洁', 'Tidy indoors'), weight: '0.2', scale: ten },
      { id: 'courtyard', name: t('庭院卫生', 'Clean courtyard'), weight: '0.25', scale: ten },
      { id: 'three-guarantees', name: t('门前三包落实', 'Three guarantees in front of the door'), weight: '0.2', scale: ten },
      { id: 'rubbish-sorting', name: t('垃圾分类', 'Rubbish sorted'), weight: '0.2', scale: ten },
      { id: 'toilet-pens', name: t('厕所圈舍卫生', 'Clean toilet and animal pens'), weight: '0.15', scale: ten },
    ],
  },
  {
    // 服务谁、谁评价: beneficiaries' satisfaction, at each stage (plan, construction, benefit)
    id: 'tpl-project-satisfaction',
    version: 1,
    title: t('项目群众满意度', 'Project satisfaction (beneficiaries)'),
    description: '受益户对方案、施工或效益的满意度（1–5 星）。 Beneficiary households rate the plan, the works or the benefit (1–5 stars).',
    defaultFor: ['satisfaction'],
    threshold: DEFAULT_THRESHOLD,
    criteria: [
      { id: 'overall', name: t('总体满意', 'Overall satisfaction'), weight: '0.4', scale: five },
      { id: 'meets-needs', name: t('符合群众需求', 'Meets residents’ needs'), weight: '0.3', scale: five },
      { id: 'informed-involved', name: t('知情与参与', 'Informed and involved'), weight: '0.3', scale: five },
    ],
  },
  {
    // 事中评价建设质量: representatives, supervision committee and experts
    id: 'tpl-project-quality',
    version: 1,
    title: t('项目建设质量评价', 'Project build quality review'),
    description: '代表、监委会和专家评价质量、安全、进度与资金公开。 Quality, safety, schedule and money disclosure.',
    defaultFor: ['quality'],
    threshold: DEFAULT_THRESHOLD,
    criteria: [
      { id: 'workmanship', name: t('工程质量', 'Workmanship'), weight: '0.4', scale: ten },
      { id: 'safety', name: t('安全文明施工', 'Safe, orderly site'), weight: '0.2', scale: ten },
      { id: 'schedule', name: t('进度', 'Schedule'), weight: '0.2', scale: ten },
      { id: 'money-disclosure', name: t('资金使用公开', 'Money use disclosed'), weight: '0.2', scale: ten },
    ],
  },
  {
    // 村级自评、两村互评: the five steps of co-creation
    id: 'tpl-village-co-creation',
    version: 1,
    title: t('共同缔造村级评价', 'Village co-creation review'),
    description: '决策共谋、发展共建、建设共管、效果共评、成果共享。 The five steps of co-creation.',
    defaultFor: ['village-review'],
    threshold: DEFAULT_THRESHOLD,
    criteria: [
      { id: 'co-deliberate', name: t('决策共谋', 'Co-deliberated decisions'), weight: '0.2', scale: hundred },
      { id: 'co-build', name: t('发展共建', 'Co-built development'), weight: '0.2', scale: hundred },
      { id: 'co-manage', name: t('建设共管', 'Co-managed results'), weight: '0.2', scale: hundred },
      { id: 'co-evaluate', name: t('效果共评', 'Co-evaluated effects'), weight: '0.2', scale: hundred },
      { id: 'co-share', name: t('成果共享', 'Co-shared outcomes'), weight: '0.2', scale: hundred },
    ],
  },
  {
    id: 'tpl-courtyard',
    version: 1,
    title: t('最美庭院评选', 'Most beautiful courtyard'),
    description: '整洁、绿化美化、特色、邻里示范。 Tidiness, greenery, character, example to neighbours.',
    defaultFor: ['competition'],
    threshold: DEFAULT_THRESHOLD,
    criteria: [
      { id: 'tidy', name: t('整洁有序', 'Tidy and orderly'), weight: '0.3', scale: ten },
      { id: 'green', name: t('绿化美化', 'Green and beautiful'), weight: '0.3', scale: ten },
      { id: 'character', name: t('特色鲜明', 'Distinctive character'), weight: '0.2', scale: ten },
      { id: 'example', name: t('邻里示范', 'Example to neighbours'), weight: '0.2', scale: ten },
    ],
  },
  {
    id: 'tpl-five-star-household',
    version: 1,
    title: t('五星级文明户评选', 'Five-star civilised household'),
    description: '爱国守法、诚信友善、孝老爱亲、勤劳致富、卫生整洁五颗星。 Five stars of a civilised household.',
    defaultFor: [],
    threshold: DEFAULT_THRESHOLD,
    criteria: [
      { id: 'law-abiding', name: t('爱国守法星', 'Patriotic and law-abiding'), weight: '0.2', scale: five },
      { id: 'honest-kind', name: t('诚信友善星', 'Honest and kind'), weight: '0.2', scale: five },
      { id: 'filial', name: t('孝老爱亲星', 'Caring for elders and family'), weight: '0.2', scale: five },
      { id: 'hardworking', name: t('勤劳致富星', 'Hard-working'), weight: '0.2', scale: five },
      { id: 'clean', name: t('卫生整洁星', 'Clean and tidy'), weight: '0.2', scale: five },
    ],
  },
];

/** The template as a usable scheme snapshot; templates are checked by the same rules as any scheme. */
export function templateSnapshot(template: Template): SchemeSnapshot {
  const checked = validateCriteria(template.criteria);
  if (!checked.ok) throw new Error(`template ${template.id} is invalid: ${JSON.stringify(checked.errors)}`);
  return {
    schemeId: template.id,
    version: template.version,
    title: template.title,
    threshold: template.threshold,
    criteria: checked.criteria,
  };
}

export const templateById = (id: string): Template | undefined => TEMPLATES.find((x) => x.id === id);

/** The template a purpose falls back to when no scheme is bound for it. */
export function defaultTemplate(purpose: Template['defaultFor'][number]): Template {
  const found = TEMPLATES.find((x) => x.defaultFor.includes(purpose));
  if (!found) throw new Error(`no default template for ${purpose}`);
  return found;
}

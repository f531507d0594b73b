import * as z from 'zod';

/** What a need or project is about. Shared by needs, project lists, fund restrictions and reviews. */
export const WorkCategory = z.enum([
  'roads', // 道路
  'water', // 供水排水
  'sanitation', // 环境卫生、垃圾分类
  'toilets', // 厕所
  'greening', // 绿化
  'lighting', // 亮化
  'housing', // 房屋、屋面、楼道
  'parking', // 停车
  'public-space', // 公共空间
  'fire-safety', // 消防
  'elderly-care', // 养老
  'childcare', // 托幼、四点半课堂
  'culture', // 文化
  'fitness', // 健身
  'industry', // 产业
  'other',
]);
export type WorkCategory = z.infer<typeof WorkCategory>;

/** Channels through which residents raise needs (群众提). */
export const NeedChannel = z.enum([
  'household-visit', // 联户走访
  'bench-meeting', // 板凳会
  'evening-talk', // 夜话
  'courtyard-meeting', // 院坝会
  'questionnaire', // 问卷
  'feedback-box', // 反馈箱
  'online', // 线上
]);
export type NeedChannel = z.infer<typeof NeedChannel>;

/** Who builds a project (DOMAIN §2). */
export const Builder = z.enum([
  'residents', // 村民自发主动建
  'cooperative', // 合作公司带动建
  'contractor', // 各方力量助力建
]);
export type Builder = z.infer<typeof Builder>;

/** Renovation classes: sources differ in what they may pay for. */
export const RenovationClass = z.enum([
  'basic', // 基础类
  'improvement', // 完善类
  'enhancement', // 提升类
]);
export type RenovationClass = z.infer<typeof RenovationClass>;

/** Kinds of matters a decision chain decides (共同决). */
export const ProposalKind = z.enum(['project-plan', 'compact', 'village-classification', 'project-change']);
export type ProposalKind = z.infer<typeof ProposalKind>;

/** Village tiers (划分两类村). */
export const VillageClass = z.enum([
  'pilot', // 试点村
  'remediation', // 整治村
]);
export type VillageClass = z.infer<typeof VillageClass>;

/** Project lifecycle stages (DOMAIN §2), in order. */
export const ProjectStage = z.enum([
  'survey', // 摸底排查
  'willingness-survey', // 意愿调查
  'design-review', // 设计方案审查
  'implementation-plan', // 实施方案
  'plan-notice', // 方案公示
  'approved', // 审批
  'in-construction', // 组织实施
  'initial-acceptance', // 初步验收
  'rectification', // 整改
  'final-acceptance', // 竣工验收
  'final-accounts', // 决算
  'archived', // 归档
  'long-term-management', // 长效管理
]);
export type ProjectStage = z.infer<typeof ProjectStage>;

/** Kinds of contribution (出钱出力出物让地出点子). */
export const ContributionKind = z.enum(['money', 'labour', 'materials', 'land', 'ideas']);
export type ContributionKind = z.infer<typeof ContributionKind>;

/** Things in the public-space registry that households, party members or groups adopt (认领). */
export const SpaceKind = z.enum(['public-space', 'green-plot', 'facility', 'road-section']);
export type SpaceKind = z.infer<typeof SpaceKind>;

/** Staged project reviews: before 事前预评, during 事中评价, after 事后评估. */
export const ReviewStage = z.enum(['before', 'during', 'after']);
export type ReviewStage = z.infer<typeof ReviewStage>;

/** How a ballot reached the tally. */
export const BallotChannel = z.enum(['online', 'paper', 'proxy']);
export type BallotChannel = z.infer<typeof BallotChannel>;

/** Sources of money for the fund pool (共建资金池). */
export const FundSource = z.enum([
  'township-subsidy', // 镇级直补
  'self-raised', // 群众自筹
  'worthies-donation', // 乡贤捐助
  'fiscal-award', // 财政奖补 (incl. 以奖代补)
  'department-funds', // 部门资金
  'helper-unit', // 帮扶单位
  'social-investment', // 社会投资
  'maintenance-fund', // 维修资金
]);
export type FundSource = z.infer<typeof FundSource>;

/** Levels of the place tree: 省 → 市 → 县/区 → 乡镇/街道 → 行政村/社区 → 自然村/湾组/小区 → 楼栋 → 户. */
export const PlaceKind = z.enum([
  'province',
  'city',
  'county',
  'township',
  'village', // 行政村
  'community', // 城市社区
  'group', // 自然村/湾组
  'compound', // 小区
  'building', // 楼栋
  'household', // 户
]);
export type PlaceKind = z.infer<typeof PlaceKind>;

/** How deep each kind of place sits in the tree: a search for villages never walks into groups and households. */
export const PLACE_LEVEL: Readonly<Record<PlaceKind, number>> = {
  province: 0,
  city: 1,
  county: 2,
  township: 3,
  village: 4,
  community: 4,
  group: 5,
  compound: 5,
  building: 6,
  household: 7,
};

/** Bodies that deliberate, vote, supervise or rate (四议两公开, 一约四会, 监委会, 工作组). */
export const BodyKind = z.enum([
  'party-branch', // 村党支部
  'two-committees', // 村"两委"
  'party-members-meeting', // 党员大会
  'representatives-assembly', // 村民代表大会
  'villagers-meeting', // 村民会议
  'supervision-committee', // 村务监督委员会
  'deliberation-council', // 村民议事会
  'weddings-funerals-council', // 红白理事会
  'anti-drug-gambling-council', // 禁毒禁赌会
  'morality-review-council', // 道德评议会
  'homeowners-committee', // 业主委员会
  'sanitation-rating-group', // 卫生评比工作组
  'household-heads-council', // 户主理事会
  'worthies-council', // 乡贤理事会
]);
export type BodyKind = z.infer<typeof BodyKind>;

import { z } from 'zod';

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

import { type BodyKind } from '@cocreate/places';
import { demo } from '@cocreate/places/seed';
import { LocalApi, eventually, q, uploadToPresigned } from '@cocreate/local/testing';
import { AgencyReceiver } from './agency-receiver.ts';
import { Narrator, type StepRecord } from './narrator.ts';
import { programmeSteps } from './programme-steps.ts';
import { SITE_PHOTO_JPEG } from '@cocreate/local/site-photo';
import { getAssessmentRoute, listResultsRoute, listTiersRoute } from '../../services/evaluation/handlers/assessments.ts';
import { getPool } from '../../services/projects/handlers/pools.ts';
import { getProjectReviews } from '../../services/evaluation/handlers/reviews.ts';
import { getProposal } from '../../services/deliberation/handlers/proposals.ts';
import { getSchemeRoute } from '../../services/evaluation/handlers/schemes.ts';
import { getStatement } from '../../services/rewards/handlers/points.ts';
import { listProjects } from '../../services/projects/handlers/projects.ts';
import { listSpacesRoute } from '../../services/compacts/handlers/spaces.ts';

/**
 * One co-creation year for 幸福社区 (Xingfu Community, Hong'an County), driven only through the HTTP API of the five
 * services and the feeds, narrated step by step. Used by `pnpm demo` and by the cycle test.
 */
export interface CycleReport {
  ok: boolean;
  village: string;
  startedAt: string;
  finishedAt: string;
  steps: StepRecord[];
  eventsOnBus: Record<string, number>;
  agencyReceiver: { received: number; signatureValid: number; duplicates: number; distinct: number; byType: Record<string, number> };
  error?: string;
}

const V = demo.xingfu; // 幸福社区
const C2 = `${V}/c2`;
const TOWNSHIP = 'hubei/huanggang/hongan/chengguan';
const COUNTY = demo.hongan;
const p = (n: number) => `p-xingfu-${String(n).padStart(2, '0')}`;
const hh = (n: number) => `${n <= 6 ? `${V}/c1` : C2}/h${String(n).padStart(2, '0')}`;
const CADRE = p(1); // 两委成员, party branch
const TREASURER = p(2);
const SUPERVISOR = p(10);
const INSPECTOR = p(8);
const COUNCIL = p(6); // 道德评议会

export async function runCycle(url: string, log: (line: string) => void = console.log): Promise<CycleReport> {
  const api = new LocalApi(url);
  const n = new Narrator(api, log);
  const receiver = new AgencyReceiver();
  const startedAt = new Date().toISOString();
  const township = api.official('t-chengguan-1', 'township-official', TOWNSHIP);
  const county = api.official('c-hongan-housing-1', 'county-official', COUNTY);
  const ops = api.official('ops-hubei-1', 'ops-admin', 'hubei');
  const merchant = api.official('m-xingfu-shop', 'merchant', V);
  const agencyUser = api.official('agency-hongan-housing-1', 'agency', COUNTY);
  const year = async () => new Date((await api.get('/_local/clock')).body.now).getUTCFullYear();
  // Dates are China calendar days (UTC+8), as the services count them.
  const today = async () => new Date(Date.parse((await api.get('/_local/clock')).body.now) + 8 * 3_600_000).toISOString().slice(0, 10);
  let error: string | undefined;
  /** Events on the bus before the agency subscribed (the register's import among them): not the agency's to receive. */
  let beforeSubscription = 0;

  /** Every member of a body votes (yes unless told otherwise), then a cadre closes the step; until the chain ends. */
  const decide = async (proposalId: string, choices: (member: string) => 'yes' | 'no' | 'abstain' = () => 'yes') => {
    for (let guard = 0; guard < 10; guard++) {
      const prop = (await n.call('GET', `/deliberation/proposals/${proposalId}`, undefined, { as: CADRE })).body;
      if (prop.status !== 'voting') return prop;
      const body = prop.chain[prop.step].body as BodyKind;
      // Who sits on the body today, as the register says (the step recorded the same members when it opened).
      const seated = await n.call('GET', `/registry/bodies/members?village=${V}&body=${body}`, undefined, { as: township });
      const members = (seated.body.members as { person: string }[]).map((m) => m.person);
      for (const m of members) {
        await n.call('POST', `/deliberation/proposals/${proposalId}/ballots`, { step: prop.step, choice: choices(m) }, { as: m });
      }
      // Each body's meeting leaves its record: everyone signed in, and the minutes.
      const minutes = await n.call(
        'POST',
        '/deliberation/evidence-uploads',
        { village: V, filename: `${body}-会议纪要.pdf`, contentType: 'application/pdf', size: Buffer.byteLength(`${body} 会议纪要`) },
        { as: CADRE, expect: 201 },
      );
      await uploadToPresigned(minutes.body, `${body} 会议纪要`);
      await n.call(
        'POST',
        `/deliberation/proposals/${proposalId}/resolve`,
        { step: prop.step, signIn: members, minutes: { key: minutes.body.key } },
        { as: CADRE },
      );
    }
    throw new Error('the chain did not end');
  };

  try {
    await n.step(
      { zh: '机构订阅：县住建局订阅红安县的事件', en: 'An agency (the county housing bureau) subscribes to Hong’an’s events' },
      async () => {
        await receiver.start();
        beforeSubscription = (await api.get('/_local/bus/events')).body.count;
        const agencyId = `hongan-housing-${Date.now().toString(36)}`;
        await n.call(
          'POST',
          '/feeds/agencies',
          {
            agencyId,
            name: { zh: '红安县住房和城乡建设局', en: 'Hong’an County Housing Bureau' },
            jurisdiction: COUNTY,
            contact: { name: '李科长', email: 'housing@hongan.example.cn' },
            members: [agencyUser.sub],
          },
          { as: ops, expect: 201 },
        );
        const sub = await n.call(
          'POST',
          `/feeds/agencies/${agencyId}/subscriptions`,
          {
            name: '幸福社区全部事件',
            pattern: { detail: { meta: { place: [{ prefix: V }] } } },
            delivery: { mode: 'webhook', url: receiver.url },
          },
          { as: agencyUser, expect: 201 },
        );
        receiver.useSecrets(sub.body.secret);
        return { agencyId, subscription: sub.body.subscription.subscriptionId, receiver: receiver.url };
      },
    );

    const needs = await n.step(
      { zh: '群众提：居民通过院坝会、夜话、线上提出需求', en: 'Residents raise needs (courtyard meeting, evening talk, online)' },
      async () => {
        const raised = [];
        for (const [who, channel, text] of [
          [p(7), 'courtyard-meeting', '2号小区路面坑洼，雨天积水'],
          [p(9), 'evening-talk', '2号小区路灯不亮，老人晚上出行不便'],
          [p(11), 'online', '小区道路太烂了，下雨没法走'],
        ] as const) {
          const r = await n.call('POST', '/deliberation/needs', { place: C2, category: 'roads', channel, text }, { as: who, expect: 201 });
          raised.push(r.body.needId as string);
        }
        await n.call('POST', `/deliberation/needs/${raised[0]}/triage`, { action: 'accept' }, { as: CADRE });
        await n.call('POST', `/deliberation/needs/${raised[1]}/triage`, { action: 'accept', category: 'lighting' }, { as: CADRE });
        await n.call('POST', `/deliberation/needs/${raised[2]}/triage`, { action: 'merge', into: raised[0] }, { as: CADRE });
        return { raised: raised.length, accepted: raised.slice(0, 2), merged: raised[2] };
      },
    );

    const plan = await n.step(
      {
        zh: '点单式与三方议：列入项目清单、居民支持、政府专家居民共商方案',
        en: 'Project list, residents’ support, and a three-party discussion revises the plan',
      },
      async () => {
        const listed = (await n.call('GET', `/deliberation/needs${q({ village: V })}`, undefined, { as: CADRE })).body.items;
        const accepted = needs.accepted as string[];
        n.check(
          accepted.every((id) => listed.some((x: { needId: string; status: string }) => x.needId === id && x.status === 'triaged')),
          'accepted needs on the needs list',
        );
        const candidate = await n.call(
          'POST',
          '/deliberation/candidates',
          { village: V, title: '2号小区道路与照明改造', category: 'roads', needIds: accepted, estimatedBudget: 8_000_000 },
          { as: CADRE, expect: 201 },
        );
        const candidateId = candidate.body.candidateId as string;
        for (const who of [p(7), p(8), p(9), p(11), p(12)]) {
          await n.call('POST', `/deliberation/candidates/${candidateId}/supports`, {}, { as: who });
        }
        const draft = await n.call(
          'POST',
          '/deliberation/plans',
          {
            village: V,
            place: C2,
            candidateId,
            title: '2号小区道路硬化与照明改造',
            description: '硬化 2 号小区内部道路 600 米，新装太阳能路灯 20 盏，配套雨水管网（隐蔽工程）。',
            category: 'roads',
            builder: 'cooperative',
            renovationClass: 'basic',
            budget: 8_000_000,
            beneficiaries: [7, 8, 9, 10, 11, 12].map(hh),
          },
          { as: CADRE, expect: 201 },
        );
        const planId = draft.body.planId as string;
        const record = '三方议会议纪要：政府、规划师、居民代表同意方案并提出增加路灯。';
        const upload = await n.call(
          'POST',
          '/deliberation/evidence-uploads',
          { village: V, filename: '三方议纪要.pdf', contentType: 'application/pdf', size: Buffer.byteLength(record) },
          { as: CADRE, expect: [200, 201] },
        );
        await uploadToPresigned(upload.body, record);
        const session = await n.call(
          'POST',
          '/deliberation/discussions',
          {
            planId,
            basedOnVersion: 1,
            heldAt: new Date((await api.get('/_local/clock')).body.now).toISOString(),
            location: '幸福社区党群服务中心',
            attendees: [
              { name: '王镇长', organisation: '城关镇人民政府', party: 'government' },
              { name: '陈规划师', organisation: '县规划设计院', party: 'society' },
              { person: p(4), party: 'residents' },
              { person: p(6), party: 'residents' },
              { person: p(9), party: 'residents' },
            ],
            positions: [
              { party: 'government', text: '镇里配套补助，要求 9 月底前完工。' },
              { party: 'society', text: '建议雨水管网先行，作为隐蔽工程留影像资料。' },
              { party: 'residents', text: '同意，希望增加路灯到 20 盏。' },
            ],
            minutes: { key: upload.body.key },
            revision: { budget: 8_500_000, changeNote: '增加路灯至 20 盏，预算增至 8.5 万元' },
          },
          { as: CADRE, expect: 201 },
        );
        return { candidateId, planId, planVersion: session.body.planVersion ?? 2, supports: 5 };
      },
    );

    const consent = await n.step(
      {
        zh: '业主意愿：老旧小区改造须三分之二以上业主同意',
        en: 'Owner consent: renovation needs at least 2/3 of owners (headcount and area)',
      },
      async () => {
        // The compound qualifies (multi-storey, structurally safe, not to be demolished), and its owners are polled.
        await n.call(
          'PUT',
          '/deliberation/compound-eligibility',
          { compound: C2, multiStorey: true, structurallySafe: true, onDemolitionPlan: false, reason: '住建局房屋安全排查' },
          { as: CADRE },
        );
        const poll = await n.call(
          'POST',
          '/deliberation/consent-polls',
          {
            scope: C2,
            title: '幸福社区 2 号小区改造业主意愿征询',
            matter: 'renovation',
            rule: 'seed-renovation',
            propertyFee: { collected: 92_000, due: 100_000 },
          },
          { as: CADRE, expect: 201 },
        );
        const pollId = poll.body.pollId as string;
        for (let i = 7; i <= 12; i++) {
          const choice = i === 8 ? 'disagree' : i === 12 ? 'abstain' : 'agree';
          await n.call('POST', `/deliberation/consent-polls/${pollId}/responses`, { choice }, { as: p(i) });
        }
        const closed = await n.call('POST', `/deliberation/consent-polls/${pollId}/close`, {}, { as: CADRE });
        n.check(closed.body.result?.passed === true, `consent poll passed (${JSON.stringify(closed.body.result).slice(0, 300)})`);
        return { pollId, passed: true, agree: 4, of: 6 };
      },
    );

    const compactIds = await n.step(
      {
        zh: '起草村规民约与管护公约，约定违约处理',
        en: 'Drafting the community rules and the maintenance compact, with agreed handling of violations',
      },
      async () => {
        const rules = await n.call(
          'POST',
          '/compacts/compacts',
          {
            village: V,
            kind: 'village-rules',
            title: '幸福社区居民公约',
            articles: [
              {
                articleId: 'art-5',
                title: '垃圾分类',
                text: '各户应按规定分类投放生活垃圾。',
                violationTypes: [
                  {
                    code: 'rubbish-not-sorted',
                    name: '垃圾未分类',
                    handling: { pointsDeduction: 5, publicListing: true, rectificationDays: 7 },
                  },
                ],
              },
            ],
          },
          { as: CADRE, expect: 201 },
        );
        const care = await n.call(
          'POST',
          '/compacts/compacts',
          {
            village: V,
            kind: 'maintenance',
            title: '幸福社区公共设施管护公约',
            articles: [{ articleId: 'care-1', title: '认领管护', text: '认领户负责日常保洁与损坏报告。' }],
          },
          { as: CADRE, expect: 201 },
        );
        for (const c of [rules.body, care.body])
          await n.call('POST', `/compacts/compacts/${c.compactId}/versions/1/submit`, {}, { as: CADRE });
        return { villageRules: rules.body.compactId as string, maintenance: care.body.compactId as string };
      },
    );

    const proposals = await n.step(
      {
        zh: '四议两公开：党支部提议、两委商议、党员大会审议、居民代表会议决议',
        en: 'Four deliberations: branch proposes, two committees discuss, party members review, representatives resolve',
      },
      async () => {
        // Every kind goes through the four deliberations: the national floor, and this community's chain.
        const submit = (body: Record<string, unknown>) =>
          n.call('POST', '/deliberation/proposals', { village: V, ...body }, { as: CADRE, expect: 201 });
        const project = (
          await submit({ kind: 'project-plan', planId: plan.planId, planVersion: plan.planVersion, consentPollId: consent.pollId })
        ).body.proposalId as string;
        const classification = (
          await submit({ kind: 'village-classification', classification: 'remediation', reasons: '首年参与，按整治村管理' })
        ).body.proposalId as string;
        const rules = (await submit({ kind: 'compact', compactId: compactIds.villageRules, version: 1, title: '幸福社区居民公约' })).body
          .proposalId as string;
        const care = (await submit({ kind: 'compact', compactId: compactIds.maintenance, version: 1, title: '公共设施管护公约' })).body
          .proposalId as string;
        // One representative votes against the plan: it passes all the same.
        const decided = await decide(project, (m) => (m === p(9) ? 'no' : 'yes'));
        for (const id of [classification, rules, care]) await decide(id);
        n.check(decided.status === 'notice', `project plan adopted and under notice (status ${decided.status})`);
        return { project, classification, rules, care, projectSteps: decided.chain.length };
      },
    );

    await n.step(
      {
        zh: '公示：居民提出异议，两委答复（不成立），公示期满后决定生效并报镇备案',
        en: 'Public notice: an objection is answered (not sustained); at the end the decision is final and filed',
      },
      async () => {
        const objection = await n.call(
          'POST',
          `/deliberation/proposals/${proposals.project}/objections`,
          { text: '施工期间车辆如何通行？担心影响出行。' },
          { as: p(12), expect: 201 },
        );
        await n.call(
          'POST',
          `/deliberation/proposals/${proposals.project}/objections/${objection.body.objectionId}/answer`,
          { sustained: false, answer: '分段施工，保留单侧通行，已在方案中补充。' },
          { as: CADRE },
        );
        await n.call('POST', '/_local/clock', { advance: 'P8D' });
        const finals = [];
        for (const id of Object.values(proposals).filter((v): v is string => typeof v === 'string')) {
          const prop = await eventually(
            async () => {
              const r = (await api.call(getProposal, { params: { proposalId: id } }, { as: CADRE })).body;
              return r.status === 'final' ? r : undefined;
            },
            30_000,
            `proposal ${id} final`,
          );
          finals.push(prop.filedWith);
        }
        return { final: finals.length, filedWith: finals[0] };
      },
    );

    const project = await n.step(
      {
        zh: '项目开工准备：项目库立项，资金从三个渠道进入资金池（其一限定用途）',
        en: 'The project opens; money arrives from three sources (one restricted)',
      },
      async () => {
        const opened = await eventually(
          async () => {
            const r = (await api.call(listProjects, { query: { village: V } }, { as: CADRE })).body;
            return r.items?.find((x: { proposalId: string }) => x.proposalId === proposals.project);
          },
          30_000,
          'project opened from DecisionFinal',
        );
        await n.call(
          'POST',
          '/projects/pools/receipts',
          { pool: V, source: 'township-subsidy', amount: 4_000_000, from: '城关镇人民政府' },
          { as: township, expect: 201 },
        );
        await n.call(
          'POST',
          '/projects/pools/receipts',
          { pool: V, source: 'helper-unit', amount: 2_000_000, from: '县住建局帮扶工作队' },
          { as: CADRE, expect: 201 },
        );
        await n.call(
          'POST',
          '/projects/pools/receipts',
          { pool: V, source: 'worthies-donation', amount: 1_500_000, from: '乡贤 陈先生', restriction: { categories: ['roads'] } },
          { as: CADRE, expect: 201 },
        );
        const pool = (await n.call('GET', `/projects/pools${q({ pool: V })}`, undefined, { as: CADRE })).body;
        return {
          projectId: opened.projectId as string,
          stage: opened.stage,
          budget: opened.budget,
          poolBalance: pool.totals.balance,
          sources: pool.sources.length,
        };
      },
    );

    await n.step(
      {
        zh: '出钱出力：居民出资、投工投劳（按当地工时费计价）',
        en: 'Residents contribute money and labour hours (valued at the local hourly wage)',
      },
      async () => {
        const day = await today();
        await n.call(
          'POST',
          '/projects/wage-rates',
          { county: COUNTY, effectiveFrom: day, hourlyWage: 2_500, reason: '按本县2026年农村务工日均工资折算' },
          { as: county, expect: [200, 201] },
        );
        await n.call(
          'POST',
          `/projects/projects/${project.projectId}/contributions`,
          { household: hh(7), person: p(7), kind: 'money', amount: 50_000, contributedOn: day },
          { as: TREASURER, expect: 201 },
        );
        const labour = await n.call(
          'POST',
          `/projects/projects/${project.projectId}/contributions`,
          { household: hh(8), person: p(8), kind: 'labour', hours: 8, contributedOn: day },
          { as: CADRE, expect: 201 },
        );
        return { money: 50_000, labourHours: 8, labourValue: labour.body.value };
      },
    );

    await n.step(
      {
        zh: '组织实施：方案审批、开工，里程碑资金申请—两委审批—监委会会签',
        en: 'Construction: approvals, milestones, dual-controlled disbursements',
      },
      async () => {
        const pid = project.projectId;
        // Each survey stage is left with its data (摸底排查 findings, the owners' consent poll, the design review's
        // documents as verified evidence).
        const opinion = '%PDF-1.4 设计方案审查意见';
        const pdf = await n.call(
          'POST',
          `/projects/projects/${pid}/evidence-uploads`,
          { filename: '设计方案审查意见.pdf', contentType: 'application/pdf', size: Buffer.byteLength(opinion) },
          { as: CADRE, expect: 201 },
        );
        await uploadToPresigned(pdf.body, opinion);
        const data: Record<string, object> = {
          'willingness-survey': {
            survey: { findings: [{ category: 'roads', place: C2, description: '道路破损、照明不足', severity: 'high', households: 12 }] },
          },
          'design-review': { willingness: { consentPollId: consent.pollId } },
          'implementation-plan': { designReview: { documents: [{ key: pdf.body.key }], conclusion: 'approved' } },
        };
        for (const to of ['willingness-survey', 'design-review', 'implementation-plan', 'plan-notice', 'approved', 'in-construction']) {
          await n.call('POST', `/projects/projects/${pid}/transitions`, { to, ...(data[to] ?? {}) }, { as: CADRE });
        }
        const pipes = await n.call(
          'POST',
          `/projects/projects/${pid}/milestones`,
          { title: '雨水管网铺设（隐蔽工程）', weight: 60, hiddenWorks: true },
          { as: CADRE, expect: 201 },
        );
        const road = await n.call(
          'POST',
          `/projects/projects/${pid}/milestones`,
          { title: '路面硬化与路灯安装', weight: 40 },
          { as: CADRE, expect: 201 },
        );
        await n.call('POST', `/projects/projects/${pid}/allocations`, { amount: 6_000_000 }, { as: CADRE, expect: [200, 201] });
        const disb = await n.call(
          'POST',
          `/projects/projects/${pid}/disbursements`,
          {
            milestoneId: pipes.body.milestoneId,
            amount: 3_000_000,
            purpose: 'works',
            payee: { kind: 'organisation', name: '红安县城关合作建设有限公司' },
            description: '雨水管网材料与施工',
          },
          { as: TREASURER, expect: 201 },
        );
        const did = disb.body.disbursementId as string;
        await n.call('POST', `/projects/projects/${pid}/disbursements/${did}/approve`, {}, { as: CADRE });
        const sameTwice = await n.call(
          'POST',
          `/projects/projects/${pid}/disbursements/${did}/countersign`,
          {},
          { as: CADRE, expect: 403 },
        );
        await n.call('POST', `/projects/projects/${pid}/disbursements/${did}/countersign`, {}, { as: SUPERVISOR });
        const photo = await n.call(
          'POST',
          `/projects/projects/${pid}/evidence-uploads`,
          { filename: '管网隐蔽工程.jpg', contentType: 'image/jpeg', size: SITE_PHOTO_JPEG.length },
          { as: CADRE, expect: [200, 201] },
        );
        await uploadToPresigned(photo.body, SITE_PHOTO_JPEG);
        await n.call('POST', `/projects/projects/${pid}/milestones/${pipes.body.milestoneId}/complete`, {}, { as: CADRE, expect: 422 });
        await n.call(
          'POST',
          `/projects/projects/${pid}/milestones/${pipes.body.milestoneId}/complete`,
          { evidence: [{ key: photo.body.key }], caption: '雨水管网回填前拍照存档' },
          { as: CADRE },
        );
        await n.call('POST', `/projects/projects/${pid}/milestones/${road.body.milestoneId}/complete`, {}, { as: CADRE });
        const after = (await n.call('GET', `/projects/projects/${pid}`, undefined, { as: CADRE })).body;
        return {
          disbursed: 3_000_000,
          countersignBySameRoleRefused: sameTwice.status,
          progress: after.progress,
          hiddenWorksWithoutPhoto: 422,
        };
      },
    );

    await n.step(
      {
        zh: '验收：居民代表参与初验、竣工验收；第二次公开（实施结果）；设施移交长效管理',
        en: 'Acceptance with residents’ representatives, the second disclosure, facilities handed over',
      },
      async () => {
        const pid = project.projectId;
        await n.call(
          'POST',
          `/projects/projects/${pid}/transitions`,
          { to: 'initial-acceptance', representatives: [p(3), p(4), p(5)] },
          { as: CADRE },
        );
        await n.call(
          'POST',
          `/projects/projects/${pid}/transitions`,
          { to: 'final-acceptance', facilities: [{ name: '2号小区健身步道与路灯', kind: 'public-space', place: C2 }] },
          { as: CADRE },
        );
        const disclosed = await eventually(
          async () => {
            const r = (await api.call(getProposal, { params: { proposalId: proposals.project } }, { as: CADRE })).body;
            return r.implementation;
          },
          30_000,
          'second disclosure of the implementation result',
        );
        const space = await eventually(
          async () => {
            const r = (await api.call(listSpacesRoute, { query: { village: V } }, { as: CADRE })).body;
            return r.items?.find((s: { name: string }) => s.name === '2号小区健身步道与路灯');
          },
          30_000,
          'facility registered for long-term management',
        );
        return { disclosedSpent: disclosed.spent, spaceId: space.spaceId as string };
      },
    );

    await n.step({ zh: '建设共管：居民认领设施、记录管护', en: 'A household adopts the new facility and logs upkeep' }, async () => {
      const space = (await api.call(listSpacesRoute, { query: { village: V } }, { as: CADRE })).body.items.find(
        (s: { name: string }) => s.name === '2号小区健身步道与路灯',
      );
      const adoption = await n.call('POST', `/compacts/spaces/${space!.spaceId}/adoptions`, { as: 'household' }, { as: p(9), expect: 201 });
      const second = await n.call('POST', `/compacts/spaces/${space!.spaceId}/adoptions`, { as: 'household' }, { as: p(11), expect: 409 });
      await n.call(
        'POST',
        `/compacts/adoptions/${adoption.body.adoptionId}/upkeep`,
        { note: '清扫步道，检查路灯' },
        { as: p(9), expect: 201 },
      );
      return { adoptionId: adoption.body.adoptionId, secondClaim: second.status };
    });

    await n.step(
      {
        zh: '检查与申诉：垃圾分类突击检查记违约，户主申诉，道德评议会撤销',
        en: 'An unannounced inspection records a violation; the household appeals and the morality council overturns it',
      },
      async () => {
        const day = await today();
        await n.call(
          'POST',
          '/compacts/inspections',
          {
            kind: 'unannounced',
            village: V,
            topic: '垃圾分类突击检查',
            conductedOn: day,
            results: [{ household: hh(7), item: 'sanitation', outcome: 'fail', note: '厨余垃圾混入可回收物' }],
          },
          { as: INSPECTOR, expect: 201 },
        );
        const violation = await n.call(
          'POST',
          '/compacts/violations',
          {
            household: hh(7),
            person: p(7),
            compactId: compactIds.villageRules,
            violationType: 'rubbish-not-sorted',
            occurredOn: day,
            description: '垃圾未分类',
          },
          { as: INSPECTOR, expect: 201 },
        );
        const vid = violation.body.violationId as string;
        await n.call('POST', `/compacts/violations/${vid}/appeal`, { reason: '当天由租户投放，户主已现场整改并分类。' }, { as: p(7) });
        const ruling = await n.call(
          'POST',
          `/compacts/violations/${vid}/ruling`,
          { outcome: 'overturn', reason: '经核实为租户投放，已当场整改，撤销处理。' },
          { as: COUNCIL },
        );
        return { violationId: vid, deduction: violation.body.handling?.pointsDeduction, ruling: ruling.body.status ?? 'overturned' };
      },
    );

    await n.step(
      {
        zh: '效果共评：受益户对项目满意度评价（服务谁、谁评价）',
        en: 'Beneficiary households rate their satisfaction (whoever is served evaluates)',
      },
      async () => {
        const review = await eventually(
          async () => {
            const r = (await api.call(getProjectReviews, { params: { projectId: project.projectId } })).body;
            return r.reviews?.find(
              (x: { stage?: string; kind?: string; status?: string }) =>
                x.stage === 'after' && x.kind === 'satisfaction' && x.status === 'open',
            );
          },
          30_000,
          'after-stage satisfaction review opened',
        );
        const scheme = (await api.call(getSchemeRoute, { params: { schemeId: review.schemeId } })).body;
        const leaves = collectLeaves(scheme.criteria);
        const refused = await n.call(
          'POST',
          `/evaluation/reviews/${review.reviewId}/responses`,
          { scores: Object.fromEntries(leaves.map((l) => [l.id, l.max])) },
          { as: p(2), expect: 403 },
        );
        for (const i of [7, 8, 9, 10, 11]) {
          await n.call(
            'POST',
            `/evaluation/reviews/${review.reviewId}/responses`,
            { scores: Object.fromEntries(leaves.map((l, k) => [l.id, Math.max(l.min, l.max - ((i + k) % 2))])) },
            { as: p(i), expect: 201 },
          );
        }
        const live = (await n.call('GET', `/evaluation/reviews/${review.reviewId}/results`, undefined)).body;
        const closed = (await n.call('POST', `/evaluation/reviews/${review.reviewId}/close`, {}, { as: CADRE })).body;
        return {
          reviewId: review.reviewId,
          responses: live.responses,
          nonBeneficiary: refused.status,
          responseRate: closed.responseRate,
          overall: closed.overall,
        };
      },
    );

    await n.step(
      {
        zh: '年终参与度评估：按户均参与计算，与上年比较后调整村级档次',
        en: 'The year-end participation assessment compares with last year and changes the tier',
      },
      async () => {
        const y = await year();
        const tierNow = async () =>
          ((await api.call(listTiersRoute, { query: { county: COUNTY } })).body.items as { village: string; tier: string }[]).find(
            (t) => t.village === V,
          )?.tier;
        const before = await eventually(tierNow, 30_000, 'initial tier from VillageClassified');
        const assess = async (forYear: number) => {
          const run = await n.call(
            'POST',
            '/evaluation/assessments',
            { county: COUNTY, year: forYear },
            { as: county, expect: [200, 201, 202] },
          );
          const runId = run.body.runId as string;
          await eventually(
            async () => {
              await api.post('/_local/jobs/evaluation/assessment-runner', {});
              return (await api.call(getAssessmentRoute, { params: { runId } })).body.status === 'done' || undefined;
            },
            120_000,
            `assessment of ${forYear} finished`,
          );
          return (
            (await api.call(listResultsRoute, { query: { county: COUNTY, year: forYear, village: V } })).body.items as Record<string, any>[]
          )[0]!;
        };
        // Last year (before the campaign reached the community) is the baseline this year is compared with.
        const baseline = await assess(y - 1);
        const result = await assess(y);
        const after = await tierNow();
        n.check(after !== before, `tier moved (${before} → ${after}: ${JSON.stringify(result.decision ?? result).slice(0, 300)})`);
        return {
          year: y,
          lastYearScore: baseline.score,
          score: result.score,
          tier: `${before} → ${after}`,
          reason: result.decision?.reason?.zh ?? result.reason,
        };
      },
    );

    await n.step(
      { zh: '成果共享：积分入账，积分超市兑换', en: 'Points credited for participation, redeemed in the points supermarket' },
      async () => {
        const statement = await eventually(
          async () => {
            const r = (await api.call(getStatement, { params: { person: p(9) } }, { as: p(9) })).body;
            return r.balance > 0 ? r : undefined;
          },
          30_000,
          'points credited',
        );
        const item = await n.call(
          'POST',
          '/rewards/catalogue-items',
          { place: V, name: '洗衣液 2kg', price: Math.min(5, statement.balance), stock: 3 },
          { as: merchant, expect: 201 },
        );
        const order = await n.call('POST', '/rewards/redemptions', { itemId: item.body.itemId, quantity: 1 }, { as: p(9), expect: 201 });
        await n.call('POST', `/rewards/redemptions/${order.body.redemptionId}/fulfilment`, {}, { as: p(9), expect: 403 });
        await n.call('POST', `/rewards/redemptions/${order.body.redemptionId}/fulfilment`, {}, { as: merchant });
        const after = (await api.call(getStatement, { params: { person: p(9) } }, { as: p(9) })).body;
        const violated = (await api.call(getStatement, { params: { person: p(7) } }, { as: p(7) })).body;
        return { balanceBefore: statement.balance, balanceAfter: after.balance, p07DebtAfterOverturn: violated.debt ?? 0 };
      },
    );

    await n.step(
      { zh: '以奖代补：县级竞争性评审，奖补资金进入社区资金池', en: 'An award round (以奖代补) pays the community’s fund pool' },
      async () => {
        const y = await year();
        const now = new Date((await api.get('/_local/clock')).body.now);
        const round = await n.call(
          'POST',
          '/rewards/award-rounds',
          {
            scope: COUNTY,
            title: `${y} 年红安县美好环境共同缔造以奖代补`,
            budget: 3_000_000,
            applicantKind: 'village',
            kpiYear: y,
            deadline: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
            weights: { deliberationDepth: 30, buildResults: 30, managementMechanism: 20, evaluationResponse: 20 },
            rule: { method: 'proportional-above-threshold', threshold: 0, capPerApplicant: 2_000_000 },
            eligible: [V],
          },
          { as: county, expect: 201 },
        );
        const roundId = round.body.roundId as string;
        await n.call(
          'POST',
          `/rewards/award-rounds/${roundId}/applications`,
          { applicant: V, statement: '幸福社区共同缔造年度总结' },
          { as: CADRE, expect: 201 },
        );
        await n.call('POST', '/_local/clock', { advance: 'P4D' });
        const published = await n.call('POST', `/rewards/award-rounds/${roundId}/publication`, {}, { as: county });
        const pool = await eventually(
          async () => {
            const r = (await api.call(getPool, { query: { pool: V } }, { as: CADRE })).body;
            return JSON.stringify(r).includes('fiscal-award') ? r : undefined;
          },
          60_000,
          'award paid into the pool',
        );
        return {
          roundId,
          awarded: published.body.lines?.[0]?.amount ?? published.body.results?.lines?.[0]?.amount,
          poolBalance: pool.totals.balance,
        };
      },
    );

    await programmeSteps(api, n, { village: V, county: COUNTY, city: demo.city });

    await n.step({ zh: '机构接收：本地接收端校验每一条签名', en: 'The agency’s local receiver verified every signature' }, async () => {
      // Counted again on every look: the last steps' consequences (points, pool postings) are still being published.
      const onBus = async () =>
        (await api.get('/_local/bus/events')).body.events
          .slice(beforeSubscription)
          .filter((e: { detail?: { meta?: { place?: string } } }) => (e.detail?.meta?.place ?? '').startsWith(V)).length;
      let expected = 0;
      await eventually(
        async () => {
          await api.get('/_local/bus/idle');
          await api.post('/_local/jobs/feeds/deliver', {});
          expected = await onBus();
          return receiver.counts().distinct >= expected || undefined;
        },
        90_000,
        'agency received every event of the community',
      );
      const c = receiver.counts();
      n.check(c.signatureValid === c.received, 'every signature valid');
      return { expected, ...c, byType: undefined };
    });
  } catch (err) {
    error = (err as Error).message;
  } finally {
    await receiver.stop();
  }

  // The community's events of the year: from the first step on (the register the stack imported came before).
  const eventsOnBus: Record<string, number> = {};
  for (const e of (
    (await api.get('/_local/bus/events')).body.events as { 'detail-type': string; detail?: { meta?: { place?: string } } }[]
  ).slice(beforeSubscription)) {
    if (!(e.detail?.meta?.place ?? '').startsWith(V)) continue;
    eventsOnBus[e['detail-type']] = (eventsOnBus[e['detail-type']] ?? 0) + 1;
  }
  return {
    ok: !error && n.steps.every((s) => s.ok),
    village: V,
    startedAt,
    finishedAt: new Date().toISOString(),
    steps: n.steps,
    eventsOnBus,
    agencyReceiver: receiver.counts(),
    ...(error ? { error } : {}),
  };
}

function collectLeaves(
  criteria: { id?: string; criterionId?: string; children?: unknown[]; scale?: { min: number; max: number } }[],
): { id: string; min: number; max: number }[] {
  const out: { id: string; min: number; max: number }[] = [];
  for (const c of criteria) {
    if (c.children?.length) out.push(...collectLeaves(c.children as never));
    else out.push({ id: (c.id ?? c.criterionId)!, min: c.scale?.min ?? 1, max: c.scale?.max ?? 5 });
  }
  return out;
}

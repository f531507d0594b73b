import { type LocalApi, eventually, q } from '@cocreate/local/testing';
import type { Narrator } from './narrator.ts';
import { getBatchRoute } from '../../services/programme/handlers/batches.ts';

/**
 * The programme (统筹推进) over the cycle's year: the county files its implementation plan with the city (returned
 * once, then acknowledged), a pilot batch naming the cycle's community counts it covered from what its final
 * decision and accepted project published (real events, nothing typed in), and the county's report for the year comes
 * out with the same bytes twice. Run by the cycle once the community's project is accepted.
 */
export async function programmeSteps(api: LocalApi, n: Narrator, where: { village: string; county: string; city: string }): Promise<void> {
  const county = api.official('c-hongan-programme-1', 'county-official', where.county);
  const city = api.official('huanggang-housing-1', 'city-official', where.city);
  const year = async () =>
    Number(new Date(Date.parse((await api.get('/_local/clock')).body.now) + 8 * 3_600_000).toISOString().slice(0, 4));

  await n.step(
    {
      zh: '统筹推进：县级实施方案报市住建局备案，退回修改一次后备案',
      en: 'The county files its plan with the city: returned once, then acknowledged',
    },
    async () => {
      const y = await year();
      const plan = (goal: string) => ({
        place: where.county,
        year: y,
        approach: '县级统筹、乡镇主抓、村级落实，以“五共”推进美好环境与幸福生活共同缔造',
        goals: [goal],
        responsibilities: [{ item: '1', what: '试点社区项目建设', leader: '分管副县长', unit: '县住建局', person: '村镇建设股负责人' }],
        schedule: [{ item: '1', by: `${y}-12-20`, what: '年度总结评估' }],
      });
      await n.call('POST', '/programme/plans', plan('完成1个试点社区'), { as: county });
      await n.call('POST', '/programme/plans/filing', { place: where.county, year: y }, { as: county });
      await n.call(
        'POST',
        '/programme/plans/review',
        { place: where.county, year: y, version: 1, outcome: 'returned', comments: '请补充覆盖目标' },
        { as: city },
      );
      await n.call('POST', '/programme/plans', plan('完成1个试点社区，覆盖率不低于10%'), { as: county });
      await n.call('POST', '/programme/plans/filing', { place: where.county, year: y }, { as: county });
      const acked = await n.call(
        'POST',
        '/programme/plans/review',
        { place: where.county, year: y, version: 2, outcome: 'acknowledged' },
        { as: city },
      );
      n.check(acked.body.status === 'acknowledged' && acked.body.version === 2, 'version 2 acknowledged');
      return { status: acked.body.status, version: acked.body.version };
    },
  );

  await n.step(
    {
      zh: '试点覆盖：社区的决策定案与竣工验收（其他服务的事件）计入县级试点批次；县级年度报告两次生成字节一致',
      en: 'The pilot batch counts the community covered from its real events; the county’s report is byte-identical twice',
    },
    async () => {
      const y = await year();
      const batch = await n.call(
        'POST',
        '/programme/batches',
        { place: where.county, year: y, kind: 'pilot', name: `${y}年共同缔造试点社区`, villages: [where.village], target: { villages: 1 } },
        { as: county, expect: 201 },
      );
      const id = batch.body.batchId as string;
      const covered = await eventually(
        async () => {
          const b = (await api.call(getBatchRoute, { params: { batchId: id } }, { as: county })).body;
          return b.covered === 1 ? b : undefined;
        },
        30_000,
        'the community counted covered',
      );
      n.check(covered.targetMet === true, 'the batch met its target');
      const rollup = (await n.call('GET', `/programme/rollups${q({ area: where.county, period: String(y) })}`, undefined, { as: county }))
        .body;
      n.check(rollup.figures.decisions >= 1 && rollup.figures.projectsAccepted >= 1, 'decisions and accepted projects rolled up');
      const report = async () =>
        (await n.call('GET', `/programme/reports/xlsx${q({ area: where.county, period: String(y) })}`, undefined, { as: county })).body;
      const [first, second] = [await report(), await report()];
      n.check(first.sha256 === second.sha256, 'the same period gives the same bytes');
      return { covered: covered.covered, decisions: rollup.figures.decisions, raised: rollup.figures.raised, reportSha256: first.sha256 };
    },
  );
}

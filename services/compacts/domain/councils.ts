import * as z from 'zod';
import { maskName } from '@cocreate/places';
import { CouncilKind } from './compacts.ts';
import { once } from '@cocreate/contracts';

/**
 * 一约四会: one compact, four councils. Their members per village come from the register (the deployment's bodies);
 * this service only describes what each council does and shows who sits on it.
 */
export const COUNCILS: readonly { kind: CouncilKind; name: { zh: string; en: string }; remit: { zh: string; en: string } }[] = [
  {
    kind: 'deliberation-council',
    name: { zh: '村民议事会', en: "Villagers' deliberation council" },
    remit: { zh: '议定村内公共事务，组织村民商议公约。', en: 'Discusses village public affairs and organises the drafting of compacts.' },
  },
  {
    kind: 'weddings-funerals-council',
    name: { zh: '红白理事会', en: 'Weddings-and-funerals council' },
    remit: { zh: '倡导婚事新办、丧事简办，劝导大操大办。', en: 'Promotes simple weddings and funerals; counsels against lavish ones.' },
  },
  {
    kind: 'anti-drug-gambling-council',
    name: { zh: '禁毒禁赌会', en: 'Anti-drug anti-gambling council' },
    remit: {
      zh: '开展禁毒禁赌宣传，劝导、报告涉毒涉赌行为。',
      en: 'Campaigns against drugs and gambling; counsels and reports offenders.',
    },
  },
  {
    kind: 'morality-review-council',
    name: { zh: '道德评议会', en: 'Morality review council' },
    remit: {
      zh: '评议文明行为与不文明行为，受理违约处理的申诉并作出维持或撤销的决定。',
      en: 'Reviews conduct, hears appeals against violations and upholds or overturns them.',
    },
  },
];

export const CouncilView = once(() =>
  z.object({
    kind: CouncilKind(),
    name: z.object({ zh: z.string(), en: z.string() }),
    remit: z.object({ zh: z.string(), en: z.string() }),
    hearsAppeals: z.boolean(),
    members: z.array(z.object({ person: z.string(), name: z.string() })),
  }),
);
export type CouncilView = z.infer<ReturnType<typeof CouncilView>>;

/** The four councils of a village with their members (names masked: the list is shown to every resident). */
export function councilsOf(
  members: (kind: CouncilKind) => readonly string[],
  nameOf: (person: string) => string | undefined,
): CouncilView[] {
  return COUNCILS.map((c) => ({
    ...c,
    hearsAppeals: c.kind === 'morality-review-council',
    members: members(c.kind).map((person) => ({ person, name: maskName(nameOf(person) ?? person) })),
  }));
}

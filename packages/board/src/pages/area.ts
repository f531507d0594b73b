import { chartHost } from './charts.ts';
import { t } from './i18n.ts';
import { ancestor } from './village.ts';
import { type Env, empty, esc, getJson, href, named, placeName, q, yuan, type Json } from './ui.ts';

/** A township's or county's page: its villages at a glance — tier, projects, money and satisfaction — and a chart. */

interface VillageRow {
  path: string;
  name: string;
  tier?: string;
  projects: number;
  received: number;
  spent: number;
  satisfaction?: number;
}

async function satisfactionOf(env: Env, village: string): Promise<number | undefined> {
  const reviews = await getJson(env, `/evaluation/reviews${q({ village, limit: 50 })}`);
  const latest = (reviews.items as Json[]).find((r) => r.status === 'published' && r.kind === 'satisfaction');
  if (!latest) return undefined;
  const results = await getJson(env, `/evaluation/reviews/${encodeURIComponent(latest.reviewId)}/results`);
  return typeof results.overall === 'number' ? results.overall : undefined;
}

export async function areaHtml(env: Env, place: string, kind: string): Promise<string> {
  const L = env.lang;
  const villages = env.places.filter((p) => (p.kind === 'village' || p.kind === 'community') && p.path.startsWith(`${place}/`));
  const counties =
    kind === 'county' ? [place] : [...new Set(villages.map((v) => ancestor(env, v.path, 'county')).filter((c): c is string => !!c))];
  const tiers = new Map<string, string>();
  for (const county of counties) {
    const res = await getJson(env, `/evaluation/tiers${q({ county })}`).catch(() => ({ items: [] }));
    for (const x of res.items as Json[]) tiers.set(x.village, x.tier);
  }
  const rows: VillageRow[] = await Promise.all(
    villages.map(async (v) => {
      const [board, satisfaction] = await Promise.all([
        getJson(env, `/projects/board${q({ village: v.path })}`).catch(() => undefined),
        satisfactionOf(env, v.path).catch(() => undefined),
      ]);
      return {
        path: v.path,
        name: named(v, L),
        tier: tiers.get(v.path),
        projects: board?.projects.length ?? 0,
        received: board?.pool.received ?? 0,
        spent: board?.pool.spent ?? 0,
        satisfaction,
      };
    }),
  );
  const up = kind === 'township' ? ancestor(env, place, 'county') : undefined;
  const covered = rows.filter((r) => r.projects > 0).length;
  const subs = kind === 'county' ? env.places.filter((p) => p.kind === 'township' && p.path.startsWith(`${place}/`)) : [];
  return `
    ${up ? `<nav aria-label="${esc(t(L, 'up'))}" class="crumbs"><a href="${href(env, '/', { place: up })}">${esc(placeName(env, up))}</a> › <span>${esc(placeName(env, place))}</span></nav>` : ''}
    <h1>${esc(placeName(env, place))} · ${esc(t(L, 'areaPage'))}</h1>
    ${subs.length ? `<p class="subs">${subs.map((s) => `<a href="${href(env, '/', { place: s.path })}">${esc(named(s, L))}</a>`).join(' · ')}</p>` : ''}
    <p class="totals">${esc(t(L, 'coverage'))}：${covered} / ${rows.length} ${esc(t(L, 'villages'))} · ${esc(t(L, 'received'))} ${esc(
      yuan(
        rows.reduce((a, r) => a + r.received, 0),
        L,
      ),
    )} · ${esc(t(L, 'spent'))} ${esc(
      yuan(
        rows.reduce((a, r) => a + r.spent, 0),
        L,
      ),
    )}</p>
    <section aria-labelledby="glance"><h2 id="glance">${esc(t(L, 'chartMoney'))}</h2>
      ${
        rows.length
          ? `${chartHost('chart-villages', {
              label: t(L, 'chartMoney'),
              labels: rows.map((r) => r.name),
              series: [
                { label: t(L, 'received'), values: rows.map((r) => r.received / 100), color: '#1f5fa8' },
                { label: t(L, 'spent'), values: rows.map((r) => r.spent / 100), color: '#b3261e' },
              ],
            })}<p class="sr-note">${esc(t(L, 'chartAlt'))}</p>`
          : empty(t(L, 'none'))
      }
      <div class="scroll" tabindex="0"><table><thead><tr>${[
        t(L, 'village'),
        t(L, 'tier'),
        t(L, 'projectCount'),
        t(L, 'received'),
        t(L, 'spent'),
        t(L, 'satisfaction'),
      ]
        .map((h) => `<th scope="col">${esc(h)}</th>`)
        .join('')}</tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr><th scope="row"><a href="${href(env, '/', { place: r.path })}">${esc(r.name)}</a></th><td>${esc(t(L, r.tier ?? 'unclassified'))}</td><td>${r.projects}</td><td>${esc(
              yuan(r.received, L),
            )}</td><td>${esc(yuan(r.spent, L))}</td><td>${r.satisfaction === undefined ? '—' : esc(r.satisfaction)}</td></tr>`,
        )
        .join('')}</tbody></table></div>
    </section>`;
}

import { type BarChart, chartHost } from './charts.ts';
import { t } from './i18n.ts';
import { type Env, day, empty, esc, failed, getJson, href, placeName, q, section, tally, yuan, type Json } from './ui.ts';

/**
 * 村务公开栏: everything the suite's public routes say of one village, and the places where a signed-in resident acts
 * (the browser wires them: `browser/village.ts`).
 */

interface Resolution {
  body: string;
  members?: number;
  status: string;
  tally?: { yes: number; no: number; abstain: number; cast: number };
  resolvedAt?: string;
}

export interface BoardItem {
  proposalId: string;
  kind: string;
  title: string;
  status: string;
  notice?: { startsAt: string; endsAt: string; days: number };
  adoptedAt?: string;
  finalAt?: string;
  filedWith?: string;
  resolutions: Resolution[];
}

export function ancestor(env: Env, path: string, kind: string): string | undefined {
  return env.places.find((p) => p.kind === kind && path.startsWith(`${p.path}/`))?.path;
}

export function votes(env: Env, item: BoardItem): string {
  if (!item.resolutions.length) return '';
  return `<h4>${esc(t(env.lang, 'votes'))}</h4><ul class="votes">${item.resolutions
    .map((r) => `<li><strong>${esc(t(env.lang, r.body))}</strong>：${esc(tally(env, r))} — ${esc(t(env.lang, r.status))}</li>`)
    .join('')}</ul>`;
}

function noticeCard(env: Env, village: string, item: BoardItem): string {
  const id = `obj-${item.proposalId}`;
  const n = item.notice!;
  return `<article class="card notice-item" data-proposal="${esc(item.proposalId)}">
    <h3>${esc(item.title)}</h3>
    <p class="meta">${esc(t(env.lang, item.kind))} · ${esc(t(env.lang, 'noticePeriod'))} ${esc(day(n.startsAt, env.lang))} – ${esc(day(n.endsAt, env.lang))}</p>
    <p class="deadline"><strong>${esc(t(env.lang, 'objectBy'))}：${esc(day(n.endsAt, env.lang, true))}</strong></p>
    <p>${esc(t(env.lang, 'howToObject'))}</p>
    ${votes(env, item)}
    <form class="objection" data-proposal="${esc(item.proposalId)}" ${env.session ? '' : 'hidden'}>
      <label for="${id}">${esc(t(env.lang, 'objectionLabel'))}</label>
      <textarea id="${id}" name="text" rows="3" maxlength="5000" required></textarea>
      <button type="submit">${esc(t(env.lang, 'fileObjection'))}</button>
      <p class="result" role="status" aria-live="polite"></p>
    </form>
    <p><a href="${href(env, '/notice', { kind: 'decision', village, id: item.proposalId })}">${esc(t(env.lang, 'print'))}</a></p>
  </article>`;
}

function finalCard(env: Env, village: string, item: BoardItem): string {
  return `<article class="card">
    <h3>${esc(item.title)}</h3>
    <p class="meta">${esc(t(env.lang, item.kind))} · ${esc(t(env.lang, 'adoptedOn'))} ${esc(day(item.adoptedAt, env.lang))} · ${esc(t(env.lang, 'finalOn'))} ${esc(day(item.finalAt, env.lang))}${
      item.filedWith ? ` · ${esc(t(env.lang, 'filedWith'))} ${esc(placeName(env, item.filedWith))}` : ''
    }</p>
    ${votes(env, item)}
    <p><a href="${href(env, '/notice', { kind: 'decision', village, id: item.proposalId })}">${esc(t(env.lang, 'print'))}</a></p>
  </article>`;
}

export function table(head: string[], rows: string[][], caption?: string): string {
  return `<div class="scroll" tabindex="0"><table>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${head
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/**
 * 志愿服务: the village's latest activities with their places and public rosters (names masked by the service), and
 * a sign-up button for a signed-in resident while an activity is open.
 */
async function volunteering(env: Env, items: Json[]): Promise<string> {
  const L = env.lang;
  if (!items.length) return empty(t(L, 'none'));
  const rosters = await Promise.all(
    items.map((a) =>
      getJson(env, `/rewards/activities/${encodeURIComponent(a.activityId)}/roster${q({ limit: 100 })}`).catch(() => undefined),
    ),
  );
  return items
    .map((a, i) => {
      const roster = rosters[i]?.items as Json[] | undefined;
      const open = a.status === 'open';
      return `<article class="card activity" data-activity="${esc(a.activityId)}">
        <h3>${esc(a.title)}</h3>
        <p class="meta">${esc(t(L, a.kind))} · ${esc(day(a.startsAt, L, true))} – ${esc(day(a.endsAt, L, true))} · ${esc(a.location)} · ${esc(
          t(L, open ? 'open_activity' : 'closed_activity'),
        )}</p>
        <p>${esc(t(L, 'placesTaken', { confirmed: a.confirmed, capacity: a.capacity, waiting: a.waiting }))} · ${esc(t(L, 'pointsPerHour', { n: a.pointsPerHour }))}</p>
        ${
          open && env.session
            ? `<form class="signup" data-activity="${esc(a.activityId)}"><button type="submit">${esc(t(L, 'signUp'))}</button><p class="result" role="status" aria-live="polite"></p></form>`
            : ''
        }
        ${
          roster?.length
            ? table(
                [t(L, 'name'), t(L, 'status'), t(L, 'hoursCol'), t(L, 'points')],
                roster.map((r) => [esc(r.name), esc(t(L, r.status)), esc(r.hours ?? '—'), esc(r.points ?? '—')]),
                `${t(L, 'roster')} · ${a.title}`,
              )
            : ''
        }
      </article>`;
    })
    .join('');
}

/** How many of a project's site photos the village page shows (the newest); the rest stay a page away. */
export const PHOTOS_SHOWN = 6;

/**
 * 现场照片: the project's newest verified site photos (`GET /projects/board/{id}/photos`), each by the short-lived
 * URL the service signed. Lazy: a phone fetches a photo only as it scrolls near, so the page arrives without them.
 */
export function photoGallery(env: Env, projectId: string, answer: Json | undefined): string {
  const L = env.lang;
  const items = (answer?.items ?? []) as Json[];
  if (!items.length) return '';
  return `<h4>${esc(t(L, 'sitePhotos'))}${answer.cursor ? ` <small>${esc(t(L, 'latestPhotos', { n: items.length }))}</small>` : ''}</h4>
    <ul class="photos" data-project="${esc(projectId)}">${items
      .map(
        (
          p,
          i,
        ) => `<li><figure><img class="photo" data-index="${i}" src="${esc(p.url)}" alt="${esc(p.alt)}" loading="lazy" decoding="async" width="320" height="240">
        <figcaption>${esc(p.milestone)} · ${esc(p.stageLabel)} · ${esc(day(p.documentedAt, L))}${p.caption ? `<br>${esc(p.caption)}` : ''}</figcaption></figure></li>`,
      )
      .join('')}</ul>`;
}

/** How a resident signs in to act from the page (the form; `browser/session.ts` wires it). */
function signInForm(env: Env): string {
  const L = env.lang;
  if (env.session)
    return `<p>${esc(t(L, 'signedInAs'))}<strong>${esc(env.session.who)}</strong> <button type="button" id="sign-out">${esc(t(L, 'signOut'))}</button></p>`;
  if (env.config.signIn !== 'local') return `<p>${esc(t(L, 'howToObject'))}</p>`;
  return `<p>${esc(t(L, 'signInFirst'))}</p>
    <form id="sign-in" class="inline">
      <label for="person">${esc(t(L, 'personId'))}</label>
      <input id="person" name="person" required autocomplete="username" placeholder="p-xingfu-09">
      <button type="submit">${esc(t(L, 'signIn'))}</button>
      <small>${esc(t(L, 'localSignIn'))}</small>
    </form>`;
}

/** The year the board speaks of: the server's (the local clock can be moved), as read in China. */
const boardYear = (generatedAt: string | undefined): number => Number(day(generatedAt ?? new Date().toISOString(), 'zh-CN').slice(0, 4));

export async function villageHtml(env: Env, village: string): Promise<{ html: string; year: number }> {
  const L = env.lang;
  const county = ancestor(env, village, 'county');
  const township = ancestor(env, village, 'township');
  const [decisions, projects, boards, tiers, reviews, rounds, activities] = await Promise.allSettled([
    getJson(env, `/deliberation/board${q({ village, limit: 50 })}`),
    getJson(env, `/projects/board${q({ village })}`),
    getJson(env, `/compacts/boards${q({ village })}`),
    county ? getJson(env, `/evaluation/tiers${q({ county })}`) : Promise.resolve({ items: [] }),
    getJson(env, `/evaluation/reviews${q({ village, limit: 50 })}`),
    getJson(env, `/rewards/award-rounds${q({ place: village })}`),
    getJson(env, `/rewards/activities${q({ village, limit: 5 })}`),
  ]);
  // The server's clock (the local one can be moved): the year and month the board speaks of.
  const year = boardYear(projects.status === 'fulfilled' ? (projects.value.generatedAt as string) : undefined);

  const parts: string[] = [];
  parts.push(
    `<nav aria-label="${esc(t(L, 'up'))}" class="crumbs">${[county, township]
      .filter((p): p is string => !!p)
      .map((p) => `<a href="${href(env, '/', { place: p })}">${esc(placeName(env, p))}</a>`)
      .join(' › ')} › <span>${esc(placeName(env, village))}</span></nav>`,
  );
  parts.push(`<h1>${esc(placeName(env, village))} · ${esc(t(L, 'villagePage'))}</h1>`);
  parts.push(section('act', t(L, 'act'), signInForm(env)));

  if (decisions.status === 'fulfilled') {
    const items = decisions.value.items as BoardItem[];
    const open = items.filter((i) => i.status === 'notice' && i.notice);
    const final = items.filter((i) => i.status === 'final');
    parts.push(
      section('notice', t(L, 'underNotice'), open.length ? open.map((i) => noticeCard(env, village, i)).join('') : empty(t(L, 'none'))),
    );
    parts.push(
      section('final', t(L, 'finalDecisions'), final.length ? final.map((i) => finalCard(env, village, i)).join('') : empty(t(L, 'none'))),
    );
  } else parts.push(section('notice', t(L, 'underNotice'), failed(env, decisions.reason)));

  parts.push(
    `<section aria-labelledby="consent"><h2 id="consent">${esc(t(L, 'consent'))}</h2><div id="consent-body">${empty(t(L, 'signInFirst'))}</div></section>`,
  );

  let openReviews: Json[] = [];
  if (projects.status === 'fulfilled') {
    const b = projects.value;
    // Each project's newest site photos, asked at once; a project whose photos cannot be read shows none.
    const photos = await Promise.all(
      (b.projects as Json[]).map((p) =>
        getJson(env, `/projects/board/${encodeURIComponent(p.projectId)}/photos${q({ limit: PHOTOS_SHOWN })}`).catch(() => undefined),
      ),
    );
    parts.push(
      section(
        'projects',
        t(L, 'projects'),
        b.projects.length
          ? b.projects
              .map(
                (p: Json, i: number) => `<article class="card"><h3>${esc(p.title)}</h3>
          <p class="meta">${esc(t(L, 'stage'))}：${esc(p.stageLabel)} · ${esc(t(L, 'budget'))} ${esc(yuan(p.budget, L))}</p>
          <p><label for="pg-${esc(p.projectId)}">${esc(t(L, 'progress'))} ${p.progress.percent}%</label>
          <progress id="pg-${esc(p.projectId)}" max="100" value="${Number(p.progress.percent)}">${p.progress.percent}%</progress></p>
          <h4>${esc(t(L, 'milestones'))}</h4><ul>${p.schedule.milestones
            .map(
              (m: Json) =>
                `<li>${esc(m.title)} — ${esc(m.completed ? `${t(L, 'done')} ${day(m.completedAt, L)}` : t(L, 'pending'))}${
                  m.evidenceCount ? ` · ${esc(t(L, 'photos', { n: m.evidenceCount }))}` : ''
                }</li>`,
            )
            .join('')}</ul>
          ${photoGallery(env, p.projectId, photos[i])}
          <h4>${esc(t(L, 'contributions'))}</h4>
          <p>${esc(yuan(p.contributions.value, L))} · ${esc(t(L, 'hours', { n: p.contributions.labourHours }))}</p>
          ${table(
            [t(L, 'name'), t(L, 'amount'), t(L, 'hoursCol')],
            p.contributions.households.map((h: Json) => [esc(h.head), esc(yuan(h.value, L)), esc(h.hours)]),
          )}</article>`,
              )
              .join('')
          : empty(t(L, 'none')),
      ),
    );
    const sources = b.pool.sources as Json[];
    const chart: BarChart = {
      label: t(L, 'chartSources'),
      labels: sources.map((s) => s.label),
      series: [
        { label: t(L, 'received'), values: sources.map((s) => s.amount / 100), color: '#1f5fa8' },
        { label: t(L, 'spent'), values: sources.map((s) => s.spent / 100), color: '#b3261e' },
      ],
    };
    const disb = (b.projects as Json[]).flatMap((p) => (p.disbursements as Json[]).map((d) => ({ ...d, project: p.title })));
    parts.push(
      section(
        'money',
        t(L, 'money'),
        `<p class="totals">${esc(t(L, 'received'))} ${esc(yuan(b.pool.received, L))} · ${esc(t(L, 'allocated'))} ${esc(yuan(b.pool.allocated, L))} · ${esc(
          t(L, 'spent'),
        )} ${esc(yuan(b.pool.spent, L))} · ${esc(t(L, 'balance'))} ${esc(yuan(b.pool.balance, L))}</p>
        ${sources.length ? `${chartHost('chart-sources', chart)}<p class="sr-note">${esc(t(L, 'chartAlt'))}</p>` : ''}
        ${table(
          [t(L, 'source'), t(L, 'from'), t(L, 'received'), t(L, 'allocated'), t(L, 'spent')],
          sources.map((s) => [esc(s.label), esc(s.from), esc(yuan(s.amount, L)), esc(yuan(s.allocated, L)), esc(yuan(s.spent, L))]),
          t(L, 'chartSources'),
        )}
        <h3>${esc(t(L, 'disbursements'))}</h3>
        ${
          disb.length
            ? table(
                [
                  t(L, 'project'),
                  t(L, 'amount'),
                  t(L, 'purpose'),
                  t(L, 'payee'),
                  t(L, 'approvedBy'),
                  t(L, 'countersignedBy'),
                  t(L, 'paidOn'),
                  '',
                ],
                disb.map((d) => [
                  esc(d.project),
                  esc(yuan(d.amount, L)),
                  esc(d.purpose),
                  esc(d.payee),
                  esc(d.approvedBy ?? '—'),
                  esc(d.countersignedBy ?? '—'),
                  esc(day(d.disbursedAt, L)),
                  `<a href="${href(env, '/notice', { kind: 'disbursement', village, id: d.disbursementId })}">${esc(t(L, 'print'))}</a>`,
                ]),
              )
            : empty(t(L, 'none'))
        }`,
      ),
    );
  } else parts.push(section('projects', t(L, 'projects'), failed(env, projects.reason)));

  if (boards.status === 'fulfilled' && boards.value.items.length) {
    const b = boards.value.items[0];
    const list = (rows: Json[], black: boolean) =>
      rows.length
        ? table(
            [t(L, 'rank'), t(L, 'name'), t(L, 'group'), t(L, 'score'), ...(black ? [t(L, 'reasons')] : [])],
            rows.map((r) => [esc(r.rank), esc(r.name), esc(r.group), esc(r.score), ...(black ? [esc((r.reasons ?? []).join('、'))] : [])]),
          )
        : empty(t(L, 'none'));
    parts.push(
      section(
        'redblack',
        t(L, 'redBlack'),
        `<p class="meta">${esc(t(L, 'period'))} ${esc(b.period)}（${esc(day(b.from, L))} – ${esc(day(b.to, L))}）</p>
        <h3>${esc(t(L, 'red'))}</h3>${list(b.red, false)}<h3>${esc(t(L, 'black'))}</h3>${list(b.black, true)}
        <p><a href="${href(env, '/notice', { kind: 'redblack', village, period: b.period })}">${esc(t(L, 'print'))}</a></p>`,
      ),
    );
  } else parts.push(section('redblack', t(L, 'redBlack'), boards.status === 'rejected' ? failed(env, boards.reason) : empty(t(L, 'none'))));

  const tier = tiers.status === 'fulfilled' ? (tiers.value.items as Json[]).find((x) => x.village === village) : undefined;
  let reason = '';
  if (county && tier) {
    const results = await getJson(
      env,
      `/evaluation/assessment-results${q({ county, year: tier.basis && /^\d{4}$/.test(tier.basis) ? tier.basis : year, village })}`,
    ).catch(() => ({ items: [] }));
    const r = (results.items as Json[])[0];
    if (r?.decision?.reason)
      reason = `<p>${esc(t(L, 'reasons'))}：${esc(L === 'en' ? r.decision.reason.en : r.decision.reason.zh)}（${esc(t(L, 'score'))} ${esc(r.score)}）</p>`;
  }
  parts.push(
    section(
      'tier',
      t(L, 'tier'),
      tier
        ? `<p class="tier tier-${esc(tier.tier)}"><strong>${esc(t(L, tier.tier))}</strong> · ${esc(t(L, 'since'))} ${esc(day(tier.effectiveAt, L))}</p>${reason}`
        : empty(t(L, 'unclassified')),
    ),
  );

  if (reviews.status === 'fulfilled') {
    openReviews = (reviews.value.items as Json[]).filter((r) => r.status === 'open' && r.kind === 'satisfaction');
    const published = (reviews.value.items as Json[]).filter((r) => r.status === 'published' && r.kind === 'satisfaction');
    const results = await Promise.all(
      published
        .slice(0, 3)
        .map((r) => getJson(env, `/evaluation/reviews/${encodeURIComponent(r.reviewId)}/results`).then((x) => ({ r, x }))),
    );
    parts.push(
      section(
        'satisfaction',
        t(L, 'satisfaction'),
        results.length
          ? results
              .map(
                ({ r, x }) =>
                  `<article class="card"><h3>${esc(L === 'en' ? r.title.en : r.title.zh)}</h3><p><strong>${esc(t(L, 'overall'))} ${esc(x.overall)}</strong> · ${esc(
                    t(L, 'responses', { n: x.responses, rate: x.responseRate }),
                  )}</p></article>`,
              )
              .join('')
          : empty(t(L, 'none')),
      ),
    );
  }

  if (openReviews.length)
    parts.push(
      `<section aria-labelledby="rate"><h2 id="rate">${esc(t(L, 'rateOpen'))}</h2><div id="rate-body">${openReviews
        .map(
          (r) =>
            `<article class="card"><h3>${esc(L === 'en' ? r.title.en : r.title.zh)}</h3><p class="meta">${esc(t(L, 'closesOn'))} ${esc(day(r.closesAt, L))} · ${esc(
              t(L, 'responses', { n: r.responses, rate: r.responseRate ?? 0 }),
            )}</p><div class="rate-form" data-review="${esc(r.reviewId)}" data-scheme="${esc(r.schemeId)}" data-version="${esc(r.schemeVersion)}"></div></article>`,
        )
        .join('')}</div></section>`,
    );

  if (rounds.status === 'fulfilled') {
    const published = (rounds.value.items as Json[]).filter((r) => r.status === 'published');
    parts.push(
      section(
        'awards',
        t(L, 'awards'),
        published.length
          ? `<ul>${published
              .map(
                (r) =>
                  `<li>${esc(r.title)} · ${esc(t(L, 'budgetTotal'))} ${esc(yuan(r.budget, L))} · <a href="${href(env, '/notice', { kind: 'award', village, id: r.roundId })}">${esc(
                    t(L, 'results'),
                  )}</a></li>`,
              )
              .join('')}</ul>`
          : empty(t(L, 'none')),
      ),
    );
  }

  parts.push(
    section(
      'volunteering',
      t(L, 'volunteering'),
      activities.status === 'fulfilled' ? await volunteering(env, activities.value.items as Json[]) : failed(env, activities.reason),
    ),
  );

  parts.push(
    `<section aria-labelledby="points"><h2 id="points">${esc(t(L, 'leaderboard'))} ${year}</h2><div id="points-body">${empty(t(L, 'signInFirst'))}</div></section>`,
  );

  return { html: parts.join(''), year };
}

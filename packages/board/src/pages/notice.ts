import { qrSvg } from './charts.ts';
import { t } from './i18n.ts';
import { type BoardItem, votes } from './village.ts';
import { type Env, day, esc, getJson, href, placeName, q, yuan, type Json } from './ui.ts';

/**
 * A printable notice (公告) on one A4 sheet: title, body, dates, the objection channel and a QR code of its own online
 * URL. "Print / download PDF" is the browser's print (the same engine that renders the page; the tests print it
 * with page.pdf()).
 */

/** A notice that does not exist answers 404, as its page does. */
const notFound = (L: Env['lang']) => Object.assign(new Error(t(L, 'notFound')), { status: 404 });

interface Sheet {
  heading: string;
  subtitle: string;
  body: string;
  dates: [string, string][];
  channel?: string;
  published?: string;
}

function rows(head: string[], body: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${body
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

async function decision(env: Env, village: string, id: string): Promise<Sheet> {
  const L = env.lang;
  const board = await getJson(env, `/deliberation/board${q({ village, limit: 50 })}`);
  const item = (board.items as BoardItem[]).find((i) => i.proposalId === id);
  if (!item) throw notFound(L);
  const underNotice = item.status === 'notice';
  return {
    heading: t(L, 'decisionNotice'),
    subtitle: item.title,
    body: `<p>${esc(t(L, 'kind'))}：${esc(t(L, item.kind))} · ${esc(t(L, 'status'))}：${esc(t(L, `${item.status}_status`))}</p>${votes(env, item)}`,
    dates: [
      [t(L, 'adoptedOn'), day(item.adoptedAt, L)],
      ...(item.notice
        ? ([[t(L, 'noticePeriod'), `${day(item.notice.startsAt, L)} – ${day(item.notice.endsAt, L)}`]] as [string, string][])
        : []),
      ...(item.notice ? ([[t(L, 'objectBy'), day(item.notice.endsAt, L, true)]] as [string, string][]) : []),
      ...(item.finalAt ? ([[t(L, 'finalOn'), day(item.finalAt, L)]] as [string, string][]) : []),
    ],
    ...(underNotice || item.notice ? { channel: t(L, 'howToObject') } : {}),
    published: item.notice?.startsAt ?? item.adoptedAt,
  };
}

async function disbursement(env: Env, village: string, id: string): Promise<Sheet> {
  const L = env.lang;
  const board = await getJson(env, `/projects/board${q({ village })}`);
  for (const p of board.projects as Json[]) {
    const d = (p.disbursements as Json[]).find((x) => x.disbursementId === id);
    if (!d) continue;
    return {
      heading: t(L, 'disbursementNotice'),
      subtitle: p.title,
      body:
        rows(
          [t(L, 'amount'), t(L, 'purpose'), t(L, 'payee'), t(L, 'approvedBy'), t(L, 'countersignedBy')],
          [[esc(yuan(d.amount, L)), esc(d.purpose), esc(d.payee), esc(d.approvedBy ?? '—'), esc(d.countersignedBy ?? '—')]],
        ) +
        `<p>${esc(t(L, 'sources'))}：${(d.sources as Json[]).map((s) => `${esc(s.label)} ${esc(yuan(s.amount, L))}`).join('；')}</p>
        <p>${esc(t(L, 'budget'))} ${esc(yuan(p.budget, L))} · ${esc(t(L, 'spent'))} ${esc(yuan(p.money.spent, L))} · ${esc(t(L, 'progress'))} ${p.progress.percent}%</p>`,
      dates: [
        [t(L, 'approvedBy'), day(d.approvedAt, L)],
        [t(L, 'paidOn'), day(d.disbursedAt, L)],
      ],
      channel: t(L, 'howToObject'),
      published: d.disbursedAt ?? d.approvedAt,
    };
  }
  throw notFound(L);
}

async function redBlack(env: Env, village: string, period: string): Promise<Sheet> {
  const L = env.lang;
  const res = await getJson(env, `/compacts/boards${q({ village, period })}`);
  const b = res.items[0];
  if (!b) throw notFound(L);
  const list = (xs: Json[], black: boolean) =>
    xs.length
      ? rows(
          [t(L, 'rank'), t(L, 'name'), t(L, 'group'), t(L, 'score'), ...(black ? [t(L, 'reasons')] : [])],
          xs.map((r) => [esc(r.rank), esc(r.name), esc(r.group), esc(r.score), ...(black ? [esc((r.reasons ?? []).join('、'))] : [])]),
        )
      : `<p>${esc(t(L, 'none'))}</p>`;
  return {
    heading: t(L, 'redBlackNotice'),
    subtitle: `${b.villageName} · ${b.period}`,
    body: `<h2>${esc(t(L, 'red'))}</h2>${list(b.red, false)}<h2>${esc(t(L, 'black'))}</h2>${list(b.black, true)}<p class="small">${esc(t(L, 'rule'))}：${esc(b.rule)}</p>`,
    dates: [[t(L, 'period'), `${day(b.from, L)} – ${day(b.to, L)}`]],
    channel: t(L, 'howToObject'),
    published: b.publishedAt,
  };
}

async function award(env: Env, id: string): Promise<Sheet> {
  const L = env.lang;
  const [round, results] = await Promise.all([
    getJson(env, `/rewards/award-rounds/${encodeURIComponent(id)}`),
    getJson(env, `/rewards/award-rounds/${encodeURIComponent(id)}/results`),
  ]);
  return {
    heading: t(L, 'awardNotice'),
    subtitle: round.title,
    body:
      rows(
        [t(L, 'rank'), t(L, 'applicant'), t(L, 'score'), t(L, 'award')],
        (results.lines as Json[]).map((l) => [esc(l.rank ?? '—'), esc(placeName(env, l.applicant)), esc(l.score), esc(yuan(l.amount, L))]),
      ) + `<p>${esc(t(L, 'budgetTotal'))} ${esc(yuan(round.budget, L))} · ${esc(t(L, 'allocated'))} ${esc(yuan(results.allocated, L))}</p>`,
    dates: [[t(L, 'publishedOn'), day(results.publishedAt, L)]],
    channel: t(L, 'howToObject'),
    published: results.publishedAt,
  };
}

/** The notice at `env.url` as HTML, with the title the page should carry. */
export async function noticeHtml(env: Env): Promise<{ title: string; html: string }> {
  const L = env.lang;
  const p = env.url.searchParams;
  const kind = p.get('kind') ?? '';
  const village = p.get('village') ?? '';
  const id = p.get('id') ?? '';
  const sheet =
    kind === 'decision'
      ? await decision(env, village, id)
      : kind === 'disbursement'
        ? await disbursement(env, village, id)
        : kind === 'redblack'
          ? await redBlack(env, village, p.get('period') ?? '')
          : kind === 'award'
            ? await award(env, id)
            : undefined;
  if (!sheet) throw notFound(L);
  const kindOf = env.places.find((x) => x.path === village)?.kind;
  const issuer = village ? t(L, kindOf === 'community' ? 'issuerCommunity' : 'issuer', { place: placeName(env, village) }) : '';
  const html = `<article class="sheet">
      <header><p class="issuer">${esc(issuer)}</p><h1>${esc(sheet.heading)}</h1><p class="subtitle">${esc(sheet.subtitle)}</p></header>
      <div class="sheet-body">${sheet.body}</div>
      <dl class="dates">${sheet.dates.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>
      ${sheet.channel ? `<section class="channel" aria-labelledby="channel"><h2 id="channel">${esc(t(L, 'objectionChannel'))}</h2><p>${esc(sheet.channel)}</p></section>` : ''}
      <footer class="sheet-foot">
        <figure>${qrSvg(env.url.href, t(L, 'scanToView'))}<figcaption>${esc(t(L, sheet.channel ? 'scanToOpen' : 'scanToView'))}</figcaption></figure>
        <p class="signed">${esc(issuer)}<br>${esc(t(L, 'publishedOn'))}：${esc(day(sheet.published, L))}</p>
      </footer>
    </article>
    <p class="no-print actions"><button type="button" id="print">${esc(t(L, 'downloadPdf'))}</button>
      ${village ? `<a href="${href(env, '/', { place: village })}">${esc(t(L, 'backToBoard'))}</a>` : ''}</p>`;
  return { title: `${sheet.heading} · ${sheet.subtitle}`, html };
}

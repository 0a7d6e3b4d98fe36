// Aperçu: the figures, the last and the next check, a check on demand watched live (server-sent events) with its
// summary when it ends, the problems that need a look with a link to where each is fixed, and the proposals waiting.
import { api, events } from '../api.js';
import { t, has, addTexts, lang, fmtNumber, fmtDateTime, fmtDuration, problemText } from '../i18n.js';

import { downloadStateText } from '../texts.js';
import { el, busy, feedback, clear } from '../ui.js';
import { technicalDetail } from '../history-text.js';

addTexts({
  fr: {
    'overview.stat.monitored': 'séries surveillées', 'overview.stat.missing': 'tomes manquants', 'overview.stat.sent': 'envoyés',
    'overview.stat.imported': 'importés', 'overview.stat.failed': 'échoués',
    'overview.problems': 'À regarder', 'overview.fix.series': 'Voir la série', 'overview.fix.source': 'Régler la source',
    'overview.fix.client': 'Régler le client', 'overview.fix.config': 'Ouvrir la configuration', 'overview.fix.plugin': 'Voir les extensions',
    'overview.proposals.one': '{n} proposition attend votre accord', 'overview.proposals.other': '{n} propositions attendent votre accord',
    'overview.last': 'Dernière vérification', 'overview.last.none': 'Aucune vérification pour l’instant : lancez-en une avec « Vérifier maintenant ».',
    'overview.last.when': 'Le {when}, en {duration}', 'overview.last.running': 'En cours depuis le {when}',
    'overview.last.dry': 'simulation, rien envoyé', 'overview.last.failed': 'La vérification a échoué.',
    'overview.last.searches': 'recherches', 'overview.last.found': 'résultats', 'overview.last.problems': 'problèmes',
    'overview.next': 'Prochaine vérification', 'overview.next.at': 'Le {when} (toutes les {interval})',
    'overview.next.off': 'Vérifications automatiques coupées (Configuration)', 'overview.next.unknown': 'Planificateur arrêté : pas de vérification automatique (utilisez « Vérifier maintenant »)',
    'overview.mode.auto': 'Téléchargement automatique : activé', 'overview.mode.manual': 'Téléchargement automatique : désactivé — les vérifications proposent les téléchargements à approuver (Propositions)',
    'overview.check': 'Vérifier maintenant', 'overview.checking': 'Vérification en cours : {done} sur {total} séries, {results} résultats, {sent} envoyés',
    'overview.started': 'Vérification lancée', 'overview.summary': 'Vérification terminée : {series}, {sent}, {problems}',
    'overview.summary.failed': 'La vérification a échoué.',
    'overview.n.series.one': '{n} série', 'overview.n.series.other': '{n} séries',
    'overview.n.sent.one': '{n} envoyé', 'overview.n.sent.other': '{n} envoyés',
    'overview.n.problems.one': '{n} problème', 'overview.n.problems.other': '{n} problèmes',
    'overview.latest': 'Derniers téléchargements', 'overview.latest.none': 'Aucun téléchargement pour l’instant.',
    'overview.col.date': 'Date', 'overview.col.series': 'Série', 'overview.col.volume': 'Tome', 'overview.col.client': 'Client',
    'overview.col.state': 'État',
    'problem.plugin.skipped': 'Extension ignorée ({location}).',
    'overview.fix.download': 'Voir les téléchargements',
  },
  en: {
    'overview.stat.monitored': 'series monitored', 'overview.stat.missing': 'volumes missing', 'overview.stat.sent': 'sent',
    'overview.stat.imported': 'imported', 'overview.stat.failed': 'failed',
    'overview.problems': 'Needs a look', 'overview.fix.series': 'Open the series', 'overview.fix.source': 'Fix the source',
    'overview.fix.client': 'Fix the client', 'overview.fix.config': 'Open the configuration', 'overview.fix.plugin': 'See the plugins',
    'overview.proposals.one': '{n} proposal awaits your approval', 'overview.proposals.other': '{n} proposals await your approval',
    'overview.last': 'Last check', 'overview.last.none': 'No check yet: start one with “Check now”.',
    'overview.last.when': 'On {when}, in {duration}', 'overview.last.running': 'Running since {when}',
    'overview.last.dry': 'dry run, nothing sent', 'overview.last.failed': 'The check failed.',
    'overview.last.searches': 'searches', 'overview.last.found': 'results', 'overview.last.problems': 'problems',
    'overview.next': 'Next check', 'overview.next.at': 'On {when} (every {interval})',
    'overview.next.off': 'Automatic checks are off (Configuration)', 'overview.next.unknown': 'Scheduler not running: no automatic check (use “Check now”)',
    'overview.mode.auto': 'Automatic download: on', 'overview.mode.manual': 'Automatic download: off — checks propose downloads for you to approve (Proposals)',
    'overview.check': 'Check now', 'overview.checking': 'Checking: {done} of {total} series, {results} results, {sent} sent',
    'overview.started': 'Check started', 'overview.summary': 'Check finished: {series}, {sent}, {problems}',
    'overview.summary.failed': 'The check failed.',
    'overview.n.series.one': '{n} series', 'overview.n.series.other': '{n} series',
    'overview.n.sent.one': '{n} sent', 'overview.n.sent.other': '{n} sent',
    'overview.n.problems.one': '{n} problem', 'overview.n.problems.other': '{n} problems',
    'overview.latest': 'Latest downloads', 'overview.latest.none': 'No download yet.',
    'overview.col.date': 'Date', 'overview.col.series': 'Series', 'overview.col.volume': 'Volume', 'overview.col.client': 'Client',
    'overview.col.state': 'State',
    'problem.plugin.skipped': 'Plugin skipped ({location}).',
    'overview.fix.download': 'See the downloads',
  },
});

/** "3 envoyés": French counts 0 and 1 as singular, English only 1. */
function count(key, n) {
  const one = lang() === 'fr' ? n <= 1 : n === 1;
  return t(key + (one ? '.one' : '.other'), { n: fmtNumber(n) });
}

/** "6h", "30m", "1d" in words of the current language. */
function interval(text) {
  const m = /^(\d+)\s*([a-z]+)$/i.exec(String(text || '').trim());
  if (!m) return text || '';
  const unit = m[2][0].toLowerCase();
  const words = lang() === 'fr' ? { m: 'min', h: 'h', d: 'j' } : { m: 'min', h: 'h', d: 'd' };
  return m[1] + ' ' + (words[unit] || m[2]);
}

/** A problem in words, its dates shown in the user's way; {series, text} when it was met on one series. */
function problemWords(p) {
  if (!p || typeof p === 'string') return { text: problemText(p) };
  const params = { ...(p.params || {}) };
  for (const k of ['until', 'started']) if (params[k]) params[k] = fmtDateTime(params[k]);
  let text = problemText({ ...p, params });
  if (params.series && text.startsWith(params.series + ': ')) text = text.slice(params.series.length + 2); // the English message's prefix
  return { series: params.series || null, text };
}

/** One problem in words: the series it was met on (a link to it), then what, then the link to where it is fixed. */
function problemItem(p) {
  const w = problemWords(p);
  const sep = lang() === 'fr' ? ' : ' : ': ';
  const series = w.series ? (p.series_id && p.kind !== 'series' ? el('a', { href: '#/series/' + p.series_id, class: 'series-link', text: w.series })
    : el('strong', { text: w.series })) : null;
  const fix = p && p.fix ? el('a', { href: p.fix, class: 'fix', text: t('overview.fix.' + (p.kind || 'plugin')) }) : null;
  // the shared problem texts say what and where; a plugin's own English sentence only folded (histcodes)
  const detail = p && p.code && p.params && p.params.detail && !w.text.includes(p.params.detail) ? technicalDetail(p.params.detail) : null;
  return el('li', { data: { kind: (p && p.kind) || 'check' } }, series, series ? sep : null, el('span', { text: w.text }), detail,
    fix ? ' ' : null, fix);
}

let closeEvents = null;

export default {
  id: 'overview',
  tab: 'tab.overview',
  async render(view) {
    const [o, downloads] = await Promise.all([api('GET', '/api/overview'), api('GET', '/api/missing-monitor/downloads')]);
    const banner = el('section', { id: 'overview-problems', class: 'problems', 'aria-labelledby': 'overview-problems-title' });
    const badge = el('p', { id: 'overview-proposals-wrap' });
    const figures = el('div', { class: 'cards figures', id: 'overview-figures' });
    const last = el('div', { class: 'card', id: 'last-check' });
    const next = el('div', { class: 'card', id: 'next-check' });
    const progress = el('progress', { id: 'check-progress', max: 1, value: 0, hidden: true });
    const status = el('span', { id: 'check-status', role: 'status', 'aria-live': 'polite' });
    const summary = el('div', { id: 'check-summary', role: 'status', 'aria-live': 'polite' });
    const check = el('button', { id: 'check-now', type: 'button', text: t('overview.check') });

    const fill = (data) => {
      drawProblems(banner, data);
      clear(badge);
      if (data.proposals_pending > 0) {
        badge.append(el('a', { id: 'proposals-badge', class: 'badge-link', href: '#/proposals',
          text: count('overview.proposals', data.proposals_pending) }));
      }
      const s = data.stats;
      const card = (id, value, label, cls) => el('div', { class: 'card figure' + (cls ? ' ' + cls : '') },
        el('div', { class: 'big', id, text: fmtNumber(value) }), el('span', { text: t(label) }));
      figures.replaceChildren(card('stat-monitored', s.seriesMonitored, 'overview.stat.monitored'),
        card('stat-missing', s.volumesMissing, 'overview.stat.missing'), card('stat-sent', s.downloadsSent, 'overview.stat.sent'),
        card('stat-imported', s.downloadsImported, 'overview.stat.imported'),
        card('stat-failed', s.downloadsFailed, 'overview.stat.failed', s.downloadsFailed > 0 ? 'figure-bad' : ''));
      drawLast(last, data.last_check);
      drawNext(next, data);
    };
    fill(o);

    const showProgress = (p) => {
      if (p.running) {
        check.disabled = true;
        progress.hidden = false;
        progress.max = Math.max(1, p.series_total);
        progress.value = p.series_done;
        status.textContent = t('overview.checking', { done: p.series_done, total: p.series_total, results: p.results, sent: p.sent });
      } else {
        check.disabled = false;
        progress.hidden = true;
        status.textContent = '';
      }
    };
    showProgress({ running: o.running, series_done: o.progress.seriesDone, series_total: o.progress.seriesTotal,
      results: o.progress.results, sent: o.progress.grabs });

    if (closeEvents) closeEvents();
    closeEvents = events('/api/missing-monitor/events', async (e) => {
      if (e.type === 'progress') showProgress(e);
      if (e.type === 'finished') {
        showProgress({ running: false });
        drawSummary(summary, e.last_check);
        try { fill(await api('GET', '/api/overview')); } catch (err) { /* the figures stay as they were */ }
      }
    });

    check.addEventListener('click', () => busy(check, async () => {
      clear(summary);
      await api('POST', '/api/missing-monitor/run-check');
      feedback(check, t('overview.started'), 'info');
    }));

    const rows = downloads.slice(0, 10).map((d) => el('tr', {},
      el('td', { text: fmtDateTime(d.sent_at) }), el('td', { text: d.title }), el('td', { text: d.volume || '' }),
      el('td', { text: d.client }), el('td', { text: downloadStateText(d.client_state, d.state) + (d.import_error ? ' · ' + d.import_error : '') })));
    view.append(banner, badge, figures,
      el('div', { class: 'cards checks' }, last, next),
      el('div', { class: 'toolbar check-bar' }, check, progress, status),
      summary,
      el('h2', { text: t('overview.latest') }),
      rows.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'downloads' },
        el('thead', {}, el('tr', {}, ['date', 'series', 'volume', 'client', 'state'].map((c) => el('th', { text: t('overview.col.' + c) })))),
        el('tbody', {}, rows))) : el('p', { id: 'downloads', class: 'muted', text: t('overview.latest.none') }));
  },
  leave() {
    if (closeEvents) { closeEvents(); closeEvents = null; }
  },
};

/** The banner: the health reasons and skipped plugins, then the last check's problems, each with its fix. */
function drawProblems(banner, o) {
  const fromCheck = (o.last_check && o.last_check.problems) || [];
  const seen = new Set();
  const all = [...(o.problems || []), ...fromCheck].filter((p) => {
    const w = problemWords(p);
    const k = (w.series || '') + '|' + w.text;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  clear(banner);
  banner.hidden = all.length === 0;
  banner.setAttribute('role', all.length ? 'alert' : 'region');
  if (!all.length) return;
  banner.append(el('h2', { id: 'overview-problems-title', text: t('overview.problems') }), el('ul', {}, all.slice(0, 12).map(problemItem)));
}

function drawLast(card, run) {
  clear(card).append(el('h3', { text: t('overview.last') }));
  if (!run) {
    card.append(el('p', { text: t('overview.last.none') }));
    return;
  }
  card.append(el('p', { text: run.running ? t('overview.last.running', { when: fmtDateTime(run.started_at) })
    : t('overview.last.when', { when: fmtDateTime(run.started_at), duration: fmtDuration(run.duration_ms) })
      + (run.dry_run ? ' · ' + t('overview.last.dry') : '') }));
  if (run.failed) {
    card.append(el('p', { class: 'feedback feedback-error', id: 'last-check-error' }, t('overview.last.failed'), technicalDetail(run.error)));
  }
  card.append(el('ul', { class: 'inline' },
    el('li', { text: count('overview.n.series', run.series) }),
    el('li', { text: fmtNumber(run.searches) + ' ' + t('overview.last.searches') }),
    el('li', { text: fmtNumber(run.found) + ' ' + t('overview.last.found') }),
    el('li', { text: count('overview.n.sent', run.sent) }),
    el('li', { class: run.problems.length ? 'missing' : '', text: count('overview.n.problems', run.problems.length) })));
}

function drawNext(card, o) {
  const m = o.monitor;
  const when = !m.enabled ? t('overview.next.off')
    : o.next_check_at ? t('overview.next.at', { when: fmtDateTime(o.next_check_at), interval: interval(m.interval) }) : t('overview.next.unknown');
  clear(card).append(el('h3', { text: t('overview.next') }), el('p', { text: when }),
    el('p', { class: 'muted', id: 'download-mode' }, el('a', { href: '#/config', text: t(m.auto_download ? 'overview.mode.auto' : 'overview.mode.manual') })));
}

/** "Vérification terminée : 12 séries, 3 envoyés, 1 problème", and the problems with their fixes. */
function drawSummary(box, run) {
  clear(box);
  if (!run) return;
  if (run.failed) {
    box.append(el('p', { class: 'feedback feedback-error' }, t('overview.summary.failed'), technicalDetail(run.error)));
    return;
  }
  box.append(el('p', { class: 'feedback ' + (run.problems.length ? 'feedback-info' : 'feedback-ok'), text: t('overview.summary', {
    series: count('overview.n.series', run.series), sent: count('overview.n.sent', run.sent), problems: count('overview.n.problems', run.problems.length),
  }) }));
  if (run.problems.length) box.append(el('ul', { class: 'problems-list' }, run.problems.slice(0, 12).map(problemItem)));
}

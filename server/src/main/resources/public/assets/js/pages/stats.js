// Statistiques: the monitor's counters, then charts drawn by Chart.js (a pinned WebJar served from the JAR, loaded as
// a script file: the CSP allows no inline script and no other host) from the server's figures, which are counted
// from real rows: downloads sent, imported and failed per day, success per source, missing volumes over time.
import { api } from '../api.js';
import { t, addTexts, fmtNumber, lang, errorText } from '../i18n.js';
import { el, emptyState, feedback } from '../ui.js';

/** The chart library's file: keep its version in step with the chart.js dependency of server/pom.xml. */
export const CHART_JS = '/webjars/chart.js/4.4.1/dist/chart.umd.js';
const PERIODS = [7, 30, 90, 365];

addTexts({
  fr: {
    'stats.seriesMonitored': 'séries surveillées', 'stats.volumesMissing': 'tomes manquants', 'stats.downloadsSent': 'téléchargements envoyés',
    'stats.downloadsImported': 'importés', 'stats.downloadsFailed': 'échoués',
    'stats.seriesMonitored.one': 'série surveillée', 'stats.volumesMissing.one': 'tome manquant', 'stats.downloadsSent.one': 'téléchargement envoyé',
    'stats.downloadsImported.one': 'importé', 'stats.downloadsFailed.one': 'échoué',
    'stats.period': 'Période', 'stats.period.days': '{days} derniers jours', 'stats.period.year': '12 derniers mois',
    'stats.daily.title': 'Téléchargements par jour', 'stats.sent': 'Envoyés', 'stats.imported': 'Importés', 'stats.failed': 'Échoués',
    'stats.sources.title': 'Réussite par source', 'stats.sources.byHand': 'Envoyés à la main',
    'stats.sources.rate': '{rate} de réussite', 'stats.sources.noRate': 'aucun terminé', 'stats.active': 'En cours',
    'stats.sources.searches': '{ok} recherches, {failed} en échec', 'stats.sources.searches.one': '{ok} recherche, {failed} en échec',
    'stats.missing.title': 'Tomes manquants au fil du temps', 'stats.missing': 'Tomes manquants',
    'stats.missing.empty': "Pas encore de relevé : le nombre de tomes manquants est noté après chaque scan et chaque vérification.",
    'stats.daily.empty': 'Aucun téléchargement sur cette période.', 'stats.sources.empty': 'Aucune source utilisée sur cette période.',
    'stats.empty': "Pas encore d’historique. Lancez une vérification depuis l’Aperçu : les graphiques se rempliront au fil des recherches et des envois.",
    'stats.empty.action': "Aller à l’Aperçu",
    'stats.chart.daily': 'Sur {days} jours : envoyés {sent}, importés {imported}, échoués {failed}.',
    'stats.chart.sources': 'Sources : {list}.', 'stats.chart.missing': 'Tomes manquants : de {first} à {last}.',
    'stats.chart.missing.same': 'Tomes manquants : {first}, sans changement sur la période.',
    'stats.unavailable': 'Les graphiques ne peuvent pas être affichés (bibliothèque de graphiques non chargée).',
  },
  en: {
    'stats.seriesMonitored': 'series monitored', 'stats.volumesMissing': 'volumes missing', 'stats.downloadsSent': 'downloads sent',
    'stats.downloadsImported': 'imported', 'stats.downloadsFailed': 'failed',
    'stats.seriesMonitored.one': 'series monitored', 'stats.volumesMissing.one': 'volume missing', 'stats.downloadsSent.one': 'download sent',
    'stats.downloadsImported.one': 'imported', 'stats.downloadsFailed.one': 'failed',
    'stats.period': 'Period', 'stats.period.days': 'Last {days} days', 'stats.period.year': 'Last 12 months',
    'stats.daily.title': 'Downloads per day', 'stats.sent': 'Sent', 'stats.imported': 'Imported', 'stats.failed': 'Failed',
    'stats.sources.title': 'Success per source', 'stats.sources.byHand': 'Sent by hand',
    'stats.sources.rate': '{rate} success', 'stats.sources.noRate': 'none finished', 'stats.active': 'In progress',
    'stats.sources.searches': '{ok} searches, {failed} failed', 'stats.sources.searches.one': '{ok} search, {failed} failed',
    'stats.missing.title': 'Missing volumes over time', 'stats.missing': 'Missing volumes',
    'stats.missing.empty': 'No count yet: the number of missing volumes is noted after each scan and each check.',
    'stats.daily.empty': 'No download in this period.', 'stats.sources.empty': 'No source used in this period.',
    'stats.empty': 'No history yet. Run a check from the Overview: the charts fill in as searches and downloads happen.',
    'stats.empty.action': 'Go to the Overview',
    'stats.chart.daily': 'Over {days} days: sent {sent}, imported {imported}, failed {failed}.',
    'stats.chart.sources': 'Sources: {list}.', 'stats.chart.missing': 'Missing volumes: from {first} to {last}.',
    'stats.chart.missing.same': 'Missing volumes: {first}, unchanged over the period.',
    'stats.unavailable': 'The charts cannot be shown (the chart library did not load).',
  },
});

/** A text agreeing with a count: its ".one" form for one (and for zero in French), the plural form otherwise. */
const counted = (key, n, params) => t(n === 1 || (n === 0 && lang() === 'fr') ? key + '.one' : key, params);

let period = 30;
let charts = [];
let library = null;

/** Chart.js, loaded once from the JAR by a script element (its UMD build defines window.Chart). */
function chartLibrary() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!library) {
    library = new Promise((resolve, reject) => {
      const s = el('script', { src: CHART_JS });
      s.addEventListener('load', () => resolve(window.Chart));
      s.addEventListener('error', () => { library = null; s.remove(); reject(new Error(t('stats.unavailable'))); });
      document.head.append(s);
    });
  }
  return library;
}

function destroyCharts() {
  charts.forEach((c) => c.destroy());
  charts = [];
}

function zone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { return ''; }
}

const locale = () => (lang() === 'fr' ? 'fr-FR' : 'en-GB');
/** A day "2026-11-30" as "30 nov." (the day itself: never shifted by the browser's time zone). */
function dayLabel(day) {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(day + 'T00:00:00Z'));
}
function percent(rate) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

function color(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#666';
}

/** A chart's box: its title, a canvas described in words (for screen readers), or what to do when there is nothing. */
function panel(id, title) {
  const box = el('div', { class: 'stats-chart', id: id + '-box' });
  const section = el('section', { class: 'card stats-panel', 'aria-labelledby': id + '-title' }, el('h3', { id: id + '-title', text: title }), box);
  return { section, box, id };
}

function canvasIn(p, summary) {
  const canvas = el('canvas', { id: p.id, role: 'img', 'aria-label': summary });
  p.box.replaceChildren(el('div', { class: 'stats-canvas' }, canvas), el('p', { class: 'sr', text: summary }));
  return canvas;
}

function common(stacked, extra) {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
    scales: {
      x: { stacked, ticks: { autoSkip: true, maxRotation: 0 } },
      y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
    },
    locale: locale(),
    ...extra,
  };
}

function drawDaily(Chart, p, daily) {
  const sum = (k) => daily.items.reduce((n, d) => n + d[k], 0);
  if (sum('sent') + sum('imported') + sum('failed') === 0) {
    p.box.replaceChildren(emptyState(t('stats.daily.empty')));
    return;
  }
  const canvas = canvasIn(p, t('stats.chart.daily', { days: daily.days, sent: fmtNumber(sum('sent')), imported: fmtNumber(sum('imported')),
    failed: fmtNumber(sum('failed')) }));
  charts.push(new Chart(canvas, {
    type: 'bar',
    data: {
      labels: daily.items.map((d) => dayLabel(d.day)),
      datasets: [
        { label: t('stats.sent'), data: daily.items.map((d) => d.sent), backgroundColor: color('--sent') },
        { label: t('stats.imported'), data: daily.items.map((d) => d.imported), backgroundColor: color('--owned') },
        { label: t('stats.failed'), data: daily.items.map((d) => d.failed), backgroundColor: color('--err') },
      ],
    },
    options: common(false),
  }));
}

function drawSources(Chart, p, sources) {
  if (!sources.items.length) {
    p.box.replaceChildren(emptyState(t('stats.sources.empty')));
    return;
  }
  const name = (s) => s.source || t('stats.sources.byHand');
  const rate = (s) => (s.successRate == null ? t('stats.sources.noRate') : t('stats.sources.rate', { rate: percent(s.successRate) }));
  const canvas = canvasIn(p, t('stats.chart.sources', { count: sources.items.length, list: sources.items.map((s) => name(s) + ' (' + rate(s) + ')').join(', ') }));
  charts.push(new Chart(canvas, {
    type: 'bar',
    data: {
      labels: sources.items.map((s) => [name(s), rate(s)]), // two lines: on a phone one line is wider than the room beside the bars
      datasets: [
        { label: t('stats.imported'), data: sources.items.map((s) => s.imported), backgroundColor: color('--owned') },
        { label: t('stats.failed'), data: sources.items.map((s) => s.failed), backgroundColor: color('--err') },
        { label: t('stats.active'), data: sources.items.map((s) => s.active), backgroundColor: color('--downloading') },
      ],
    },
    options: common(true, { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } }),
  }));
  // the searches, which the chart does not show: how often each source answered
  p.box.append(el('ul', { class: 'stats-sources' }, sources.items.filter((s) => s.source).map((s) => el('li', {},
    el('strong', { text: s.source }), ' ', counted('stats.sources.searches', s.searches, { ok: fmtNumber(s.searches), failed: fmtNumber(s.searchFailures) })))));
}

function drawMissing(Chart, p, daily) {
  const known = daily.items.filter((d) => d.missing != null);
  if (!known.length) {
    p.box.replaceChildren(emptyState(t('stats.missing.empty')));
    return;
  }
  const canvas = canvasIn(p, t(known[0].missing === known[known.length - 1].missing ? 'stats.chart.missing.same' : 'stats.chart.missing',
    { first: fmtNumber(known[0].missing), last: fmtNumber(known[known.length - 1].missing) }));
  charts.push(new Chart(canvas, {
    type: 'line',
    data: {
      labels: daily.items.map((d) => dayLabel(d.day)),
      datasets: [{ label: t('stats.missing'), data: daily.items.map((d) => d.missing), borderColor: color('--missing'),
        backgroundColor: color('--missing'), pointRadius: daily.items.length > 60 ? 0 : 2, stepped: true, spanGaps: false }],
    },
    options: common(false, { plugins: { legend: { display: false } } }),
  }));
}

export default {
  id: 'stats',
  tab: 'tab.stats',
  async render(view) {
    destroyCharts();
    const select = el('select', { id: 'stats-period', name: 'days' }, PERIODS.map((d) => el('option', { value: String(d), selected: d === period,
      text: d === 365 ? t('stats.period.year') : t('stats.period.days', { days: d }) })));
    const cards = el('div', { class: 'cards stats-cards' });
    const body = el('div', { class: 'stats-body', id: 'stats-body' });
    view.append(cards, el('div', { class: 'toolbar' }, el('label', {}, el('span', { text: t('stats.period') }), select)), body);

    const s = await api('GET', '/api/missing-monitor/stats');
    cards.replaceChildren(...['seriesMonitored', 'volumesMissing', 'downloadsSent', 'downloadsImported', 'downloadsFailed'].map((k) =>
      el('div', { class: 'card', data: { figure: k } }, el('div', { class: 'big', text: fmtNumber(s[k]) }), el('span', { text: counted('stats.' + k, s[k]) }))));

    const draw = async () => {
      destroyCharts();
      const tz = zone() ? '&tz=' + encodeURIComponent(zone()) : '';
      const [daily, sources] = await Promise.all([api('GET', '/api/stats/daily?days=' + period + tz), api('GET', '/api/stats/sources?days=' + period)]);
      body.dataset.days = String(period);
      if (daily.empty && sources.empty) {
        body.replaceChildren(emptyState(t('stats.empty'), t('stats.empty.action'), () => { location.hash = '#/overview'; }));
        return;
      }
      const p = { daily: panel('chart-daily', t('stats.daily.title')), sources: panel('chart-sources', t('stats.sources.title')),
        missing: panel('chart-missing', t('stats.missing.title')) };
      body.replaceChildren(el('div', { class: 'stats-grid' }, p.daily.section, p.sources.section, p.missing.section));
      let Chart;
      try {
        Chart = await chartLibrary();
      } catch (e) {
        body.prepend(el('p', { class: 'feedback feedback-error', role: 'alert', text: e.message }));
        return;
      }
      drawDaily(Chart, p.daily, daily);
      drawSources(Chart, p.sources, sources);
      drawMissing(Chart, p.missing, daily);
    };
    select.addEventListener('change', async () => {
      period = Number(select.value);
      select.setAttribute('aria-busy', 'true');
      feedback(select, null);
      try { await draw(); } catch (e) { feedback(select, errorText(e), 'error'); } finally { select.removeAttribute('aria-busy'); }
    });
    await draw();
  },
  leave() {
    destroyCharts();
  },
};

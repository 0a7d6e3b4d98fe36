// Historique: what Kanzen did, newest first; filters by type, series, period and outcome (done by the server, in
// SQL), pages of 50 with the total, and the filtered events exported as CSV or JSON by plain links.
import { api } from '../api.js';
import { t, has, addTexts, fmtDateTime, fmtNumber } from '../i18n.js';
import { el, emptyState, showError, feedback } from '../ui.js';
import { eventText, eventDetail } from '../history-text.js';

const TYPES = ['search', 'grab', 'import', 'failure', 'import_failed', 'download_failed', 'stalled', 'download_control'];
const PAGE = 50;

addTexts({
  fr: {
    'history.filters': 'Filtres', 'history.active': '{count} {count|actif|actifs}', 'history.types': 'Types', 'history.series': 'Série', 'history.series.all': 'Toutes les séries',
    'history.from': 'Du', 'history.to': 'Au', 'history.outcome': 'Résultat', 'history.outcome.all': 'Tous',
    'history.outcome.success': 'Réussis', 'history.outcome.failure': 'Échoués', 'history.reset': 'Effacer les filtres',
    'history.export.csv': 'Exporter en CSV', 'history.export.json': 'Exporter en JSON',
    'history.range': '{first}–{last} sur {total}', 'history.count.none': 'Aucun évènement',
    'history.col.type': 'Type', 'history.col.date': 'Date', 'history.col.series': 'Série', 'history.col.peer': 'Source ou client',
    'history.col.message': 'Détail', 'history.volume': 'tome {volume}', 'history.results': '{count} {count|résultat|résultats}',
    'history.failed': 'échec',
    'history.empty': 'Rien encore. Les recherches, envois et imports apparaîtront ici après la première vérification.',
    'history.empty.filtered': 'Aucun évènement ne correspond à ces filtres.',
    'history.type.search': 'Recherche', 'history.type.grab': 'Envoi', 'history.type.import': 'Import', 'history.type.failure': 'Échec',
    'history.type.import_failed': 'Import échoué', 'history.type.download_failed': 'Téléchargement échoué',
    'history.type.stalled': 'Bloqué', 'history.type.download_control': 'Action manuelle',
  },
  en: {
    'history.filters': 'Filters', 'history.active': '{count} active', 'history.types': 'Types', 'history.series': 'Series', 'history.series.all': 'All series',
    'history.from': 'From', 'history.to': 'To', 'history.outcome': 'Outcome', 'history.outcome.all': 'All',
    'history.outcome.success': 'Succeeded', 'history.outcome.failure': 'Failed', 'history.reset': 'Clear filters',
    'history.export.csv': 'Export as CSV', 'history.export.json': 'Export as JSON',
    'history.range': '{first}–{last} of {total}', 'history.count.none': 'No event',
    'history.col.type': 'Type', 'history.col.date': 'Date', 'history.col.series': 'Series', 'history.col.peer': 'Source or client',
    'history.col.message': 'Details', 'history.volume': 'volume {volume}', 'history.results': '{count} {count|result|results}',
    'history.failed': 'failed',
    'history.empty': 'Nothing yet. Searches, downloads and imports will show here after the first check.',
    'history.empty.filtered': 'No event matches these filters.',
    'history.type.search': 'Search', 'history.type.grab': 'Sent', 'history.type.import': 'Import', 'history.type.failure': 'Failure',
    'history.type.import_failed': 'Import failed', 'history.type.download_failed': 'Download failed',
    'history.type.stalled': 'Stalled', 'history.type.download_control': 'Manual action',
  },
});

// One small drawing per type (24 × 24, stroked in the type's colour): a user scanning the list tells them apart.
const ICONS = {
  search: ['M10.5 4a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13z', 'M15.5 15.5L21 21'],
  grab: ['M12 3v12', 'M7 10l5 5l5-5', 'M4 20h16'],
  import: ['M4 13v6h16v-6', 'M8 11l3 3l6-7'],
  failure: ['M12 3L2 20h20z', 'M12 9v5', 'M12 17v.5'],
  import_failed: ['M4 13v6h16v-6', 'M9 5l6 6', 'M15 5l-6 6'],
  download_failed: ['M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18z', 'M9 9l6 6', 'M15 9l-6 6'],
  stalled: ['M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18z', 'M10 8v8', 'M14 8v8'],
  download_control: ['M4 7h10', 'M18 7h2', 'M4 17h4', 'M12 17h8', 'M16 4v6', 'M10 14v6'],
};

function icon(type) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'history-icon');
  for (const d of ICONS[type] || ICONS.failure) {
    const p = document.createElementNS(ns, 'path');
    p.setAttribute('d', d);
    svg.append(p);
  }
  return svg;
}

// the filters stay while the user moves between tabs or switches the language
const state = { types: new Set(), series: '', from: '', to: '', outcome: 'all', offset: 0 };

/** An event type in words: the shared words of texts.js (history.kind.*) when they are there, this page's otherwise. */
function typeText(type) {
  return has('history.kind.' + type) ? t('history.kind.' + type) : t('history.type.' + type);
}

function zone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { return ''; }
}

/** The query of the current filters, the same for a page and an export (days are the user's, in their time zone). */
function query(extra) {
  const q = new URLSearchParams();
  if (state.types.size) q.set('type', [...state.types].join(','));
  if (state.series) q.set('series', state.series);
  if (state.from) q.set('from', state.from);
  if (state.to) q.set('to', state.to);
  if (state.outcome !== 'all') q.set('outcome', state.outcome);
  if ((state.from || state.to) && zone()) q.set('tz', zone());
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q.toString();
}

function filtered() {
  return state.types.size > 0 || state.series || state.from || state.to || state.outcome !== 'all';
}

function row(e) {
  const what = [];
  if (e.volume) what.push(t('history.volume', { volume: e.volume.replace(/^(\d+(?:\.\d+)?)-/, '$1–') }));
  if (e.type === 'search' && e.results != null) what.push(t('history.results', { count: fmtNumber(e.results) }));
  return el('tr', { class: 'history-row type-' + e.type + (e.success ? '' : ' history-failed'), data: { type: e.type, id: e.id } },
    el('td', { class: 'history-type' }, icon(e.type), el('span', { text: typeText(e.type) }),
      e.success ? null : el('span', { class: 'sr', text: ' (' + t('history.failed') + ')' })),
    el('td', { class: 'history-date' }, el('time', { datetime: e.at, text: fmtDateTime(e.at) })),
    el('td', { class: 'history-series' }, e.seriesId != null ? el('a', { href: '#/series/' + e.seriesId, text: e.series || '' })
      : el('span', { text: e.series || '' }), what.length ? el('small', { text: what.join(' · ') }) : null),
    el('td', { class: 'history-peer', text: [e.source, e.client].filter(Boolean).join(' → ') }),
    el('td', { class: 'history-message' }, message(e)));
}

/**
 * What happened in the user's language (history-text.js), its English message folded as a technical detail; an event
 * from before codes: its search's query, else its kind, with its message folded.
 */
function message(e) {
  const said = eventText(e);
  const text = said ?? (e.type === 'search' && e.query ? '« ' + e.query + ' »' : typeText(e.type));
  return [el('span', { class: 'history-text', text }), eventDetail(e, text)];
}

export default {
  id: 'history',
  tab: 'tab.history',
  async render(view) {
    const typeBoxes = el('fieldset', { class: 'history-types' }, el('legend', { text: t('history.types') }),
      TYPES.map((type) => el('label', { class: 'history-chip type-' + type },
        el('input', { type: 'checkbox', name: 'type', value: type, checked: state.types.has(type) }), icon(type),
        el('span', { text: typeText(type) }))));
    const series = el('select', { name: 'series', id: 'history-series' },
      el('option', { value: '', text: t('history.series.all') }));
    const from = el('input', { type: 'date', name: 'from', id: 'history-from', value: state.from });
    const to = el('input', { type: 'date', name: 'to', id: 'history-to', value: state.to });
    const outcome = el('select', { name: 'outcome', id: 'history-outcome' },
      ['all', 'success', 'failure'].map((o) => el('option', { value: o, text: t('history.outcome.' + o), selected: o === state.outcome })));
    const reset = el('button', { type: 'button', class: 'secondary', id: 'history-reset', text: t('history.reset') });
    const form = el('form', { id: 'history-filters', class: 'history-filters', 'aria-label': t('history.filters') },
      typeBoxes,
      el('div', { class: 'toolbar' },
        el('label', {}, el('span', { text: t('history.series') }), series),
        el('label', {}, el('span', { text: t('history.from') }), from),
        el('label', {}, el('span', { text: t('history.to') }), to),
        el('label', {}, el('span', { text: t('history.outcome') }), outcome),
        reset));
    const csv = el('a', { id: 'history-csv', class: 'button-link', download: 'kanzen-history.csv', text: t('history.export.csv') });
    const json = el('a', { id: 'history-json', class: 'button-link', download: 'kanzen-history.json', text: t('history.export.json') });
    const count = el('span', { id: 'history-count', role: 'status' });
    const previous = el('button', { type: 'button', class: 'secondary', id: 'history-previous', text: t('common.previous') });
    const next = el('button', { type: 'button', class: 'secondary', id: 'history-next', text: t('common.next') });
    const list = el('div', { class: 'table-wrap', id: 'history-list' });
    // on a phone the filters fold away (open when some are in force), so that the events come first
    const active = el('span', { class: 'badge', id: 'history-active' });
    const box = el('details', { class: 'history-filter-box', id: 'history-filter-box',
      open: filtered() || !window.matchMedia('(max-width: 600px)').matches }, el('summary', {}, t('history.filters'), ' ', active), form);
    const showActive = () => {
      const n = state.types.size + (state.series ? 1 : 0) + (state.from ? 1 : 0) + (state.to ? 1 : 0) + (state.outcome !== 'all' ? 1 : 0);
      active.textContent = n ? t('history.active', { count: n }) : '';
      active.hidden = !n;
    };
    showActive();
    view.append(box, el('div', { class: 'toolbar history-bar' }, count, el('span', { class: 'history-pager' }, previous, next),
      el('span', { class: 'history-exports' }, csv, json)), list);

    const load = async () => {
      csv.href = '/api/history/export?' + query({ format: 'csv' });
      json.href = '/api/history/export?' + query({ format: 'json' });
      [from, to, series].forEach((i) => i.removeAttribute('aria-invalid'));
      form.querySelectorAll('.field-error').forEach((m) => m.remove());
      let page;
      try {
        page = await api('GET', '/api/history?' + query({ offset: state.offset, limit: PAGE }));
      } catch (e) {
        showError(form, count, e);
        return;
      }
      feedback(count, null);
      if (page.total > 0 && page.items.length === 0 && state.offset > 0) { // the history shrank under the user: back to the start
        state.offset = 0;
        await load();
        return;
      }
      count.textContent = page.total === 0 ? t('history.count.none')
        : t('history.range', { first: fmtNumber(page.offset + 1), last: fmtNumber(page.offset + page.items.length), total: fmtNumber(page.total) });
      previous.disabled = page.offset === 0;
      next.disabled = page.offset + page.items.length >= page.total;
      list.dataset.total = page.total;
      if (!page.items.length) {
        list.replaceChildren(emptyState(filtered() ? t('history.empty.filtered') : t('history.empty'),
          filtered() ? t('history.reset') : null, () => reset.click()));
        return;
      }
      list.replaceChildren(el('table', { id: 'history-table' },
        el('thead', {}, el('tr', {}, ['type', 'date', 'series', 'peer', 'message'].map((c) => el('th', { scope: 'col', text: t('history.col.' + c) })))),
        el('tbody', {}, page.items.map(row))));
    };

    const changed = () => {
      state.types = new Set([...typeBoxes.querySelectorAll('input:checked')].map((i) => i.value));
      state.series = series.value;
      state.from = from.value;
      state.to = to.value;
      state.outcome = outcome.value;
      state.offset = 0;
      showActive();
      load();
    };
    form.addEventListener('change', changed);
    form.addEventListener('submit', (ev) => { ev.preventDefault(); changed(); });
    reset.addEventListener('click', () => {
      typeBoxes.querySelectorAll('input').forEach((i) => { i.checked = false; });
      series.value = ''; from.value = ''; to.value = ''; outcome.value = 'all';
      changed();
    });
    previous.addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); load(); });
    next.addEventListener('click', () => { state.offset += PAGE; load(); });

    const [choices] = await Promise.all([api('GET', '/api/history/series').catch(() => []), load()]);
    series.append(...choices.map((s) => el('option', { value: String(s.id), text: s.title, selected: String(s.id) === state.series })));
    if (state.series && series.value !== state.series) { // the series left the history: its filter goes with it
      state.series = '';
      state.offset = 0;
      await load();
    }
  },
};

// Historique: what Kanzen did, newest first, filtered by outcome, exportable.
import { api } from '../api.js';
import { t, addTexts, fmtDateTime } from '../i18n.js';
import { el, emptyState } from '../ui.js';

addTexts({
  fr: {
    'history.filter': 'Filtre', 'history.filter.all': 'Tout', 'history.filter.success': 'Succès', 'history.filter.errors': 'Erreurs',
    'history.export': 'Exporter (CSV)', 'history.col.date': 'Date', 'history.col.kind': 'Type', 'history.col.series': 'Série',
    'history.col.peer': 'Client ou source', 'history.col.message': 'Message', 'history.empty': 'Rien encore. Les vérifications et envois apparaîtront ici.',
  },
  en: {
    'history.filter': 'Filter', 'history.filter.all': 'All', 'history.filter.success': 'Success', 'history.filter.errors': 'Errors',
    'history.export': 'Export (CSV)', 'history.col.date': 'Date', 'history.col.kind': 'Kind', 'history.col.series': 'Series',
    'history.col.peer': 'Client or source', 'history.col.message': 'Message', 'history.empty': 'Nothing yet. Checks and downloads will show here.',
  },
});

let filterValue = 'all';

export default {
  id: 'history',
  tab: 'tab.history',
  async render(view) {
    const filter = el('select', { id: 'history-filter' },
      ['all', 'success', 'errors'].map((f) => el('option', { value: f, text: t('history.filter.' + f), selected: f === filterValue })));
    const csv = el('a', { id: 'history-csv', text: t('history.export') });
    const box = el('div', { class: 'table-wrap' });
    const load = async () => {
      csv.href = '/api/missing-monitor/history?format=csv&filter=' + filterValue;
      const events = await api('GET', '/api/missing-monitor/history?filter=' + filterValue);
      if (!events.length) { box.replaceChildren(emptyState(t('history.empty'))); return; }
      box.replaceChildren(el('table', { id: 'history-table' },
        el('thead', {}, el('tr', {}, ['date', 'kind', 'series', 'peer', 'message'].map((c) => el('th', { text: t('history.col.' + c) })))),
        el('tbody', {}, events.map((e) => el('tr', { class: e.success ? '' : 'missing' },
          el('td', { text: fmtDateTime(e.at) }), el('td', { text: e.kind.toLowerCase() }),
          el('td', { text: (e.seriesTitle || '') + (e.volume ? ' ' + e.volume.from : '') }), el('td', { text: e.client || e.source || '' }),
          el('td', { text: e.message || '' }))))));
    };
    filter.addEventListener('change', () => { filterValue = filter.value; load(); });
    view.append(el('div', { class: 'toolbar' }, el('label', {}, el('span', { text: t('history.filter') }), filter), csv), box);
    await load();
  },
};

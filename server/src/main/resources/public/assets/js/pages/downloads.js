// Téléchargements: what was sent and where each download stands.
import { api } from '../api.js';
import { t, addTexts, fmtDateTime } from '../i18n.js';
import { el, emptyState } from '../ui.js';

addTexts({
  fr: {
    'downloads.col.date': 'Date', 'downloads.col.series': 'Série', 'downloads.col.volume': 'Tome', 'downloads.col.client': 'Client',
    'downloads.col.state': 'État', 'downloads.col.progress': 'Avancement', 'downloads.empty': 'Aucun téléchargement. Lancez une vérification depuis l’Aperçu.',
  },
  en: {
    'downloads.col.date': 'Date', 'downloads.col.series': 'Series', 'downloads.col.volume': 'Volume', 'downloads.col.client': 'Client',
    'downloads.col.state': 'State', 'downloads.col.progress': 'Progress', 'downloads.empty': 'No downloads yet. Run a check from the Overview.',
  },
});

export default {
  id: 'downloads',
  tab: 'tab.downloads',
  async render(view) {
    const rows = await api('GET', '/api/missing-monitor/downloads');
    if (!rows.length) { view.append(emptyState(t('downloads.empty'))); return; }
    view.append(el('div', { class: 'table-wrap' }, el('table', { id: 'queue' },
      el('thead', {}, el('tr', {}, ['date', 'series', 'volume', 'client', 'state', 'progress'].map((c) => el('th', { text: t('downloads.col.' + c) })))),
      el('tbody', {}, rows.map((d) => el('tr', {}, el('td', { text: fmtDateTime(d.sent_at) }), el('td', { text: d.title }),
        el('td', { text: d.volume || '' }), el('td', { text: d.client }), el('td', { text: d.client_state || d.state }),
        el('td', { text: d.progress == null ? '–' : Math.round(d.progress * 100) + ' %' })))))));
  },
};

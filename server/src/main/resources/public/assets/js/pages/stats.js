// Statistiques: the counters of the monitor.
import { api } from '../api.js';
import { t, addTexts, fmtNumber } from '../i18n.js';
import { el } from '../ui.js';

addTexts({
  fr: { 'stats.seriesMonitored': 'séries surveillées', 'stats.volumesMissing': 'tomes manquants', 'stats.downloadsSent': 'téléchargements envoyés' },
  en: { 'stats.seriesMonitored': 'series monitored', 'stats.volumesMissing': 'volumes missing', 'stats.downloadsSent': 'downloads sent' },
});

export default {
  id: 'stats',
  tab: 'tab.stats',
  async render(view) {
    const s = await api('GET', '/api/missing-monitor/stats');
    view.append(el('div', { class: 'cards' }, ['seriesMonitored', 'volumesMissing', 'downloadsSent'].map((k) =>
      el('div', { class: 'card' }, el('div', { class: 'big', text: fmtNumber(s[k]) }), el('span', { text: t('stats.' + k) })))));
  },
};

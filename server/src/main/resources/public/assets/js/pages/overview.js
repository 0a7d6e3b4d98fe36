// Aperçu: the figures, a check on demand with its progress, the latest downloads.
import { api } from '../api.js';
import { t, addTexts, fmtNumber, fmtDateTime } from '../i18n.js';
import { el, busy, feedback } from '../ui.js';

addTexts({
  fr: {
    'overview.monitored': 'séries surveillées', 'overview.missing': 'tomes manquants', 'overview.sent': 'téléchargements envoyés',
    'overview.check': 'Vérifier maintenant', 'overview.checking': 'Vérification… {done}/{total}', 'overview.checked': 'Vérification terminée',
    'overview.latest': 'Derniers téléchargements', 'overview.col.date': 'Date', 'overview.col.series': 'Série', 'overview.col.volume': 'Tome',
    'overview.col.client': 'Client', 'overview.col.state': 'État',
  },
  en: {
    'overview.monitored': 'series monitored', 'overview.missing': 'volumes missing', 'overview.sent': 'downloads sent',
    'overview.check': 'Check now', 'overview.checking': 'Checking… {done}/{total}', 'overview.checked': 'Check finished',
    'overview.latest': 'Latest downloads', 'overview.col.date': 'Date', 'overview.col.series': 'Series', 'overview.col.volume': 'Volume',
    'overview.col.client': 'Client', 'overview.col.state': 'State',
  },
});

let timer = null;

export default {
  id: 'overview',
  tab: 'tab.overview',
  async render(view) {
    const [s, downloads] = await Promise.all([api('GET', '/api/missing-monitor/stats'), api('GET', '/api/missing-monitor/downloads')]);
    const card = (id, value, label) => el('div', { class: 'card' }, el('div', { class: 'big', id, text: fmtNumber(value) }), el('span', { text: t(label) }));
    const progress = el('progress', { id: 'check-progress', max: 1, value: 0, hidden: true });
    const status = el('span', { id: 'check-status', role: 'status' });
    const check = el('button', { id: 'check-now', type: 'button', text: t('overview.check') });
    check.addEventListener('click', () => busy(check, async () => {
      await api('POST', '/api/missing-monitor/run-check');
      progress.hidden = false;
      await new Promise((resolve) => {
        const poll = async () => {
          try {
            const p = await api('GET', '/api/missing-monitor/progress');
            if (p.running) {
              progress.max = Math.max(1, p.seriesTotal); progress.value = p.seriesDone;
              status.textContent = t('overview.checking', { done: p.seriesDone, total: p.seriesTotal });
              timer = setTimeout(poll, 700);
              return;
            }
          } catch (e) { /* the next draw shows the state */ }
          progress.hidden = true;
          status.textContent = '';
          resolve();
        };
        timer = setTimeout(poll, 300);
      });
      feedback(check, t('overview.checked'));
    }));
    const rows = downloads.slice(0, 20).map((d) => el('tr', {},
      el('td', { text: fmtDateTime(d.sent_at) }), el('td', { text: d.title }), el('td', { text: d.volume || '' }),
      el('td', { text: d.client }), el('td', { text: (d.client_state || d.state) + (d.import_error ? ' · ' + d.import_error : '') })));
    view.append(
      el('div', { class: 'cards' }, card('stat-series', s.seriesMonitored, 'overview.monitored'),
        card('stat-missing', s.volumesMissing, 'overview.missing'), card('stat-sent', s.downloadsSent, 'overview.sent')),
      el('p', { class: 'toolbar' }, check, progress, status),
      el('h2', { text: t('overview.latest') }),
      el('div', { class: 'table-wrap' }, el('table', { id: 'downloads' },
        el('thead', {}, el('tr', {}, ['date', 'series', 'volume', 'client', 'state'].map((c) => el('th', { text: t('overview.col.' + c) })))),
        el('tbody', {}, rows))));
  },
  leave() { clearTimeout(timer); },
};

// Séries: every series of the libraries with what it lacks; monitoring switched per series.
import { api } from '../api.js';
import { t, addTexts, fmtRanges } from '../i18n.js';
import { el, busy, emptyState } from '../ui.js';

addTexts({
  fr: {
    'series.find': 'Rechercher', 'series.filter': 'Filtre', 'series.filter.all': 'Toutes', 'series.filter.missing': 'Manquants (terminées)',
    'series.filter.to_complete': 'À compléter (en cours)', 'series.local': 'Locaux', 'series.published': 'Parus', 'series.missing': 'Manquants',
    'series.monitored': 'surveillée', 'series.unmonitored': 'non surveillée', 'series.monitor': 'Surveiller', 'series.unmonitor': 'Ne plus surveiller',
    'series.empty': 'Aucune série. Ajoutez une bibliothèque dans Réglages, puis scannez-la.', 'series.to_settings': 'Aller aux réglages',
    'series.open': 'Détails',
  },
  en: {
    'series.find': 'Find', 'series.filter': 'Filter', 'series.filter.all': 'All', 'series.filter.missing': 'Missing (finished)',
    'series.filter.to_complete': 'To complete (ongoing)', 'series.local': 'Local', 'series.published': 'Published', 'series.missing': 'Missing',
    'series.monitored': 'monitored', 'series.unmonitored': 'not monitored', 'series.monitor': 'Monitor', 'series.unmonitor': 'Stop monitoring',
    'series.empty': 'No series yet. Add a library in Settings, then scan it.', 'series.to_settings': 'Go to settings',
    'series.open': 'Details',
  },
});

const state = { q: '', filter: 'all' };

export default {
  id: 'series',
  tab: 'tab.series',
  async render(view) {
    const list = el('div', { id: 'series-list', class: 'grid' });
    const q = el('input', { id: 'series-q', type: 'search', value: state.q });
    const filter = el('select', { id: 'series-filter' },
      ['all', 'missing', 'to_complete'].map((f) => el('option', { value: f, text: t('series.filter.' + f), selected: f === state.filter })));
    const load = async () => {
      const rows = await api('GET', '/api/missing-monitor/series?filter=' + state.filter + '&q=' + encodeURIComponent(state.q));
      list.replaceChildren();
      if (!rows.length) {
        list.append(emptyState(t('series.empty'), t('series.to_settings'), () => { location.hash = '#/settings'; }));
        return;
      }
      rows.forEach((s) => {
        const toggle = el('button', { type: 'button', class: 'secondary', text: t(s.monitored ? 'series.unmonitor' : 'series.monitor') });
        toggle.addEventListener('click', () => busy(toggle, async () => {
          await api('POST', '/api/missing-monitor/series/' + s.id + '/monitor', { enabled: !s.monitored });
          await load();
        }));
        list.append(el('article', { class: 'card' + (s.monitored ? ' monitored' : ' unmonitored'), data: { series: s.title } },
          el('h3', {}, el('a', { href: '#/series/' + s.id, text: s.title })),
          el('div', { class: 'badge', text: t(s.monitored ? 'series.monitored' : 'series.unmonitored') }),
          el('div', { text: t('series.local') + ' : ' + (fmtRanges(s.local_volumes) || '–') }),
          el('div', { text: t('series.published') + ' (' + s.edition.toUpperCase() + ') : ' + (s.published ?? '?') }),
          el('div', { class: s.missing.length ? 'missing' : '', text: t('series.missing') + ' : ' + (fmtRanges(s.missing) || t('common.none')) }),
          toggle));
      });
    };
    let typing = null;
    q.addEventListener('input', () => { state.q = q.value; clearTimeout(typing); typing = setTimeout(load, 200); });
    filter.addEventListener('change', () => { state.filter = filter.value; load(); });
    view.append(el('div', { class: 'toolbar' },
      el('label', {}, el('span', { text: t('series.find') }), q),
      el('label', {}, el('span', { text: t('series.filter') }), filter)), list);
    await load();
  },
};

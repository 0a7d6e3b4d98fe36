// A series on its own: what the library holds and lacks (reached from the series list).
import { api } from '../api.js';
import { t, addTexts, fmtRanges } from '../i18n.js';
import { el } from '../ui.js';

addTexts({
  fr: { 'series-detail.back': '← Séries', 'series-detail.unknown': 'Série introuvable.' },
  en: { 'series-detail.back': '← Series', 'series-detail.unknown': 'No such series.' },
});

export default {
  id: 'series-detail',
  tab: null,
  parent: 'series',
  route: /^series\/(\d+)$/,
  async render(view, [id]) {
    const rows = await api('GET', '/api/missing-monitor/series');
    const s = rows.find((r) => String(r.id) === id);
    view.append(el('p', {}, el('a', { href: '#/series', text: t('series-detail.back') })));
    if (!s) { view.append(el('p', { text: t('series-detail.unknown') })); return; }
    view.append(el('h2', { text: s.title }),
      el('p', { text: t('series.local') + ' : ' + (fmtRanges(s.local_volumes) || '–') }),
      el('p', { class: s.missing.length ? 'missing' : '', text: t('series.missing') + ' : ' + (fmtRanges(s.missing) || t('common.none')) }));
  },
};

// Configuration: the monitor's settings (checks, automatic search and download, edition, client, sources).
import { api } from '../api.js';
import { t, addTexts, problemText } from '../i18n.js';
import { el, busy, feedback, showError } from '../ui.js';

addTexts({
  fr: {
    'config.enabled': 'Vérifications automatiques', 'config.interval': 'Intervalle (30m, 6h, 1d)', 'config.autosearch': 'Recherche automatique',
    'config.autodownload': 'Téléchargement automatique', 'config.edition': 'Édition suivie', 'config.language': 'Langue',
    'config.client': 'Client préféré', 'config.sources': 'Sources (vide : toutes)',
  },
  en: {
    'config.enabled': 'Automatic checks', 'config.interval': 'Interval (30m, 6h, 1d)', 'config.autosearch': 'Automatic search',
    'config.autodownload': 'Automatic download', 'config.edition': 'Edition collected', 'config.language': 'Language',
    'config.client': 'Preferred client', 'config.sources': 'Sources (empty: all)',
  },
});

export default {
  id: 'config',
  tab: 'tab.config',
  async render(view) {
    const r = await api('GET', '/api/missing-monitor/config');
    const c = r.config;
    const box = (id, name, checked, label) => el('label', {}, el('input', { type: 'checkbox', id, name, checked }), el('span', { text: t(label) }));
    const text = (id, name, value, label, size) => el('label', {}, el('span', { text: t(label) }), el('input', { id, name, value: value ?? '', size }));
    const save = el('button', { id: 'cfg-save', type: 'submit', text: t('common.save') });
    const form = el('form', { id: 'config-form' },
      box('cfg-enabled', 'enabled', c.enabled, 'config.enabled'), text('cfg-interval', 'checkInterval', c.checkInterval, 'config.interval', 6),
      box('cfg-autosearch', 'autoSearch', c.autoSearch, 'config.autosearch'), box('cfg-autodownload', 'autoDownload', c.autoDownload, 'config.autodownload'),
      el('label', {}, el('span', { text: t('config.edition') }), el('select', { id: 'cfg-edition', name: 'edition' },
        ['vf', 'vo'].map((v) => el('option', { value: v, text: v.toUpperCase(), selected: c.edition === v })))),
      text('cfg-language', 'language', c.language, 'config.language', 4), text('cfg-client', 'preferredClient', c.preferredClient, 'config.client'),
      text('cfg-sources', 'sources', (c.sources || []).join(', '), 'config.sources'), el('div', {}, save));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = (id) => form.querySelector('#' + id);
      busy(save, async () => {
        try {
          await api('POST', '/api/missing-monitor/config', {
            enabled: v('cfg-enabled').checked, checkInterval: v('cfg-interval').value, autoSearch: v('cfg-autosearch').checked,
            autoDownload: v('cfg-autodownload').checked, edition: v('cfg-edition').value, language: v('cfg-language').value || null,
            preferredClient: v('cfg-client').value || null, sources: v('cfg-sources').value.split(',').map((x) => x.trim()).filter(Boolean),
          });
          feedback(save, t('common.saved'));
        } catch (e) { showError(form, save, e); }
      });
    });
    if (r.problem) view.append(el('p', { class: 'feedback feedback-error', role: 'alert', text: problemText(r.problem) }));
    view.append(form);
  },
};

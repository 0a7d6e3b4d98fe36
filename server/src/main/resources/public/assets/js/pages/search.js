// Recherche manuelle: ask the sources for a title (and volume), send one result, or paste a link.
import { api } from '../api.js';
import { t, addTexts, fmtSize, errorText } from '../i18n.js';
import { el, busy, feedback, confirmDialog } from '../ui.js';

addTexts({
  fr: {
    'search.title': 'Titre', 'search.volume': 'Tome', 'search.sources': 'Sources', 'search.submit': 'Rechercher', 'search.paste': 'Coller un lien',
    'search.link': 'Lien (magnet, torrent, ed2k)', 'search.download': 'Télécharger', 'search.results': '{count} résultats',
    'search.sent': 'Envoyé à {client} : {title}', 'search.force': '{reason} Télécharger quand même ?',
    'search.col.source': 'Source', 'search.col.title': 'Titre', 'search.col.volume': 'Tome', 'search.col.seeders': 'Sources actives',
    'search.col.size': 'Taille',
  },
  en: {
    'search.title': 'Title', 'search.volume': 'Volume', 'search.sources': 'Sources', 'search.submit': 'Search', 'search.paste': 'Paste a link',
    'search.link': 'Link (magnet, torrent, ed2k)', 'search.download': 'Download', 'search.results': '{count} results',
    'search.sent': 'Sent to {client}: {title}', 'search.force': '{reason} Download anyway?',
    'search.col.source': 'Source', 'search.col.title': 'Title', 'search.col.volume': 'Volume', 'search.col.seeders': 'Seeders',
    'search.col.size': 'Size',
  },
});

/** Sends a link; an owned or held volume (409) is sent only when the user confirms. */
async function download(button, link, title, volume) {
  const body = { link, title, volume_num: volume || null };
  let g;
  try {
    g = await api('POST', '/api/missing-monitor/download', body);
  } catch (e) {
    if (e.status !== 409 || !(await confirmDialog(t('search.force', { reason: errorText(e) })))) throw e;
    g = await api('POST', '/api/missing-monitor/download', { ...body, force: true });
  }
  feedback(button, t('search.sent', { client: g.client, title: g.title + (g.volume ? ' ' + g.volume : '') }));
}

export default {
  id: 'search',
  tab: 'tab.search',
  async render(view) {
    const title = el('input', { id: 'search-title', name: 'title', required: true });
    const volume = el('input', { id: 'search-volume', name: 'volume_num', size: 5 });
    const sources = el('input', { id: 'search-sources', name: 'sources', placeholder: 'prowlarr, ebdz' });
    const submit = el('button', { id: 'search-submit', type: 'submit', text: t('search.submit') });
    const paste = el('button', { id: 'paste-link', type: 'button', class: 'secondary', text: t('search.paste') });
    const body = el('tbody');
    const summary = el('p', { id: 'search-summary', role: 'status' });
    const form = el('form', { id: 'search-form', class: 'toolbar' },
      el('label', {}, el('span', { text: t('search.title') }), title), el('label', {}, el('span', { text: t('search.volume') }), volume),
      el('label', {}, el('span', { text: t('search.sources') }), sources), submit, paste);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      body.replaceChildren();
      summary.textContent = '';
      busy(submit, async () => {
        const r = await api('POST', '/api/missing-monitor/search', {
          title: title.value, volume_num: volume.value || null, sources: sources.value.split(',').map((x) => x.trim()).filter(Boolean),
        });
        r.results.forEach((x) => {
          const send = el('button', { type: 'button', text: t('search.download') });
          send.addEventListener('click', () => busy(send, () => download(send, x.link, title.value,
            x.volume && !x.volume.includes('-') ? x.volume : volume.value)));
          body.append(el('tr', {}, el('td', { text: x.source }), el('td', { text: x.title }), el('td', { text: x.volume || '–' }),
            el('td', { text: x.seeders ?? '?' }), el('td', { text: fmtSize(x.size) }), el('td', {}, send)));
        });
        const problems = Object.entries(r.problems).map(([k, v]) => k + ' : ' + v).join(' · ');
        summary.textContent = t('search.results', { count: r.results.length }) + (problems ? ' · ' + problems : '');
      });
    });
    const link = el('input', { id: 'link-link', required: true, size: 50 });
    const linkTitle = el('input', { id: 'link-title', required: true });
    const linkVolume = el('input', { id: 'link-volume', size: 5 });
    const linkSubmit = el('button', { id: 'link-submit', type: 'submit', text: t('search.download') });
    const dialog = el('dialog', { id: 'link-dialog' }, el('form', { id: 'link-form' },
      el('h2', { text: t('search.paste') }), el('label', {}, el('span', { text: t('search.link') }), link),
      el('label', {}, el('span', { text: t('search.title') }), linkTitle), el('label', {}, el('span', { text: t('search.volume') }), linkVolume),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', text: t('common.cancel'), on: { click: () => dialog.close() } }), linkSubmit)));
    dialog.querySelector('form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(linkSubmit, async () => { await download(linkSubmit, link.value.trim(), linkTitle.value, linkVolume.value); });
    });
    paste.addEventListener('click', () => { linkTitle.value = title.value; linkVolume.value = volume.value; dialog.showModal(); });
    view.append(form, summary, el('div', { class: 'table-wrap' }, el('table', { id: 'results' },
      el('thead', {}, el('tr', {}, ['source', 'title', 'volume', 'seeders', 'size'].map((c) => el('th', { text: t('search.col.' + c) })), el('th'))),
      body)), dialog);
  },
};

// Recherche manuelle: ask the chosen sources for a title (and volume); every result with what the decision engine
// says of it for the library series the title names (score, reasons, already owned, already sent); sort, send one
// (asking first when its volume is owned or already sent), or paste a link.
import { api } from '../api.js';
import { t, has, addTexts, fmtSize, fmtNumber, fmtDate, errorText } from '../i18n.js';
import { el, busy, feedback, confirmDialog, emptyState, clear } from '../ui.js';
import { explanation } from '../explain.js';

addTexts({
  fr: {
    'search.title': 'Titre', 'search.volume': 'Tome', 'search.sources': 'Sources', 'search.submit': 'Rechercher', 'search.paste': 'Coller un lien',
    'search.link': 'Lien (magnet, torrent, ed2k)', 'search.download': 'Télécharger', 'search.results': '{count} résultats',
    'search.results.one': '1 résultat', 'search.results.none': 'Aucun résultat.', 'search.for.series': 'Jugés pour la série « {title} » de la bibliothèque.',
    'search.for.none': '« {title} » n’est pas une série de la bibliothèque : les résultats ne sont pas notés.',
    'search.sources.none': 'Aucune source de recherche n’est configurée : ajoutez-en une dans Réglages.',
    'search.sources.all': 'Sans case cochée, toutes les sources sont interrogées.',
    'search.sent': 'Envoyé à {client} : {title}', 'search.problem': '{source} a échoué : {message}',
    'search.start': 'Saisissez un titre (et un tome) puis lancez la recherche.',
    'search.col.source': 'Source', 'search.col.title': 'Titre', 'search.col.volume': 'Tome', 'search.col.language': 'Langue',
    'search.col.edition': 'Édition', 'search.col.size': 'Taille', 'search.col.seeders': 'Sources actives', 'search.col.age': 'Âge',
    'search.col.score': 'Score', 'search.col.action': 'Action',
    'search.mark.owned': 'déjà possédé ({volumes})', 'search.mark.held': 'déjà envoyé', 'search.mark.accepted': 'retenu', 'search.mark.rejected': 'écarté',
    'search.why': 'Pourquoi', 'search.sort': 'Trier par', 'search.unknown': 'inconnue',
    'search.age.days': '{n} j', 'search.age.today': 'aujourd’hui',
    'search.edition.regular': 'normale',
    'search.dialog.title': 'Envoyer au client', 'search.dialog.release': 'Version', 'search.dialog.client': 'Client',
    'search.dialog.auto': 'Automatique (selon le lien)',
    'search.ask.owned': 'Ce tome est déjà dans la bibliothèque. Le télécharger quand même ?',
    'search.ask.held': 'Ce tome a déjà été envoyé et attend son téléchargement. L’envoyer quand même ?',
    'search.ask.same_link': 'Ce lien a déjà été envoyé. L’envoyer encore ?',
    'search.ask.send': 'Envoyer quand même',
    'search.score.series': 'série reconnue', 'search.score.volumes': 'tomes manquants', 'search.score.language': 'langue',
    'search.score.format': 'format', 'search.score.seeders': 'sources actives', 'search.score.untagged': 'langue non indiquée',
    'search.reason.WRONG_SERIES': 'une autre série', 'search.reason.VOLUME_NOT_WANTED': 'tome non recherché',
    'search.reason.CHAPTER_NOT_VOLUME': 'des chapitres, pas un tome', 'search.reason.EDITION': 'autre édition',
    'search.reason.LANGUAGE': 'autre langue', 'search.reason.LANGUAGE_UNKNOWN': 'langue non indiquée', 'search.reason.FORMAT': 'format refusé',
    'search.reason.SIZE': 'taille hors limites', 'search.reason.NO_SEEDERS': 'aucune source active', 'search.reason.BLOCKED': 'bloqué',
    'search.reason.ALREADY_GRABBED': 'déjà envoyé', 'search.reason.ALREADY_QUEUED': 'tome déjà en téléchargement',
    'search.reason.BELOW_MINIMUM_SCORE': 'score trop bas', 'search.reason.SCORER': 'refusé par un module de notation',
  },
  en: {
    'search.title': 'Title', 'search.volume': 'Volume', 'search.sources': 'Sources', 'search.submit': 'Search', 'search.paste': 'Paste a link',
    'search.link': 'Link (magnet, torrent, ed2k)', 'search.download': 'Download', 'search.results': '{count} results',
    'search.results.one': '1 result', 'search.results.none': 'No results.', 'search.for.series': 'Judged for the library series “{title}”.',
    'search.for.none': '“{title}” is not a library series: the results are not scored.',
    'search.sources.none': 'No search source is set up: add one in Settings.',
    'search.sources.all': 'With no box ticked, every source is asked.',
    'search.sent': 'Sent to {client}: {title}', 'search.problem': '{source} failed: {message}',
    'search.start': 'Type a title (and a volume), then search.',
    'search.col.source': 'Source', 'search.col.title': 'Title', 'search.col.volume': 'Volume', 'search.col.language': 'Language',
    'search.col.edition': 'Edition', 'search.col.size': 'Size', 'search.col.seeders': 'Seeders', 'search.col.age': 'Age',
    'search.col.score': 'Score', 'search.col.action': 'Action',
    'search.mark.owned': 'already owned ({volumes})', 'search.mark.held': 'already sent', 'search.mark.accepted': 'accepted', 'search.mark.rejected': 'rejected',
    'search.why': 'Why', 'search.sort': 'Sort by', 'search.unknown': 'unknown',
    'search.age.days': '{n} d', 'search.age.today': 'today',
    'search.edition.regular': 'regular',
    'search.dialog.title': 'Send to the client', 'search.dialog.release': 'Release', 'search.dialog.client': 'Client',
    'search.dialog.auto': 'Automatic (by the link)',
    'search.ask.owned': 'This volume is already in the library. Download it anyway?',
    'search.ask.held': 'This volume was already sent and waits for its download. Send it anyway?',
    'search.ask.same_link': 'This link was already sent. Send it again?',
    'search.ask.send': 'Send anyway',
    'search.score.series': 'series recognised', 'search.score.volumes': 'missing volumes', 'search.score.language': 'language',
    'search.score.format': 'format', 'search.score.seeders': 'seeders', 'search.score.untagged': 'language not shown',
    'search.reason.WRONG_SERIES': 'another series', 'search.reason.VOLUME_NOT_WANTED': 'volume not wanted',
    'search.reason.CHAPTER_NOT_VOLUME': 'chapters, not a volume', 'search.reason.EDITION': 'another edition',
    'search.reason.LANGUAGE': 'another language', 'search.reason.LANGUAGE_UNKNOWN': 'language not shown', 'search.reason.FORMAT': 'format refused',
    'search.reason.SIZE': 'size out of bounds', 'search.reason.NO_SEEDERS': 'no seeders', 'search.reason.BLOCKED': 'blocked',
    'search.reason.ALREADY_GRABBED': 'already sent', 'search.reason.ALREADY_QUEUED': 'volume already downloading',
    'search.reason.BELOW_MINIMUM_SCORE': 'score too low', 'search.reason.SCORER': 'refused by a scorer',
  },
});

// What the page keeps between redraws (a language switch redraws it): the last answer and its order.
const state = { form: { title: '', volume: '', sources: null }, answer: null, sort: { key: 'score', dir: -1 }, asked: 0 };

const COLUMNS = ['title', 'source', 'volume', 'language', 'edition', 'size', 'seeders', 'age', 'score'];
/** Columns first sorted A to Z; the others (figures) largest first. */
const ASCENDING = ['title', 'source', 'language', 'edition'];

function volumeFrom(v) { return v ? parseFloat(String(v).split('-')[0]) : -1; }

const SORT_VALUES = {
  title: (x) => x.title.toLowerCase(),
  source: (x) => (x.source + ' ' + (x.indexer || '')).toLowerCase(),
  volume: (x) => volumeFrom(x.volume),
  language: (x) => x.language || '',
  edition: (x) => x.edition || '',
  size: (x) => (x.size == null ? -1 : x.size),
  seeders: (x) => (x.seeders == null ? -1 : x.seeders),
  age: (x) => (x.publish_date ? Date.parse(x.publish_date) : 0),
  score: (x) => (x.score == null ? -Infinity : x.score + (x.accepted ? 10000 : 0)),
};

function sorted(results) {
  const value = SORT_VALUES[state.sort.key];
  return [...results].sort((a, b) => {
    const va = value(a); const vb = value(b);
    return (va < vb ? -1 : va > vb ? 1 : 0) * state.sort.dir;
  });
}

function reasonText(r) {
  for (const key of ['rejection.' + r.reason, 'reason.' + r.reason, 'search.reason.' + r.reason]) {
    if (has(key)) return t(key);
  }
  return r.message;
}

/** A reason's or part's line followed by what the engine saw, in the user's language (explain.js). */
function detailed(li, family, item) {
  const said = explanation(family, item);
  if (said) li.append(' — ', said);
  return li;
}

function scorePartText(c) {
  const key = 'search.score.' + c.name;
  return (has(key) ? t(key) : c.name) + ' ' + (c.points > 0 ? '+' : '') + c.points;
}

/**
 * The sources' failures in words: each typed problem (problem_details: code, params, English message) in the user's
 * language when its code has a text here or in the shared texts, else the server's sentence.
 */
function problemLines(a) {
  const typed = a.problem_details || [];
  if (typed.length) {
    return typed.map((p) => {
      for (const key of ['problem.' + p.code, 'error.' + p.code]) {
        if (has(key)) return [t(key, p.params), p.message];
      }
      return [p.message, p.message];
    });
  }
  return Object.entries(a.problems || {}).map(([s, m]) => [t('search.problem', { source: s, message: m }), m]);
}

function sentText(g) { return t('search.sent', { client: g.client, title: g.title + (g.volume ? ' ' + g.volume : '') }); }

function ageText(iso) {
  if (!iso) return '–';
  const days = Math.floor((Date.now() - Date.parse(iso)) / 86400000);
  return days <= 0 ? t('search.age.today') : t('search.age.days', { n: fmtNumber(days) });
}

function editionText(e) {
  if (!e) return '–';
  return has('search.edition.' + e) ? t('search.edition.' + e) : e;
}

/**
 * Sends a release or a pasted link; an owned or held volume is sent only once the user said so. Says where it went
 * next to {@code anchor} and returns the grab, or null when the user changed their mind.
 */
async function send(anchor, body, askFirst) {
  let payload = { ...body };
  if (askFirst) {
    if (!(await confirmDialog(t('search.ask.' + askFirst), { confirmLabel: t('search.ask.send') }))) return null;
    payload.force = true;
  }
  let g;
  try {
    g = await api('POST', '/api/missing-monitor/download', payload);
  } catch (e) {
    const reason = e.body && e.body.reason;
    if (e.status !== 409) throw e;
    const question = reason && has('search.ask.' + reason) ? t('search.ask.' + reason) : errorText(e);
    if (!(await confirmDialog(question, { confirmLabel: t('search.ask.send') }))) return null;
    g = await api('POST', '/api/missing-monitor/download', { ...payload, force: true });
  }
  feedback(anchor, sentText(g));
  return g;
}

export default {
  id: 'search',
  tab: 'tab.search',
  async render(view) {
    const [sourceList, clientList] = await Promise.all([
      api('GET', '/api/search/sources').then((r) => r.sources).catch(() => []),
      api('GET', '/api/plugins/clients').then((r) => r.configured.map((c) => c.name)).catch(() => []),
    ]);
    if (state.form.sources === null) state.form.sources = [];
    const title = el('input', { id: 'search-title', name: 'title', required: true, value: state.form.title, autocomplete: 'off' });
    const volume = el('input', { id: 'search-volume', name: 'volume_num', size: 5, value: state.form.volume, inputmode: 'decimal' });
    const boxes = sourceList.map((s) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'sources', value: s, checked: state.form.sources.includes(s) }), el('span', { text: s })));
    const sources = el('fieldset', { id: 'search-sources', class: 'sources' }, el('legend', { text: t('search.sources') }),
      boxes.length ? boxes : el('span', { class: 'muted', text: t('search.sources.none') }),
      boxes.length > 1 ? el('small', { class: 'muted', text: t('search.sources.all') }) : null);
    const submit = el('button', { id: 'search-submit', type: 'submit', text: t('search.submit') });
    const paste = el('button', { id: 'paste-link', type: 'button', class: 'secondary', text: t('search.paste') });
    const form = el('form', { id: 'search-form', class: 'toolbar search-form' },
      el('label', {}, el('span', { text: t('search.title') }), title), el('label', {}, el('span', { text: t('search.volume') }), volume),
      sources, el('div', { class: 'actions' }, submit, paste));
    const summary = el('div', { id: 'search-summary', role: 'status' });
    const results = el('div', { id: 'search-results' });

    // the send dialog: the release, the series title and its volume filled in, the client
    const dTitle = el('input', { id: 'send-title', name: 'title', required: true });
    const dVolume = el('input', { id: 'send-volume', name: 'volume_num', size: 6 });
    const dClient = el('select', { id: 'send-client', name: 'client' }, el('option', { value: '', text: t('search.dialog.auto') }),
      clientList.map((c) => el('option', { value: c, text: c })));
    const dRelease = el('p', { id: 'send-release', class: 'release-name' });
    const dSubmit = el('button', { id: 'send-submit', type: 'submit', text: t('search.download') });
    const sendDialog = el('dialog', { id: 'send-dialog', 'aria-labelledby': 'send-dialog-title' }, el('form', { method: 'dialog' },
      el('h2', { id: 'send-dialog-title', text: t('search.dialog.title') }), el('div', { class: 'muted', text: t('search.dialog.release') }), dRelease,
      el('label', {}, el('span', { text: t('search.title') }), dTitle), el('label', {}, el('span', { text: t('search.volume') }), dVolume),
      el('label', {}, el('span', { text: t('search.dialog.client') }), dClient),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', text: t('common.cancel'), on: { click: () => sendDialog.close() } }),
        dSubmit)));
    let sending = null;
    sendDialog.querySelector('form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const x = sending;
      busy(dSubmit, async () => {
        const ask = x.owned && x.owned.length && dVolume.value === (x.volume || '') ? 'owned' : x.held ? 'held' : null;
        const g = await send(dSubmit, { link: x.link, title: dTitle.value, volume_num: dVolume.value || null, client: dClient.value || null }, ask);
        if (g) {
          sendDialog.close();
          feedback(results.querySelector('button[data-index="' + x._index + '"]'), sentText(g)); // said where the user looks
        }
      });
    });
    function openSend(x) {
      sending = x;
      dRelease.textContent = x.title;
      dTitle.value = (state.answer && state.answer.series && state.answer.series.title) || state.answer.title;
      dVolume.value = x.volume || state.answer.volume || '';
      feedback(dSubmit, null);
      sendDialog.showModal();
    }

    function drawResults() {
      clear(results);
      clear(summary);
      const a = state.answer;
      if (!a) { results.append(emptyState(t('search.start'))); return; }
      summary.append(el('p', { text: a.results.length === 1 ? t('search.results.one') : a.results.length ? t('search.results', { count: fmtNumber(a.results.length) })
        : t('search.results.none') }),
      a.series ? el('p', { class: 'muted', text: t('search.for.series', { title: a.series.title }) })
        : el('p', { class: 'muted', text: t('search.for.none', { title: a.title }) }),
      ...problemLines(a).map(([words, message]) => el('p', { class: 'feedback feedback-error', role: 'alert', title: message, text: words })));
      if (!a.results.length) return;
      // on a phone the column heads are hidden: the order is chosen here
      const sortSelect = el('select', { id: 'search-sort', 'aria-label': t('search.sort') }, COLUMNS.map((c) => el('option', { value: c,
        text: t('search.col.' + c), selected: state.sort.key === c })));
      sortSelect.addEventListener('change', () => { state.sort = { key: sortSelect.value, dir: ASCENDING.includes(sortSelect.value) ? 1 : -1 }; drawResults(); });
      summary.append(el('label', { class: 'sort-phone' }, el('span', { text: t('search.sort') }), sortSelect));
      const head = el('tr', {}, COLUMNS.map((c) => {
        const on = state.sort.key === c;
        return el('th', { scope: 'col', 'aria-sort': on ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
          el('button', { type: 'button', class: 'sort', data: { sort: c }, text: t('search.col.' + c) + (on ? (state.sort.dir > 0 ? ' ▲' : ' ▼') : ''),
            on: { click: () => {
              state.sort = { key: c, dir: on ? -state.sort.dir : (ASCENDING.includes(c) ? 1 : -1) };
              drawResults();
            } } }));
      }), el('th', { scope: 'col', class: 'sr-col' }, el('span', { class: 'sr', text: t('search.col.action') })));
      const rows = sorted(a.results).map((x) => {
        const marks = [];
        if (x.owned && x.owned.length) marks.push(el('span', { class: 'badge badge-owned', text: t('search.mark.owned', { volumes: x.owned.join(', ') }) }));
        if (x.held) marks.push(el('span', { class: 'badge badge-held', text: t('search.mark.held') }));
        if (x.accepted === true) marks.push(el('span', { class: 'badge badge-accepted', text: t('search.mark.accepted') }));
        const why = x.accepted === null || x.accepted === undefined ? null : el('details', { class: 'why' }, el('summary', { text: t('search.why') }),
          el('ul', {}, (x.rejection_reasons || []).map((r) => detailed(el('li', { class: 'rejection', text: '✗ ' + reasonText(r) }), 'rejection', r)),
            (x.score_breakdown || []).map((c) => detailed(el('li', { class: 'part', text: '• ' + scorePartText(c) }), 'score', c))));
        const button = el('button', { type: 'button', class: x.accepted === false || x.held || (x.owned && x.owned.length) ? 'secondary' : '',
          text: t('search.download'), data: { index: x._index }, on: { click: () => openSend(x) } });
        const cell = (c, text, extra) => el('td', { 'data-label': t('search.col.' + c), class: 'col-' + c, ...(extra || {}) }, text);
        return el('tr', { class: x.accepted === false ? 'rejected' : x.accepted ? 'accepted' : '', data: { index: x._index } },
          cell('title', [el('span', { class: 'release-name', text: x.title }), marks.length ? el('div', { class: 'marks' }, marks) : null, why]),
          cell('source', x.source + (x.indexer && x.indexer !== x.source ? ' · ' + x.indexer : '')),
          cell('volume', x.volume || '–'), cell('language', x.language || t('search.unknown')), cell('edition', editionText(x.edition)),
          cell('size', fmtSize(x.size)), cell('seeders', x.seeders == null ? '?' : fmtNumber(x.seeders)),
          cell('age', ageText(x.publish_date), { title: x.publish_date ? fmtDate(x.publish_date) : null }),
          cell('score', x.score == null ? '–' : fmtNumber(x.score)), el('td', { class: 'col-action' }, button));
      });
      results.append(el('div', { class: 'table-wrap' }, el('table', { id: 'results', class: 'results' }, el('thead', {}, head), el('tbody', {}, rows))));
    }

    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      state.form = { title: title.value, volume: volume.value, sources: [...form.querySelectorAll('input[name=sources]:checked')].map((c) => c.value) };
      state.answer = null; // a new search clears the old results at once, and a failed one leaves none
      clear(results);
      clear(summary);
      const asked = ++state.asked; // only the last search asked may draw: an earlier, slower answer is dropped
      busy(submit, async () => {
        const r = await api('POST', '/api/missing-monitor/search', {
          title: state.form.title, volume_num: state.form.volume || null, sources: state.form.sources,
        });
        if (asked !== state.asked) return;
        r.results.forEach((x, i) => { x._index = i; });
        state.answer = { ...r, title: state.form.title, volume: state.form.volume };
        drawResults();
      });
    });

    // "Coller un lien": a link given by hand
    const link = el('input', { id: 'link-link', required: true, size: 50 });
    const linkTitle = el('input', { id: 'link-title', required: true });
    const linkVolume = el('input', { id: 'link-volume', size: 5 });
    const linkClient = dClient.cloneNode(true);
    linkClient.id = 'link-client';
    const linkSubmit = el('button', { id: 'link-submit', type: 'submit', text: t('search.download') });
    const dialog = el('dialog', { id: 'link-dialog', 'aria-labelledby': 'link-dialog-title' }, el('form', { id: 'link-form' },
      el('h2', { id: 'link-dialog-title', text: t('search.paste') }), el('label', {}, el('span', { text: t('search.link') }), link),
      el('label', {}, el('span', { text: t('search.title') }), linkTitle), el('label', {}, el('span', { text: t('search.volume') }), linkVolume),
      el('label', {}, el('span', { text: t('search.dialog.client') }), linkClient),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', text: t('common.close'), on: { click: () => dialog.close() } }), linkSubmit)));
    dialog.querySelector('form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(linkSubmit, () => send(linkSubmit, { link: link.value.trim(), title: linkTitle.value, volume_num: linkVolume.value || null,
        client: linkClient.value || null }, null));
    });
    paste.addEventListener('click', () => { linkTitle.value = title.value; linkVolume.value = volume.value; feedback(linkSubmit, null); dialog.showModal(); });

    view.append(form, summary, results, sendDialog, dialog);
    drawResults();
  },
};

// Séries: the series of the libraries in two sections, monitored and not, each paged (5,000 series stay quick);
// missing volumes as compact ranges; several series selected at once to monitor, stop monitoring or search now.
import { api } from '../api.js';
import { t, addTexts, lang, fmtRanges, fmtNumber, problemText } from '../i18n.js';
import { el, busy, emptyState, feedback, confirmDialog } from '../ui.js';

addTexts({
  fr: {
    'series.line': '{label} : {value}', 'series.find': 'Rechercher', 'series.find.placeholder': 'Titre…', 'series.filter': 'Filtre', 'series.filter.all': 'Toutes',
    'series.filter.missing': 'Terminées, avec des tomes manquants', 'series.filter.to_complete': 'En cours, à compléter',
    'series.section.monitored': 'Surveillées', 'series.section.unmonitored': 'Non surveillées',
    'series.local': 'Possédés', 'series.published': 'Parus ({edition})', 'series.published.unknown': 'nombre inconnu', 'series.missing': 'Manquants', 'series.upcoming': 'À paraître', 'series.under_way': 'En route',
    'series.monitored': 'surveillée', 'series.unmonitored': 'non surveillée',
    'series.select': 'Sélectionner {title}', 'series.select.page': 'Tout sélectionner sur cette page',
    'series.selected': '{n} sélectionnées', 'series.selected.one': '{n} sélectionnée', 'series.selection.clear': 'Désélectionner',
    'series.action.monitor': 'Surveiller', 'series.action.unmonitor': 'Ne plus surveiller', 'series.action.search': 'Rechercher maintenant',
    'series.action.monitor.done': '{n} séries surveillées.', 'series.action.monitor.done.one': '{n} série surveillée.',
    'series.action.unmonitor.done': '{n} séries ne sont plus surveillées.', 'series.action.unmonitor.done.one': '{n} série n’est plus surveillée.',
    'series.action.search.confirm': 'Rechercher maintenant les tomes manquants de {n} séries ? Ce qui est choisi sera envoyé au client si le téléchargement automatique est activé.',
    'series.action.search.confirm.one': 'Rechercher maintenant les tomes manquants de cette série ? Ce qui est choisi sera envoyé au client si le téléchargement automatique est activé.',
    'series.action.search.done': 'Recherche faite. Séries : {series}, requêtes : {searches}, envois : {sent}.',
    'series.action.search.problems': 'Problèmes : {list}',
    'series.page': '{from}–{to} sur {total}',
    'series.empty.library': 'Aucune bibliothèque pour l’instant. Ajoutez le dossier de vos mangas dans Réglages, puis scannez-le.',
    'series.empty.scan': 'La bibliothèque ne contient encore aucune série. Scannez-la dans Réglages.',
    'series.empty.search': 'Aucune série ne correspond à « {q} ».',
    'series.empty.monitored': 'Aucune série surveillée. Cochez des séries ci-dessous puis « Surveiller » : Kanzen cherchera leurs tomes manquants.',
    'series.empty.unmonitored': 'Toutes vos séries sont surveillées.',
    'series.to_settings': 'Aller aux réglages',
    'series.status.ongoing': 'en cours', 'series.status.finished': 'terminée', 'series.status.upcoming': 'à paraître',
    'series.status.abandoned': 'abandonnée', 'series.status.on_hold': 'en pause', 'series.status.unknown': 'statut inconnu',
  },
  en: {
    'series.line': '{label}: {value}', 'series.find': 'Find', 'series.find.placeholder': 'Title…', 'series.filter': 'Filter', 'series.filter.all': 'All',
    'series.filter.missing': 'Finished, with missing volumes', 'series.filter.to_complete': 'Ongoing, to complete',
    'series.section.monitored': 'Monitored', 'series.section.unmonitored': 'Not monitored',
    'series.local': 'Owned', 'series.published': 'Published ({edition})', 'series.published.unknown': 'unknown', 'series.missing': 'Missing', 'series.upcoming': 'Upcoming', 'series.under_way': 'On their way',
    'series.monitored': 'monitored', 'series.unmonitored': 'not monitored',
    'series.select': 'Select {title}', 'series.select.page': 'Select all on this page',
    'series.selected': '{n} selected', 'series.selected.one': '{n} selected', 'series.selection.clear': 'Clear selection',
    'series.action.monitor': 'Monitor', 'series.action.unmonitor': 'Stop monitoring', 'series.action.search': 'Search now',
    'series.action.monitor.done': '{n} series monitored.', 'series.action.monitor.done.one': '{n} series monitored.',
    'series.action.unmonitor.done': '{n} series no longer monitored.', 'series.action.unmonitor.done.one': '{n} series no longer monitored.',
    'series.action.search.confirm': 'Search now for the missing volumes of {n} series? What is chosen is sent to the client when automatic download is on.',
    'series.action.search.confirm.one': 'Search now for the missing volumes of this series? What is chosen is sent to the client when automatic download is on.',
    'series.action.search.done': 'Search done. Series: {series}, requests: {searches}, sent: {sent}.',
    'series.action.search.problems': 'Problems: {list}',
    'series.page': '{from}–{to} of {total}',
    'series.empty.library': 'No library yet. Add the folder of your manga in Settings, then scan it.',
    'series.empty.scan': 'The library holds no series yet. Scan it in Settings.',
    'series.empty.search': 'No series matches “{q}”.',
    'series.empty.monitored': 'No series monitored. Tick series below, then “Monitor”: Kanzen will look for their missing volumes.',
    'series.empty.unmonitored': 'All your series are monitored.',
    'series.to_settings': 'Go to settings',
    'series.status.ongoing': 'ongoing', 'series.status.finished': 'finished', 'series.status.upcoming': 'upcoming',
    'series.status.abandoned': 'abandoned', 'series.status.on_hold': 'on hold', 'series.status.unknown': 'status unknown',
  },
});

const PAGE_SIZE = 50;
// kept while the app runs: coming back from a series' page finds the list as it was left
const state = { q: '', filter: 'all', offsets: { yes: 0, no: 0 }, selected: new Set() };

function query(monitored) {
  return '/api/series?monitored=' + monitored + '&filter=' + state.filter + '&q=' + encodeURIComponent(state.q)
    + '&offset=' + state.offsets[monitored] + '&limit=' + PAGE_SIZE;
}

/** A text agreeing with a count: its ".one" form for one (and for zero in French), the plural form otherwise. */
const counted = (key, n, params) => t(n === 1 || (n === 0 && lang() === 'fr') ? key + '.one' : key, params);

/** "Manquants : 1–97" in French, "Missing: 1–97" in English. */
const line = (key, value) => t('series.line', { label: t(key), value });

function card(s, onSelect) {
  const box = el('input', { type: 'checkbox', class: 'series-select', checked: state.selected.has(s.id), data: { id: s.id },
    'aria-label': t('series.select', { title: s.title }) });
  box.addEventListener('change', () => { if (box.checked) state.selected.add(s.id); else state.selected.delete(s.id); onSelect(); });
  const status = t('series.status.' + s.status);
  return el('article', { class: 'card series-card' + (s.monitored ? ' monitored' : ' unmonitored'), data: { series: s.title, id: s.id } },
    el('div', { class: 'series-card-head' }, box,
      el('h3', {}, el('a', { href: '#/series/' + s.id, text: s.title }))),
    el('span', { class: 'badge ' + (s.monitored ? 'badge-on' : 'badge-off'), text: t(s.monitored ? 'series.monitored' : 'series.unmonitored') }),
    el('div', { text: line('series.local', fmtRanges(s.owned) || '–') }),
    el('div', { class: 'series-published', text: t('series.line', { label: t('series.published', { edition: String(s.edition).toUpperCase() }),
      value: (s.published == null ? t('series.published.unknown') : fmtNumber(s.published)) + (s.status === 'unknown' ? '' : ' · ' + status) }) }),
    el('div', { class: 'series-missing' + (s.missing_count ? ' missing' : ''), text: line('series.missing', fmtRanges(s.missing) || t('common.none')) }),
    s.under_way.length ? el('div', { class: 'series-under-way', text: line('series.under_way', fmtRanges(s.under_way)) }) : null,
    s.not_yet.length ? el('div', { class: 'series-upcoming', text: line('series.upcoming', fmtRanges(s.not_yet)) }) : null);
}

export default {
  id: 'series',
  tab: 'tab.series',
  async render(view) {
    const q = el('input', { id: 'series-q', type: 'search', value: state.q, placeholder: t('series.find.placeholder') });
    const filter = el('select', { id: 'series-filter' },
      ['all', 'missing', 'to_complete'].map((f) => el('option', { value: f, text: t('series.filter.' + f), selected: f === state.filter })));
    const count = el('span', { id: 'series-selected', class: 'badge', 'aria-live': 'polite' });
    const buttons = ['monitor', 'unmonitor', 'search'].map((a) => el('button', { type: 'button', id: 'series-' + a,
      class: a === 'search' ? '' : 'secondary', text: t('series.action.' + a), data: { action: a } }));
    const clearSel = el('button', { type: 'button', class: 'secondary', id: 'series-clear', text: t('series.selection.clear') });
    const bar = el('div', { class: 'toolbar series-actions', id: 'series-actions', role: 'region', 'aria-label': t('series.action.search') },
      count, buttons, clearSel);
    const sections = { yes: el('section', { id: 'series-monitored', class: 'series-section' }),
      no: el('section', { id: 'series-unmonitored', class: 'series-section' }) };
    const empty = el('div', { id: 'series-empty' });

    const updateBar = () => {
      const n = state.selected.size;
      count.textContent = counted('series.selected', n, { n });
      bar.hidden = n === 0;
    };

    const drawSection = (monitored, page) => {
      const box = sections[monitored];
      const title = t(monitored === 'yes' ? 'series.section.monitored' : 'series.section.unmonitored');
      const total = monitored === 'yes' ? page.monitored_total : page.unmonitored_total;
      const all = el('input', { type: 'checkbox', class: 'series-select-page', 'aria-label': t('series.select.page') });
      all.checked = page.items.length > 0 && page.items.every((s) => state.selected.has(s.id));
      const list = el('div', { class: 'grid series-list' });
      all.addEventListener('change', () => {
        page.items.forEach((s) => { if (all.checked) state.selected.add(s.id); else state.selected.delete(s.id); });
        list.querySelectorAll('.series-select').forEach((b) => { b.checked = all.checked; });
        updateBar();
      });
      page.items.forEach((s) => list.append(card(s, () => {
        all.checked = page.items.every((x) => state.selected.has(x.id));
        updateBar();
      })));
      const pager = page.total > PAGE_SIZE ? el('div', { class: 'actions pager' },
        el('button', { type: 'button', class: 'secondary', text: t('common.previous'), disabled: page.offset === 0,
          on: { click: () => { state.offsets[monitored] = Math.max(0, page.offset - PAGE_SIZE); loadSection(monitored); } } }),
        el('span', { text: t('series.page', { from: fmtNumber(page.offset + 1), to: fmtNumber(Math.min(page.offset + PAGE_SIZE, page.total)),
          total: fmtNumber(page.total) }) }),
        el('button', { type: 'button', class: 'secondary', text: t('common.next'), disabled: page.offset + PAGE_SIZE >= page.total,
          on: { click: () => { state.offsets[monitored] = page.offset + PAGE_SIZE; loadSection(monitored); } } })) : null;
      box.replaceChildren(...[
        el('h2', {}, el('label', { class: 'series-section-title' }, page.items.length ? all : null,
          el('span', { text: title + ' (' + fmtNumber(total) + ')' }))),
        page.items.length ? list : el('p', { class: 'muted series-section-empty',
          text: t(state.q || state.filter !== 'all' ? 'series.empty.search' : 'series.empty.' + (monitored === 'yes' ? 'monitored' : 'unmonitored'),
            { q: state.q || t('series.filter.' + state.filter) }) }),
        pager].filter(Boolean));
    };

    const loadSection = async (monitored) => {
      const page = await api('GET', query(monitored));
      if (page.items.length === 0 && page.offset > 0) { // the list shrank under the current page: back to its last page
        state.offsets[monitored] = Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE);
        return loadSection(monitored);
      }
      drawSection(monitored, page);
      return page;
    };

    const load = async () => {
      const [on, off] = await Promise.all([loadSection('yes'), loadSection('no')]);
      const none = on.monitored_total + on.unmonitored_total === 0;
      sections.yes.hidden = none;
      sections.no.hidden = none;
      empty.replaceChildren();
      if (none) {
        if (state.q || state.filter !== 'all') {
          empty.append(emptyState(t('series.empty.search', { q: state.q || t('series.filter.' + state.filter) })));
        } else {
          empty.append(emptyState(t(on.library_empty ? 'series.empty.library' : 'series.empty.scan'), t('series.to_settings'),
            () => { location.hash = '#/settings'; }));
        }
      }
      return off;
    };

    for (const b of buttons) {
      b.addEventListener('click', () => busy(b, async () => {
        const action = b.dataset.action;
        const ids = [...state.selected];
        if (!ids.length) return;
        if (action === 'search' && !(await confirmDialog(counted('series.action.search.confirm', ids.length, { n: ids.length }),
          { confirmLabel: t('series.action.search') }))) return;
        const r = await api('POST', '/api/series/actions', { action, ids });
        if (action === 'search') {
          const problems = [...r.problems.map(problemText), ...r.series.flatMap((s) => s.problems.map((p) => s.title + ' : ' + problemText(p)))];
          feedback(bar, t('series.action.search.done', { series: r.series.length, searches: r.searches, sent: r.sent })
            + (problems.length ? ' ' + t('series.action.search.problems', { list: problems.join(' · ') }) : ''),
            problems.length ? 'error' : 'ok');
        } else {
          state.selected.clear();
          updateBar();
          await load();
          feedback(bar, counted('series.action.' + action + '.done', r.changed, { n: r.changed }), 'ok');
          bar.hidden = false; // the message stays in sight even with nothing selected
          count.textContent = counted('series.selected', 0, { n: 0 });
        }
      }));
    }
    clearSel.addEventListener('click', () => {
      state.selected.clear();
      view.querySelectorAll('.series-select, .series-select-page').forEach((b) => { b.checked = false; });
      feedback(bar, null);
      updateBar();
    });

    let typing = null;
    q.addEventListener('input', () => {
      state.q = q.value;
      state.offsets = { yes: 0, no: 0 };
      clearTimeout(typing);
      typing = setTimeout(load, 250);
    });
    filter.addEventListener('change', () => { state.filter = filter.value; state.offsets = { yes: 0, no: 0 }; load(); });

    view.append(el('div', { class: 'toolbar' },
      el('label', {}, el('span', { text: t('series.find') }), q),
      el('label', {}, el('span', { text: t('series.filter') }), filter)),
    bar, empty, sections.yes, sections.no);
    updateBar();
    await load();
  },
};

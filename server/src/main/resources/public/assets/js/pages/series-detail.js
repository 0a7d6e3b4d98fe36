// One series: its volume grid (owned, missing, sent, downloading, upcoming with its date), what the metadata source
// said, its settings as a form (errors next to the field), "search now" with every candidate and why, its downloads
// and its history. Reached from the series list (#/series/42).
import { api } from '../api.js';
import { t, addTexts, has, lang, fmtRanges, fmtDate, fmtDateTime, fmtSize, fmtNumber, errorText, problemText } from '../i18n.js';
import { eventText, eventDetail, technicalDetail } from '../history-text.js';
import { el, busy, feedback, confirmDialog, fieldError } from '../ui.js';
import { explanation } from '../explain.js';

const STATES = ['owned', 'missing', 'sent', 'downloading', 'upcoming'];

addTexts({
  fr: {
    'series-detail.line': '{label} : {value}', 'series-detail.back': '← Séries', 'series-detail.unknown': 'Série introuvable : elle a peut-être disparu au dernier scan.',
    'series-detail.monitored': 'surveillée', 'series-detail.unmonitored': 'non surveillée',
    'series-detail.volumes': 'Tomes', 'series-detail.state.owned': 'possédé', 'series-detail.state.missing': 'manquant',
    'series-detail.state.sent': 'envoyé', 'series-detail.state.downloading': 'en téléchargement', 'series-detail.state.upcoming': 'à paraître',
    'series-detail.volume.title': 'Tome {n} : {state}', 'series-detail.volume.date': 'parution le {date}',
    'series-detail.volume.progress': '{p} %', 'series-detail.none': 'Aucun tome connu : scannez la bibliothèque.',
    'series-detail.next': 'Prochain tome : {n}, le {date}', 'series-detail.missing': 'Manquants : {list}',
    'series-detail.info': 'Informations', 'series-detail.library': 'Bibliothèque', 'series-detail.folder': 'Dossier',
    'series-detail.files': 'Fichiers', 'series-detail.edition': 'Édition suivie', 'series-detail.vf': 'Édition française (VF)',
    'series-detail.vo': 'Édition originale (VO)', 'series-detail.count': '{n} {n|tome|tomes}', 'series-detail.count.unknown': 'nombre inconnu',
    'series-detail.publishers': 'Éditeur', 'series-detail.page': 'Page de la série', 'series-detail.fetched': 'Mise à jour',
    'series-detail.nometa': 'Pas encore de métadonnées : ajoutez une source de métadonnées (Nautiljon) dans Réglages, ou épinglez la page de la série dans les réglages ci-dessous.',
    'series-detail.status.ongoing': 'en cours', 'series-detail.status.finished': 'terminée', 'series-detail.status.upcoming': 'à paraître',
    'series-detail.status.abandoned': 'abandonnée', 'series-detail.status.on_hold': 'en pause', 'series-detail.status.unknown': 'statut inconnu',
    'series-detail.settings': 'Réglages de la série', 'series-detail.global': 'Réglage global ({value})', 'series-detail.global.any': 'Réglage global',
    'series-detail.f.enabled': 'Surveiller cette série', 'series-detail.f.edition': 'Édition comptée',
    'series-detail.f.language': 'Langue des sorties', 'series-detail.f.autoDownload': 'Téléchargement automatique',
    'series-detail.f.client': 'Client de téléchargement', 'series-detail.f.sources': 'Sources',
    'series-detail.f.sources.help': 'Aucune cochée : les sources des réglages globaux.', 'series-detail.f.sources.none': 'Aucune source configurée.',
    'series-detail.f.minMegabytes': 'Taille minimale (Mo)', 'series-detail.f.maxMegabytes': 'Taille maximale (Mo)',
    'series-detail.f.requiredWords': 'Mots requis', 'series-detail.f.ignoredWords': 'Mots exclus', 'series-detail.f.aliases': 'Autres titres',
    'series-detail.f.list.help': 'séparés par des virgules', 'series-detail.f.number': 'Un nombre entier de mégaoctets, ou vide.', 'series-detail.f.pinnedUrl': 'Page de métadonnées épinglée',
    'series-detail.f.releaseEdition': 'Édition collectionnée', 'series-detail.f.releaseEdition.regular': 'régulière',
    'series-detail.f.acceptUntagged': 'Accepter les sorties sans langue indiquée', 'series-detail.on': 'oui', 'series-detail.off': 'non',
    'series-detail.lang.fr': 'français', 'series-detail.lang.en': 'anglais', 'series-detail.lang.ja': 'japonais', 'series-detail.lang.de': 'allemand',
    'series-detail.lang.it': 'italien', 'series-detail.lang.es': 'espagnol', 'series-detail.lang.ko': 'coréen', 'series-detail.lang.zh': 'chinois',
    'series-detail.lang.multi': 'multilingue',
    'series-detail.search': 'Rechercher maintenant', 'series-detail.search.help': 'Interroge les sources et explique chaque décision ; rien n’est envoyé sans votre clic.',
    'series-detail.search.none': 'Aucun résultat pour cette série.', 'series-detail.search.nothing': 'Rien à chercher : aucun tome ne manque.',
    'series-detail.search.unasked': 'Aucune source interrogée : les tomes manquants sont déjà en route, ou aucune source n’est active (Réglages, Configuration).', 'series-detail.search.count': '{n} {n|résultat|résultats}, {chosen} {chosen|choisi|choisis}.',
    'series-detail.search.wanted': 'Cherchés : {list}', 'series-detail.search.problems': 'Problèmes : {list}',
    'series-detail.c.decision': 'Décision', 'series-detail.c.release': 'Sortie', 'series-detail.c.volume': 'Tomes', 'series-detail.c.language': 'Langue',
    'series-detail.c.size': 'Taille', 'series-detail.c.seeders': 'Sources', 'series-detail.c.score': 'Score', 'series-detail.c.reasons': 'Raisons',
    'series-detail.d.chosen': 'choisi', 'series-detail.d.accepted': 'accepté', 'series-detail.d.rejected': 'refusé',
    'series-detail.send': 'Envoyer', 'series-detail.sent': 'Envoyé à {client}.',
    'series-detail.send.owned': 'Cette sortie apporte un tome déjà dans la bibliothèque. L’envoyer quand même ?',
    'series-detail.send.held': 'Cette sortie apporte un tome déjà en route (téléchargement en cours). L’envoyer quand même ?',
    'series-detail.send.same_link': 'Cette sortie a déjà été envoyée. L’envoyer encore ?', 'series-detail.send.anyway': 'Envoyer quand même',
    'series-detail.reason.WRONG_SERIES': 'une autre série', 'series-detail.reason.VOLUME_NOT_WANTED': 'tomes non voulus',
    'series-detail.reason.CHAPTER_NOT_VOLUME': 'chapitre, pas un tome', 'series-detail.reason.EDITION': 'autre édition',
    'series-detail.reason.LANGUAGE': 'autre langue', 'series-detail.reason.LANGUAGE_UNKNOWN': 'langue non indiquée',
    'series-detail.reason.FORMAT': 'format refusé', 'series-detail.reason.SIZE': 'taille hors limites', 'series-detail.reason.NO_SEEDERS': 'aucune source',
    'series-detail.reason.BLOCKED': 'sortie bloquée', 'series-detail.reason.ALREADY_GRABBED': 'déjà envoyée',
    'series-detail.reason.ALREADY_QUEUED': 'tome déjà en cours', 'series-detail.reason.BELOW_MINIMUM_SCORE': 'score trop bas',
    'series-detail.reason.SCORER': 'refusée par une règle',
    'series-detail.part.series': 'bonne série', 'series-detail.part.volumes': 'tomes voulus', 'series-detail.part.language': 'langue',
    'series-detail.part.format': 'format', 'series-detail.part.seeders': 'sources', 'series-detail.part.untagged': 'sans langue',
    'series-detail.downloads': 'Téléchargements', 'series-detail.downloads.none': 'Aucun téléchargement pour cette série.',
    'series-detail.g.date': 'Date', 'series-detail.g.volume': 'Tome', 'series-detail.g.state': 'État', 'series-detail.g.client': 'Client',
    'series-detail.g.release': 'Sortie',
    'series-detail.grab.sending': 'envoi en cours', 'series-detail.grab.sent': 'envoyé', 'series-detail.grab.failed': 'refusé par le client',
    'series-detail.grab.imported': 'importé', 'series-detail.grab.download_failed': 'échec du téléchargement', 'series-detail.grab.cancelled': 'annulé',
    'series-detail.history': 'Historique', 'series-detail.history.none': 'Rien encore pour cette série.',
    'series-detail.h.date': 'Date', 'series-detail.h.kind': 'Type', 'series-detail.h.detail': 'Détail',
    'series-detail.kind.SEARCH': 'recherche', 'series-detail.kind.GRAB': 'envoi', 'series-detail.kind.FAILURE': 'échec',
    'series-detail.kind.IMPORT': 'import', 'series-detail.kind.IMPORT_FAILED': 'import échoué', 'series-detail.kind.DOWNLOAD_FAILED': 'téléchargement échoué',
    'series-detail.kind.STALLED': 'téléchargement bloqué', 'series-detail.kind.DOWNLOAD_CONTROL': 'action manuelle',
    'series-detail.h.results': '{n} {n|résultat|résultats}',
    'series-detail.monitor': 'Surveiller', 'series-detail.unmonitor': 'Ne plus surveiller',
  },
  en: {
    'series-detail.line': '{label}: {value}', 'series-detail.back': '← Series', 'series-detail.unknown': 'No such series: it may have gone at the last scan.',
    'series-detail.monitored': 'monitored', 'series-detail.unmonitored': 'not monitored',
    'series-detail.volumes': 'Volumes', 'series-detail.state.owned': 'owned', 'series-detail.state.missing': 'missing',
    'series-detail.state.sent': 'sent', 'series-detail.state.downloading': 'downloading', 'series-detail.state.upcoming': 'upcoming',
    'series-detail.volume.title': 'Volume {n}: {state}', 'series-detail.volume.date': 'out on {date}',
    'series-detail.volume.progress': '{p} %', 'series-detail.none': 'No volume known: scan the library.',
    'series-detail.next': 'Next volume: {n}, on {date}', 'series-detail.missing': 'Missing: {list}',
    'series-detail.info': 'Details', 'series-detail.library': 'Library', 'series-detail.folder': 'Folder',
    'series-detail.files': 'Files', 'series-detail.edition': 'Edition followed', 'series-detail.vf': 'French edition (VF)',
    'series-detail.vo': 'Original edition (VO)', 'series-detail.count': '{n} {n|volume|volumes}', 'series-detail.count.unknown': 'count unknown',
    'series-detail.publishers': 'Publisher', 'series-detail.page': 'Series page', 'series-detail.fetched': 'Updated',
    'series-detail.nometa': 'No metadata yet: add a metadata source (Nautiljon) in Settings, or pin the series’ page in the settings below.',
    'series-detail.status.ongoing': 'ongoing', 'series-detail.status.finished': 'finished', 'series-detail.status.upcoming': 'upcoming',
    'series-detail.status.abandoned': 'abandoned', 'series-detail.status.on_hold': 'on hold', 'series-detail.status.unknown': 'status unknown',
    'series-detail.settings': 'Series settings', 'series-detail.global': 'Global setting ({value})', 'series-detail.global.any': 'Global setting',
    'series-detail.f.enabled': 'Monitor this series', 'series-detail.f.edition': 'Edition counted',
    'series-detail.f.language': 'Release language', 'series-detail.f.autoDownload': 'Automatic download',
    'series-detail.f.client': 'Download client', 'series-detail.f.sources': 'Sources',
    'series-detail.f.sources.help': 'None ticked: the global settings’ sources.', 'series-detail.f.sources.none': 'No source configured.',
    'series-detail.f.minMegabytes': 'Smallest size (MB)', 'series-detail.f.maxMegabytes': 'Largest size (MB)',
    'series-detail.f.requiredWords': 'Required words', 'series-detail.f.ignoredWords': 'Excluded words', 'series-detail.f.aliases': 'Other titles',
    'series-detail.f.list.help': 'separated by commas', 'series-detail.f.number': 'A whole number of megabytes, or empty.', 'series-detail.f.pinnedUrl': 'Pinned metadata page',
    'series-detail.f.releaseEdition': 'Edition collected', 'series-detail.f.releaseEdition.regular': 'regular',
    'series-detail.f.acceptUntagged': 'Accept releases showing no language', 'series-detail.on': 'yes', 'series-detail.off': 'no',
    'series-detail.lang.fr': 'French', 'series-detail.lang.en': 'English', 'series-detail.lang.ja': 'Japanese', 'series-detail.lang.de': 'German',
    'series-detail.lang.it': 'Italian', 'series-detail.lang.es': 'Spanish', 'series-detail.lang.ko': 'Korean', 'series-detail.lang.zh': 'Chinese',
    'series-detail.lang.multi': 'multilingual',
    'series-detail.search': 'Search now', 'series-detail.search.help': 'Asks the sources and explains each decision; nothing is sent until you click.',
    'series-detail.search.none': 'No result for this series.', 'series-detail.search.nothing': 'Nothing to look for: no volume is missing.',
    'series-detail.search.unasked': 'No source was asked: the missing volumes are on their way, or no source is active (Settings, Configuration).', 'series-detail.search.count': '{n} {n|result|results}, {chosen} chosen.',
    'series-detail.search.wanted': 'Looked for: {list}', 'series-detail.search.problems': 'Problems: {list}',
    'series-detail.c.decision': 'Decision', 'series-detail.c.release': 'Release', 'series-detail.c.volume': 'Volumes', 'series-detail.c.language': 'Language',
    'series-detail.c.size': 'Size', 'series-detail.c.seeders': 'Seeders', 'series-detail.c.score': 'Score', 'series-detail.c.reasons': 'Reasons',
    'series-detail.d.chosen': 'chosen', 'series-detail.d.accepted': 'accepted', 'series-detail.d.rejected': 'rejected',
    'series-detail.send': 'Send', 'series-detail.sent': 'Sent to {client}.',
    'series-detail.send.owned': 'This release brings a volume already in the library. Send it anyway?',
    'series-detail.send.held': 'This release brings a volume already on its way (downloading). Send it anyway?',
    'series-detail.send.same_link': 'This release was already sent. Send it again?', 'series-detail.send.anyway': 'Send anyway',
    'series-detail.reason.WRONG_SERIES': 'another series', 'series-detail.reason.VOLUME_NOT_WANTED': 'volumes not wanted',
    'series-detail.reason.CHAPTER_NOT_VOLUME': 'a chapter, not a volume', 'series-detail.reason.EDITION': 'another edition',
    'series-detail.reason.LANGUAGE': 'another language', 'series-detail.reason.LANGUAGE_UNKNOWN': 'language not shown',
    'series-detail.reason.FORMAT': 'format refused', 'series-detail.reason.SIZE': 'size out of bounds', 'series-detail.reason.NO_SEEDERS': 'no seeders',
    'series-detail.reason.BLOCKED': 'release blocklisted', 'series-detail.reason.ALREADY_GRABBED': 'already sent',
    'series-detail.reason.ALREADY_QUEUED': 'volume already on its way', 'series-detail.reason.BELOW_MINIMUM_SCORE': 'score too low',
    'series-detail.reason.SCORER': 'refused by a rule',
    'series-detail.part.series': 'right series', 'series-detail.part.volumes': 'wanted volumes', 'series-detail.part.language': 'language',
    'series-detail.part.format': 'format', 'series-detail.part.seeders': 'seeders', 'series-detail.part.untagged': 'untagged',
    'series-detail.downloads': 'Downloads', 'series-detail.downloads.none': 'No download for this series.',
    'series-detail.g.date': 'Date', 'series-detail.g.volume': 'Volume', 'series-detail.g.state': 'State', 'series-detail.g.client': 'Client',
    'series-detail.g.release': 'Release',
    'series-detail.grab.sending': 'sending', 'series-detail.grab.sent': 'sent', 'series-detail.grab.failed': 'refused by the client',
    'series-detail.grab.imported': 'imported', 'series-detail.grab.download_failed': 'download failed', 'series-detail.grab.cancelled': 'cancelled',
    'series-detail.history': 'History', 'series-detail.history.none': 'Nothing yet for this series.',
    'series-detail.h.date': 'Date', 'series-detail.h.kind': 'Type', 'series-detail.h.detail': 'Detail',
    'series-detail.kind.SEARCH': 'search', 'series-detail.kind.GRAB': 'sent', 'series-detail.kind.FAILURE': 'failure',
    'series-detail.kind.IMPORT': 'import', 'series-detail.kind.IMPORT_FAILED': 'import failed', 'series-detail.kind.DOWNLOAD_FAILED': 'download failed',
    'series-detail.kind.STALLED': 'download stalled', 'series-detail.kind.DOWNLOAD_CONTROL': 'manual action',
    'series-detail.h.results': '{n} {n|result|results}',
    'series-detail.monitor': 'Monitor', 'series-detail.unmonitor': 'Stop monitoring',
  },
});

const T = (k, p) => t('series-detail.' + k, p);
const langName = (l) => (has('series-detail.lang.' + l) ? T('lang.' + l) : l);

function volumeGrid(d) {
  if (!d.volumes.length) return el('p', { class: 'muted', text: T('none') });
  const counts = {};
  STATES.forEach((s) => { counts[s] = 0; });
  const cells = d.volumes.map((v) => {
    counts[v.state] += 1;
    const extra = v.state === 'upcoming' && v.date ? T('volume.date', { date: fmtDate(v.date) })
      : v.state === 'downloading' && v.progress != null ? T('volume.progress', { p: Math.round(v.progress * 100) }) : '';
    const label = T('volume.title', { n: v.number, state: T('state.' + v.state) }) + (extra ? ' — ' + extra : '');
    return el('li', { class: 'vol vol-' + v.state, title: label, 'aria-label': label, data: { volume: v.number, state: v.state } },
      el('span', { class: 'vol-n', text: v.number }),
      v.state === 'upcoming' && v.date ? el('span', { class: 'vol-date', text: fmtDate(v.date) }) : null);
  });
  const legend = el('ul', { class: 'vol-legend' }, STATES.filter((s) => counts[s]).map((s) =>
    el('li', {}, el('span', { class: 'vol-swatch vol-' + s, 'aria-hidden': 'true' }), T('line', { label: T('state.' + s), value: fmtNumber(counts[s]) }))));
  return el('div', {}, legend, el('ul', { class: 'vol-grid', id: 'volume-grid' }, cells));
}

function editionLine(label, e) {
  if (!e) return null;
  const parts = [e.count != null ? T('count', { n: e.count }) : T('count.unknown'), T('status.' + e.status)];
  if (e.publishers && e.publishers.length) parts.push(T('line', { label: T('publishers'), value: e.publishers.join(', ') }));
  return [el('dt', { text: label }), el('dd', { text: parts.join(' · ') })];
}

function info(d) {
  const m = d.metadata;
  const dl = el('dl', { class: 'series-info' },
    el('dt', { text: T('library') }), el('dd', { text: d.library }),
    el('dt', { text: T('folder') }), el('dd', { class: 'path', text: d.folder }),
    el('dt', { text: T('files') }), el('dd', { text: fmtNumber(d.files) }),
    el('dt', { text: T('edition') }), el('dd', { text: String(d.edition).toUpperCase() }));
  if (!m) return el('div', {}, dl, el('p', { class: 'muted', id: 'series-nometa', text: T('nometa') }));
  dl.append(...[editionLine(T('vf'), m.vf), editionLine(T('vo'), m.vo)].filter(Boolean).flat());
  if (m.url) {
    dl.append(el('dt', { text: T('page') }), el('dd', {}, el('a', { href: m.url, target: '_blank', rel: 'noopener noreferrer', id: 'series-meta-link',
      text: (m.title || m.url) + ' (' + m.source + ')' })));
  }
  dl.append(el('dt', { text: T('fetched') }), el('dd', { text: fmtDateTime(m.fetched_at) }));
  return dl;
}

/** A select whose first option is "the global setting" (empty value). */
function select(name, current, options, globalValue) {
  const first = el('option', { value: '', text: globalValue != null && globalValue !== '' ? T('global', { value: globalValue }) : T('global.any') });
  return el('select', { name, id: 'sd-' + name },
    first, options.map(([value, text]) => el('option', { value, text, selected: current != null && String(current) === value })));
}

function field(name, control, help) {
  return el('div', { class: 'sd-field', data: { field: name } },
    el('label', { for: control.id, text: T('f.' + name) }), control, help ? el('small', { class: 'muted', text: help }) : null);
}

function settingsForm(d, reload) {
  const s = d.settings;
  const def = d.defaults || {};
  const onOff = [['true', T('on')], ['false', T('off')]];
  const yesNo = (v) => (v == null ? null : v ? T('on') : T('off'));
  const text = (name, value, type = 'text') => el('input', { type, name, id: 'sd-' + name, value: value ?? '' });
  const list = (name) => text(name, (s[name] || []).join(', '));
  const enabled = el('input', { type: 'checkbox', name: 'enabled', id: 'sd-enabled', checked: s.enabled });
  const sources = d.choices.sources.length ? el('div', { class: 'sd-checks', id: 'sd-sources' }, d.choices.sources.map((n) =>
    el('label', {}, el('input', { type: 'checkbox', name: 'sources', value: n, checked: s.sources.some((x) => x.toLowerCase() === n.toLowerCase()) }), n)))
    : el('p', { class: 'muted', id: 'sd-sources', text: T('f.sources.none') });
  const save = el('button', { type: 'submit', id: 'sd-save', text: t('common.save') });
  const form = el('form', { id: 'series-settings', class: 'sd-form', novalidate: true },
    el('div', { class: 'sd-field sd-wide', data: { field: 'enabled' } }, el('label', {}, enabled, T('f.enabled'))),
    field('edition', select('edition', s.edition, [['vf', 'VF'], ['vo', 'VO']], String(def.edition || '').toUpperCase())),
    field('language', select('language', s.language, d.choices.languages.map((l) => [l, langName(l)]), def.language ? langName(def.language) : null)),
    field('client', select('client', s.client, d.choices.clients.map((c) => [c, c]), def.client)),
    field('autoDownload', select('autoDownload', s.autoDownload, onOff, yesNo(def.autoDownload))),
    el('fieldset', { class: 'sd-field sd-wide', data: { field: 'sources' } }, el('legend', { text: T('f.sources') }), sources,
      el('small', { class: 'muted', text: T('f.sources.help') })),
    field('minMegabytes', el('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', name: 'minMegabytes', id: 'sd-minMegabytes',
      value: s.minMegabytes ?? '' })),
    field('maxMegabytes', el('input', { type: 'number', min: '0', step: '1', inputmode: 'numeric', name: 'maxMegabytes', id: 'sd-maxMegabytes',
      value: s.maxMegabytes ?? '' })),
    field('requiredWords', list('requiredWords'), T('f.list.help')),
    field('ignoredWords', list('ignoredWords'), T('f.list.help')),
    field('aliases', list('aliases'), T('f.list.help')),
    field('pinnedUrl', text('pinnedUrl', s.pinnedUrl, 'url')),
    field('releaseEdition', select('releaseEdition', s.releaseEdition, d.choices.releaseEditions.map((e) => [e, has('edition.' + e) ? t('edition.' + e) : e]), T('f.releaseEdition.regular'))),
    field('acceptUntagged', select('acceptUntagged', s.acceptUntagged, onOff, yesNo(def.acceptUntagged))),
    el('div', { class: 'actions sd-wide' }, save));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    form.querySelectorAll('.field-error').forEach((e) => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach((e) => fieldError(e, null));
    const v = (name) => form.elements[name].value;
    const body = {
      enabled: enabled.checked, edition: v('edition'), language: v('language'), client: v('client'), autoDownload: v('autoDownload'),
      sources: [...form.querySelectorAll('input[name=sources]:checked')].map((b) => b.value),
      minMegabytes: v('minMegabytes'), maxMegabytes: v('maxMegabytes'), requiredWords: v('requiredWords'), ignoredWords: v('ignoredWords'),
      aliases: v('aliases'), pinnedUrl: v('pinnedUrl'), releaseEdition: v('releaseEdition'), acceptUntagged: v('acceptUntagged'),
    };
    // a number field holding letters reads as empty: say so here rather than save "no limit"
    for (const n of ['minMegabytes', 'maxMegabytes']) {
      if (form.elements[n].validity.badInput) { fieldError(form.elements[n], T('f.number')); return; }
    }
    busy(save, async () => {
      try {
        await api('POST', '/api/series/' + d.id + '/settings', body);
      } catch (e) {
        const box = e.field && form.querySelector('[data-field="' + CSS.escape(e.field) + '"]');
        if (!box) throw e; // said next to the button
        const target = box.querySelector('input:not([type=checkbox]), select') || box.querySelector('.sd-checks, p') || box;
        fieldError(target, errorText(e));
        target.focus && target.focus();
        return;
      }
      feedback(save, t('common.saved'), 'ok');
      reload();
    });
  });
  return form;
}

// Each reason is named in the user's language, then what the engine saw (which volumes, which size) by its code and
// values (explain.js); a scorer plugin's own sentence stays behind a disclosure outside English.
function reasons(c) {
  if (c.rejection_reasons && c.rejection_reasons.length) {
    return el('ul', { class: 'reasons' }, c.rejection_reasons.map((r) => {
      const known = has('series-detail.reason.' + r.reason);
      const said = explanation('rejection', r);
      return el('li', {}, el('strong', { text: known ? T('reason.' + r.reason) : r.reason }), said ? ' — ' : null, said);
    }));
  }
  return el('ul', { class: 'reasons' }, (c.score_breakdown || []).map((p) => {
    const said = explanation('score', p);
    return el('li', {}, (p.points > 0 ? '+' : '') + p.points + ' ' + (has('series-detail.part.' + p.name) ? T('part.' + p.name) : p.name),
      said ? ' — ' : null, said);
  }));
}

async function send(button, d, c, onSent) {
  const body = { link: c.link, title: d.title, volume_num: c.volume, client: d.settings.client || d.defaults.client || undefined };
  let grab;
  try {
    grab = await api('POST', '/api/missing-monitor/download', body);
  } catch (e) {
    if (e.status !== 409) throw e;
    const why = e.body && e.body.reason;
    const text = has('series-detail.send.' + why) ? T('send.' + why) : errorText(e);
    if (!(await confirmDialog(text, { confirmLabel: T('send.anyway') }))) return;
    grab = await api('POST', '/api/missing-monitor/download', { ...body, force: true });
  }
  feedback(button, T('sent', { client: grab.client }), 'ok');
  await onSent(); // the grid shows the volume on its way
}

function candidates(d, r, onSent) {
  const box = el('div', { id: 'series-candidates' });
  const chosen = r.candidates.filter((c) => c.chosen).length;
  box.append(el('p', {}, T('search.wanted', { list: fmtRanges(r.wanted_ranges) || t('common.none') }), ' · ',
    T('search.count', { n: r.candidates.length, chosen })));
  if (r.problems.length) {
    // a source's own English sentence only folded (histcodes)
    const details = r.problems.map((p) => p && p.params && p.params.detail).filter(Boolean).join(' · ');
    box.append(el('p', { class: 'feedback feedback-error', role: 'alert' }, T('search.problems', { list: r.problems.map(problemText).join(' · ') }),
      technicalDetail(details)));
  }
  if (!r.candidates.length) {
    const why = !r.wanted.length ? 'search.nothing' : r.searches === 0 ? 'search.unasked' : 'search.none';
    box.append(el('p', { class: 'muted', id: 'series-search-empty', text: T(why) }));
    return box;
  }
  const order = (c) => (c.chosen ? 0 : c.accepted ? 1 : 2);
  const rows = [...r.candidates].sort((a, b) => order(a) - order(b) || b.score - a.score);
  const head = ['decision', 'release', 'volume', 'language', 'size', 'seeders', 'score', 'reasons'].map((k) => el('th', { scope: 'col', text: T('c.' + k) }));
  box.append(el('div', { class: 'table-wrap' }, el('table', { class: 'candidates' }, el('thead', {}, el('tr', {}, head, el('th', {}))),
    el('tbody', {}, rows.map((c) => {
      const decision = c.chosen ? 'chosen' : c.accepted ? 'accepted' : 'rejected';
      const button = el('button', { type: 'button', class: c.chosen ? '' : 'secondary', text: T('send') });
      button.addEventListener('click', () => busy(button, () => send(button, d, c, onSent)));
      return el('tr', { class: 'cand-' + decision, data: { decision } },
        el('td', {}, el('span', { class: 'badge badge-' + decision, text: T('d.' + decision) })),
        el('td', { class: 'cand-title' }, c.title, el('br'), el('small', { class: 'muted', text: [c.source, c.indexer].filter(Boolean).join(' · ') })),
        el('td', { text: c.volume ? c.volume.replace('-', '–') : '–' }),
        el('td', { text: c.language ? langName(c.language) : '–' }),
        el('td', { class: 'nowrap', text: fmtSize(c.size) }),
        el('td', { text: c.seeders ?? '–' }),
        el('td', { text: c.score }),
        el('td', {}, reasons(c)),
        el('td', {}, button));
    })))));
  return box;
}

function grabsTable(d) {
  if (!d.grabs.length) return el('p', { class: 'muted', text: T('downloads.none') });
  return el('div', { class: 'table-wrap' }, el('table', { id: 'series-grabs' },
    el('thead', {}, el('tr', {}, ['date', 'volume', 'state', 'client', 'release'].map((k) => el('th', { scope: 'col', text: T('g.' + k) })))),
    el('tbody', {}, d.grabs.map((g) => el('tr', {},
      el('td', { text: fmtDateTime(g.sent_at) }), el('td', { text: g.volume || '–' }),
      el('td', { text: has('series-detail.grab.' + g.state) ? T('grab.' + g.state) : g.state }),
      el('td', { text: g.client }), el('td', { text: g.release || g.title }))))));
}

function historyTable(events) {
  if (!events.length) return el('p', { class: 'muted', text: T('history.none') });
  return el('div', { class: 'table-wrap' }, el('table', { id: 'series-history' },
    el('thead', {}, el('tr', {}, ['date', 'kind', 'detail'].map((k) => el('th', { scope: 'col', text: T('h.' + k) })))),
    el('tbody', {}, events.map((e) => {
      // what happened in the user's language (history-text.js); the English message only folded, as a technical detail
      const said = eventText(e);
      const facts = [e.source, e.client, e.volume ? String(e.volume.from === e.volume.to ? e.volume.from : e.volume.from + '–' + e.volume.to) : null,
        !said && e.results != null ? T('h.results', { n: e.results }) : null].filter((x) => x != null && x !== '').join(' · ');
      const kind = has('series-detail.kind.' + e.kind) ? T('kind.' + e.kind) : t('history.kind.' + String(e.kind).toLowerCase());
      return el('tr', { class: e.success ? '' : 'missing', data: { code: e.code || '' } },
        el('td', { text: fmtDateTime(e.at) }),
        el('td', { text: kind }),
        el('td', { class: 'sd-history-detail' }, said ? el('span', { class: 'history-text', text: said }) : null, said && facts ? ' · ' : null,
          facts, eventDetail(e, said || facts)));
    }))));
}

export default {
  id: 'series-detail',
  tab: null,
  parent: 'series',
  route: /^series\/(\d+)$/,
  async render(view, [id]) {
    view.append(el('p', {}, el('a', { href: '#/series', text: T('back') })));
    let d;
    try {
      d = await api('GET', '/api/series/' + id);
    } catch (e) {
      if (e.status === 404) { view.append(el('p', { class: 'empty', text: T('unknown') })); return; }
      throw e;
    }
    const redraw = async () => {
      d = await api('GET', '/api/series/' + id);
      head.replaceWith(head = header());
      grid.replaceChildren(volumeGrid(d), summary());
      infoBox.replaceChildren(info(d));
      grabs.replaceChildren(grabsTable(d));
    };
    const summary = () => {
      const next = d.metadata && d.metadata.vf && d.metadata.vf.next_date && d.edition === 'vf' ? d.metadata.vf : null;
      return el('p', {}, T('missing', { list: fmtRanges(d.missing) || t('common.none') }),
        next ? el('span', { class: 'series-next' }, ' · ', T('next', { n: next.next_volume, date: fmtDate(next.next_date) })) : null);
    };
    const header = () => {
      const toggle = el('button', { type: 'button', class: 'secondary', id: 'series-toggle', text: T(d.monitored ? 'unmonitor' : 'monitor') });
      toggle.addEventListener('click', () => busy(toggle, async () => {
        await api('POST', '/api/series/actions', { action: d.monitored ? 'unmonitor' : 'monitor', ids: [d.id] });
        await redraw();
        form.elements.enabled.checked = d.monitored;
      }));
      return el('div', { class: 'series-head' }, el('h2', { text: d.title }),
        el('span', { class: 'badge ' + (d.monitored ? 'badge-on' : 'badge-off'), id: 'series-badge', text: T(d.monitored ? 'monitored' : 'unmonitored') }),
        toggle);
    };
    let head = header();
    const grid = el('div', { id: 'series-volumes' }, volumeGrid(d), summary());
    const infoBox = el('div', { id: 'series-info' }, info(d));
    const grabs = el('div', { id: 'series-downloads' }, grabsTable(d));
    const form = settingsForm(d, redraw);
    const results = el('div', { id: 'series-search-results' });
    const searchButton = el('button', { type: 'button', id: 'series-search', text: T('search') });
    searchButton.addEventListener('click', () => {
      results.replaceChildren(); // a new search clears the old results at once: nothing stale stays clickable
      busy(searchButton, async () => {
        const r = await api('POST', '/api/series/' + d.id + '/search', {});
        results.replaceChildren(candidates(d, r, redraw));
      });
    });
    const history = el('div', { id: 'series-history-box' });
    view.append(head,
      el('section', { class: 'sd-section' }, el('h2', { text: T('volumes') }), grid),
      el('section', { class: 'sd-section' }, el('h2', { text: T('info') }), infoBox),
      el('section', { class: 'sd-section' }, el('h2', { text: T('search') }),
        el('div', { class: 'actions' }, searchButton, el('small', { class: 'muted', text: T('search.help') })), results),
      el('section', { class: 'sd-section' }, el('h2', { text: T('settings') }), form),
      el('section', { class: 'sd-section' }, el('h2', { text: T('downloads') }), grabs),
      el('section', { class: 'sd-section' }, el('h2', { text: T('history') }), history));
    history.append(historyTable(await api('GET', '/api/series/' + d.id + '/history?limit=50')));
  },
};

'use strict';
// Kanzen web UI: plain JS over the REST API. Texts in French and English, chosen by the browser, switchable.
const I18N = {
  en: {
    'tab.overview': 'Overview', 'tab.series': 'Monitored series', 'tab.search': 'Manual search', 'tab.history': 'History',
    'tab.config': 'Settings', 'tab.settings': 'Sources & clients', lang: 'Language', logout: 'Log out',
    'login.title': 'Log in', 'login.user': 'User', 'login.password': 'Password', 'login.submit': 'Log in',
    'setup.title': 'Create the administrator', 'setup.submit': 'Create', 'setup.token': "Setup token (in the server's log)",
    'stats.series': 'series monitored', 'stats.missing': 'volumes missing', 'stats.sent': 'downloads sent',
    'overview.check': 'Check now', 'overview.refresh': 'Refresh', 'overview.latest': 'Latest downloads',
    'col.date': 'Date', 'col.series': 'Series', 'col.volume': 'Volume', 'col.client': 'Client', 'col.state': 'State',
    'col.source': 'Source', 'col.title': 'Title', 'col.seeders': 'Seeders', 'col.size': 'Size', 'col.kind': 'Kind', 'col.message': 'Message',
    'series.find': 'Find', 'series.filter': 'Filter', 'filter.all': 'All', 'filter.missing': 'Missing (finished)',
    'filter.to_complete': 'To complete (ongoing)', 'filter.success': 'Success', 'filter.errors': 'Errors',
    'series.local': 'Local', 'series.published': 'Published', 'series.missing': 'Missing', 'series.none': 'nothing',
    'series.configure': 'Configure', 'series.monitored': 'monitored', 'series.unmonitored': 'not monitored',
    'search.title': 'Title', 'search.volume': 'Volume', 'search.sources': 'Sources', 'search.submit': 'Search', 'search.paste': 'Paste a link',
    'link.link': 'Link (magnet, torrent, ed2k)', download: 'Download', cancel: 'Cancel', save: 'Save',
    'history.export': 'Export (CSV)',
    'cfg.enabled': 'Automatic checks', 'cfg.interval': 'Interval (30m, 6h, 1d)', 'cfg.autosearch': 'Automatic search',
    'cfg.autodownload': 'Automatic download', 'cfg.edition': 'Edition collected', 'cfg.language': 'Language',
    'cfg.client': 'Preferred client', 'cfg.sources': 'Sources (empty: all)',
    'settings.libraries': 'Libraries', 'settings.name': 'Name', 'settings.path': 'Folder', 'settings.add': 'Add and scan',
    'settings.sources': 'Sources', 'settings.clients': 'Download clients', 'settings.scorers': 'Scorers (filter rules)', 'settings.apikey': 'API key', 'settings.test': 'Test connection',
    'settings.rotate': 'New key', 'settings.password': 'Password', 'settings.current': 'Current', 'settings.new': 'New', 'settings.change': 'Change',
    'msg.sent': 'Sent to', 'msg.saved': 'Saved', 'msg.checking': 'Checking…', 'msg.ok': 'Connection OK', 'msg.results': 'results',
  },
  fr: {
    'setup.title': "Créer l'administrateur", 'setup.submit': 'Créer', 'setup.token': "Jeton d'installation (journal du serveur)",
    'series.local': 'Locaux', 'series.published': 'Parus', 'series.missing': 'Manquants', 'series.none': 'aucun',
    'series.configure': 'Configurer', 'series.monitored': 'surveillée', 'series.unmonitored': 'non surveillée',
    'settings.test': 'Tester la connexion', 'msg.sent': 'Envoyé à', 'msg.saved': 'Enregistré', 'msg.checking': 'Vérification…',
    'msg.ok': 'Connexion OK', 'msg.results': 'résultats',
  },
};
let lang = localStorage.getItem('kanzen.lang') || ((navigator.languages && navigator.languages[0]) || navigator.language || 'fr').slice(0, 2);
if (!['fr', 'en'].includes(lang)) lang = 'en';
const FRENCH_DEFAULTS = {};
let csrf = null;

const $ = (id) => document.getElementById(id);
function t(key) { return (I18N[lang] && I18N[lang][key]) || FRENCH_DEFAULTS[key] || key; }
function applyLanguage() {
  document.documentElement.lang = lang;
  $('lang').value = lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    if (!(el.dataset.i18n in FRENCH_DEFAULTS)) FRENCH_DEFAULTS[el.dataset.i18n] = el.textContent;
    el.textContent = t(el.dataset.i18n);
  });
}
function say(text, error) { const m = $('message'); m.textContent = text || ''; m.className = error ? 'error' : ''; }
function el(tag, text, attrs) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  return e;
}
async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  if (!r.ok) { const e = new Error((data && data.error) || ('HTTP ' + r.status)); e.status = r.status; throw e; }
  return data;
}
function guard(fn) { return async (...args) => { try { say(''); await fn(...args); } catch (e) { say(e.message, true); } }; }

// ---- session
let setupMode = false;
async function start() {
  applyLanguage();
  const s = await api('GET', '/api/session');
  csrf = s.csrf;
  if (s.user) return showApp();
  setupMode = s.setup_needed;
  $('login').hidden = false;
  $('login-title').textContent = t(setupMode ? 'setup.title' : 'login.title');
  $('login-submit').textContent = t(setupMode ? 'setup.submit' : 'login.submit');
  $('login-password').autocomplete = setupMode ? 'new-password' : 'current-password';
  $('setup-token-row').hidden = !(setupMode && s.setup_token_needed);
}
$('login-form').addEventListener('submit', guard(async (ev) => {
  ev.preventDefault();
  const body = { username: $('login-user').value, password: $('login-password').value };
  if (setupMode && !$('setup-token-row').hidden) body.setup_token = $('setup-token').value;
  const r = await api('POST', setupMode ? '/api/setup' : '/api/login', body);
  csrf = r.csrf;
  showApp();
}));
$('logout').addEventListener('click', guard(async () => { await api('POST', '/api/logout'); location.reload(); }));
$('lang').addEventListener('change', () => { lang = $('lang').value; localStorage.setItem('kanzen.lang', lang); applyLanguage(); });

function showApp() {
  $('login').hidden = true;
  $('tabs').hidden = false;
  $('logout').hidden = false;
  show(location.hash.slice(1) || 'overview');
}
const LOADERS = {};
function show(tab) {
  if (!LOADERS[tab]) tab = 'overview';
  document.querySelectorAll('.tab').forEach((s) => { s.hidden = s.id !== tab; });
  document.querySelectorAll('#tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === tab)));
  history.replaceState(null, '', '#' + tab);
  guard(LOADERS[tab])();
}
document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => show(b.dataset.tab)));

// ---- overview
LOADERS.overview = async () => {
  const s = await api('GET', '/api/missing-monitor/stats');
  $('stat-series').textContent = s.seriesMonitored; $('stat-missing').textContent = s.volumesMissing; $('stat-sent').textContent = s.downloadsSent;
  const rows = await api('GET', '/api/missing-monitor/downloads');
  const body = $('downloads').tBodies[0]; body.replaceChildren();
  rows.slice(0, 20).forEach((d) => {
    const tr = el('tr');
    const state = (d.client_state || d.state) + (d.linked ? '' : ' · not linked') + (d.import_error ? ' · ' + d.import_error : '');
    [d.sent_at.slice(0, 16).replace('T', ' '), d.title, d.volume || '', d.client, state].forEach((v) => tr.append(el('td', v)));
    body.append(tr);
  });
};
$('refresh').addEventListener('click', () => show('overview'));
$('check-now').addEventListener('click', guard(async () => {
  await api('POST', '/api/missing-monitor/run-check');
  $('check-progress').hidden = false;
  const poll = async () => {
    const p = await api('GET', '/api/missing-monitor/progress');
    if (p.running) {
      $('check-progress').max = Math.max(1, p.seriesTotal); $('check-progress').value = p.seriesDone;
      $('check-status').textContent = t('msg.checking') + ' ' + p.seriesDone + '/' + p.seriesTotal;
      setTimeout(poll, 700);
    } else { $('check-progress').hidden = true; $('check-status').textContent = ''; LOADERS.overview(); }
  };
  setTimeout(poll, 300);
}));

// ---- series
/** Volume numbers as compact ranges: [1, 2, 3, 5] reads "1–3, 5" (One Piece's 70 missing volumes in one line). */
function ranges(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j > i ? sorted[i] + '–' + sorted[j] : String(sorted[i]));
    i = j;
  }
  return out.join(', ');
}

LOADERS.series = async () => {
  const q = encodeURIComponent($('series-q').value);
  const list = await api('GET', '/api/missing-monitor/series?filter=' + $('series-filter').value + '&q=' + q);
  const box = $('series-list'); box.replaceChildren();
  list.forEach((s) => {
    const card = el('article', null, { class: 'card', 'data-series': s.title });
    card.append(el('h3', s.title));
    card.append(el('div', t('series.local') + ' : ' + (s.local_volumes.join(', ') || '–')));
    card.append(el('div', t('series.published') + ' (' + s.edition.toUpperCase() + ') : ' + (s.published ?? '?') + (s.status !== 'unknown' ? ' · ' + s.status : '')));
    card.append(el('div', t('series.missing') + ' : ' + (ranges(s.missing) || t('series.none')), { class: s.missing.length ? 'missing' : '' }));
    const toggle = el('button', t('series.configure') + ' (' + t(s.monitored ? 'series.monitored' : 'series.unmonitored') + ')');
    toggle.addEventListener('click', guard(async () => {
      await api('POST', '/api/missing-monitor/series/' + s.id + '/monitor', { enabled: !s.monitored });
      LOADERS.series();
    }));
    card.append(toggle);
    box.append(card);
  });
};
$('series-q').addEventListener('input', guard(() => LOADERS.series()));
$('series-filter').addEventListener('change', guard(() => LOADERS.series()));

// ---- manual search
LOADERS.search = async () => {};
function size(bytes) { return bytes == null ? '?' : (bytes / 1e6).toFixed(1) + ' MB'; }
async function download(link, title, volume) {
  const body = { link, title, volume_num: volume || null };
  let g;
  try {
    g = await api('POST', '/api/missing-monitor/download', body);
  } catch (e) { // 409: the volume is owned or already held; the user decides
    if (e.status !== 409 || !confirm(e.message + ' — OK?')) throw e;
    g = await api('POST', '/api/missing-monitor/download', { ...body, force: true });
  }
  say(t('msg.sent') + ' ' + g.client + ' : ' + g.title + (g.volume ? ' ' + g.volume : ''));
}
$('search-form').addEventListener('submit', guard(async (ev) => {
  ev.preventDefault();
  const sources = $('search-sources').value.split(',').map((x) => x.trim()).filter(Boolean);
  const r = await api('POST', '/api/missing-monitor/search', { title: $('search-title').value, volume_num: $('search-volume').value || null, sources });
  const body = $('results').tBodies[0]; body.replaceChildren();
  r.results.forEach((x) => {
    const tr = el('tr');
    [x.source, x.title, x.volume || '–', x.seeders ?? '?', size(x.size)].forEach((v) => tr.append(el('td', v)));
    const b = el('button', t('download'));
    b.addEventListener('click', guard(() => download(x.link, $('search-title').value, x.volume && !x.volume.includes('-') ? x.volume : $('search-volume').value)));
    const td = el('td'); td.append(b); tr.append(td);
    body.append(tr);
  });
  const problems = Object.entries(r.problems).map(([k, v]) => k + ': ' + v).join(' · ');
  say(r.results.length + ' ' + t('msg.results') + (problems ? ' · ' + problems : ''), !!problems && !r.results.length);
}));
$('paste-link').addEventListener('click', () => { $('link-title').value = $('search-title').value; $('link-dialog').showModal(); });
$('link-form').addEventListener('submit', guard(async (ev) => {
  if (ev.submitter && ev.submitter.value === 'cancel') return;
  ev.preventDefault();
  await download($('link-link').value.trim(), $('link-title').value, $('link-volume').value);
  $('link-dialog').close();
}));

// ---- history
LOADERS.history = async () => {
  const f = $('history-filter').value;
  $('history-csv').href = '/api/missing-monitor/history?format=csv&filter=' + f;
  const events = await api('GET', '/api/missing-monitor/history?filter=' + f);
  const body = $('history-table').tBodies[0]; body.replaceChildren();
  events.forEach((e) => {
    const tr = el('tr', null, { class: e.success ? '' : 'missing' });
    [e.at.slice(0, 16).replace('T', ' '), e.kind.toLowerCase(), (e.seriesTitle || '') + (e.volume ? ' ' + e.volume.from : ''),
      e.client || e.source || '', e.message || (e.results != null ? e.results + ' ' + t('msg.results') : '')].forEach((v) => tr.append(el('td', v)));
    body.append(tr);
  });
};
$('history-filter').addEventListener('change', guard(() => LOADERS.history()));

// ---- global settings
let config = null;
LOADERS.config = async () => {
  const r = await api('GET', '/api/missing-monitor/config');
  config = r.config;
  if (r.problem) say(r.problem, true);
  $('cfg-enabled').checked = config.enabled; $('cfg-interval').value = config.checkInterval;
  $('cfg-autosearch').checked = config.autoSearch; $('cfg-autodownload').checked = config.autoDownload;
  $('cfg-edition').value = config.edition; $('cfg-language').value = config.language || '';
  $('cfg-client').value = config.preferredClient || ''; $('cfg-sources').value = config.sources.join(', ');
};
$('config-form').addEventListener('submit', guard(async (ev) => {
  ev.preventDefault();
  const next = Object.assign({}, config, {
    enabled: $('cfg-enabled').checked, checkInterval: $('cfg-interval').value, autoSearch: $('cfg-autosearch').checked,
    autoDownload: $('cfg-autodownload').checked, edition: $('cfg-edition').value, language: $('cfg-language').value || null,
    preferredClient: $('cfg-client').value || null, sources: $('cfg-sources').value.split(',').map((x) => x.trim()).filter(Boolean),
  });
  await api('POST', '/api/missing-monitor/config', next);
  say(t('msg.saved'));
}));

// ---- libraries, sources, clients
LOADERS.settings = async () => {
  const libs = await api('GET', '/api/libraries');
  $('libraries').replaceChildren(...libs.map((l) => el('li', l.name + ' — ' + l.root)));
  for (const role of ['sources', 'clients', 'scorers']) await pluginForms(role);
  $('api-key').textContent = (await api('GET', '/api/account/api-key')).api_key;
};
$('api-key-rotate').addEventListener('click', guard(async () => {
  $('api-key').textContent = (await api('POST', '/api/account/api-key/rotate')).api_key;
  say(t('msg.saved'));
}));
$('password-form').addEventListener('submit', guard(async (ev) => {
  ev.preventDefault();
  await api('POST', '/api/account/password', { current_password: $('password-current').value, new_password: $('password-new').value });
  $('password-form').reset();
  say(t('msg.saved'));
}));
$('library-form').addEventListener('submit', guard(async (ev) => {
  ev.preventDefault();
  const name = $('library-name').value;
  await api('POST', '/api/libraries', { name, path: $('library-path').value });
  await api('POST', '/api/libraries/scan', { name });
  say(t('msg.saved'));
  LOADERS.settings();
}));
async function pluginForms(role) {
  const r = await api('GET', '/api/plugins/' + role);
  const box = $(role + '-settings'); box.replaceChildren();
  r.kinds.forEach((k) => {
    const current = r.configured.find((c) => c.name === k.kind);
    const form = el('form', null, { class: 'plugin', 'data-kind': k.kind });
    form.append(el('h3', k.kind + (current ? ' ✓' : '')));
    k.properties.forEach((p) => {
      const label = el('label');
      label.append(el('span', p.label + (p.required ? ' *' : '')));
      const input = el('input', null, { name: p.key, type: p.secret ? 'password' : 'text', autocomplete: 'off' });
      input.value = current ? (current.settings[p.key] ?? '') : (p.default ?? '');
      if (p.description) input.title = p.description;
      label.append(input); form.append(label);
    });
    const save = el('button', t('save'), { type: 'submit' });
    const test = el('button', t('settings.test'), { type: 'button' });
    test.addEventListener('click', guard(async () => { await api('POST', '/api/plugins/' + role + '/' + k.kind + '/test'); say(k.kind + ' : ' + t('msg.ok')); }));
    form.append(save, test);
    form.addEventListener('submit', guard(async (ev) => {
      ev.preventDefault();
      const settings = {};
      new FormData(form).forEach((v, key) => { if (v !== '') settings[key] = v; });
      await api('POST', '/api/plugins/' + role + '/' + k.kind, { kind: k.kind, settings });
      say(k.kind + ' : ' + t('msg.saved'));
      pluginForms(role);
    }));
    box.append(form);
  });
}

start().catch((e) => say(e.message, true));

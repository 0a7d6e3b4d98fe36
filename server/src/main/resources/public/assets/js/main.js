// Boot: the session decides between the login screen and the app; the router draws one page at a time in #view.
import { api, setCsrf, ApiError } from './api.js';
import { t, lang, setLang, onLangChange, errorText } from './i18n.js';
import { el, feedback, busy } from './ui.js';
import './texts.js';
import { PAGES } from './pages/index.js';

const $ = (id) => document.getElementById(id);
let current = null; // { page, params }
let setupMode = false;
let loggedIn = false;

function translateStatic() {
  document.documentElement.lang = lang();
  $('lang').value = lang();
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  if (!loggedIn) {
    $('login-title').textContent = t(setupMode ? 'setup.title' : 'login.title');
    $('login-submit').textContent = t(setupMode ? 'setup.submit' : 'login.submit');
  }
  document.title = 'Kanzen — ' + (current && current.page.tab ? t(current.page.tab) : t('app.title'));
}

function buildTabs() {
  const nav = $('tabs');
  nav.replaceChildren(...PAGES.filter((p) => p.tab).map((p) => el('a', {
    role: 'tab', id: 'tab-' + p.id, href: '#/' + p.id, 'aria-controls': 'view', 'aria-selected': 'false', tabindex: '-1',
    data: { tab: p.id, i18n: p.tab }, text: t(p.tab),
  })));
  // arrow keys move between tabs (WAI-ARIA tabs pattern); Home and End go to the ends
  nav.addEventListener('keydown', (ev) => {
    const tabs = [...nav.querySelectorAll('[role=tab]')];
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1 }[ev.key];
    if (next === undefined) return;
    ev.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    target.focus();
    location.hash = '#/' + target.dataset.tab;
  });
}

/** On a phone the tabs are one row that scrolls sideways: bring the selected one to the middle (not the window: no jump). */
function showSelectedTab() {
  const nav = $('tabs');
  const tab = nav.querySelector('[aria-selected="true"]');
  if (!tab || nav.scrollWidth <= nav.clientWidth) return;
  const n = nav.getBoundingClientRect();
  const r = tab.getBoundingClientRect();
  nav.scrollLeft += (r.left + r.width / 2) - (n.left + n.width / 2);
}

function resolve(hash) {
  const path = hash.replace(/^#\/?/, '');
  for (const p of PAGES) {
    if (p.route) {
      const m = path.match(p.route);
      if (m) return { page: p, params: m.slice(1) };
    }
  }
  const id = path.split('/')[0];
  const page = PAGES.find((p) => p.id === id && p.tab) || PAGES[0];
  return { page, params: path.split('/').slice(1) };
}

async function draw() {
  if (!loggedIn) return;
  const next = resolve(location.hash);
  if (current && current.page.leave) {
    try { current.page.leave(); } catch (e) { /* a page that fails to leave does not stop the next one */ }
  }
  current = next;
  const selectedTab = next.page.tab ? next.page.id : (next.page.parent || null);
  document.querySelectorAll('#tabs [role=tab]').forEach((a) => {
    const on = a.dataset.tab === selectedTab;
    a.setAttribute('aria-selected', String(on));
    a.tabIndex = on ? 0 : -1;
  });
  showSelectedTab();
  const view = $('view');
  const fresh = el('div', { class: 'page page-' + next.page.id, data: { page: next.page.id } });
  view.replaceChildren(fresh);
  view.setAttribute('aria-labelledby', next.page.tab ? 'tab-' + next.page.id : '');
  translateStatic();
  try {
    await next.page.render(fresh, next.params);
  } catch (e) {
    fresh.append(el('p', { class: 'feedback feedback-error', role: 'alert', text: errorText(e) }));
  }
  fresh.dataset.ready = 'true'; // drawn: what the browser tests wait for
}

function showLogin(session) {
  loggedIn = false;
  setupMode = session.setup_needed;
  document.body.classList.remove('logged-in');
  $('app').hidden = true;
  $('tabs').hidden = true;
  $('logout').hidden = true;
  $('login').hidden = false;
  $('login-password').autocomplete = setupMode ? 'new-password' : 'current-password';
  $('setup-token-row').hidden = !(setupMode && session.setup_token_needed);
  translateStatic();
  $('login-user').focus();
}

function showApp() {
  loggedIn = true;
  document.body.classList.add('logged-in');
  $('login').hidden = true;
  $('app').hidden = false;
  $('tabs').hidden = false;
  $('logout').hidden = false;
  if (!location.hash.startsWith('#/')) history.replaceState(null, '', '#/' + PAGES[0].id);
  draw();
}

async function start() {
  buildTabs();
  translateStatic();
  $('lang').addEventListener('change', () => setLang($('lang').value));
  onLangChange(() => { translateStatic(); draw(); });
  window.addEventListener('hashchange', draw);
  window.addEventListener('kanzen:logged-out', async () => showLogin(await api('GET', '/api/session')));
  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = $('login-submit');
    const body = { username: $('login-user').value, password: $('login-password').value };
    if (setupMode && !$('setup-token-row').hidden) body.setup_token = $('setup-token').value;
    const r = await busy(button, () => api('POST', setupMode ? '/api/setup' : '/api/login', body));
    if (r) {
      setCsrf(r.csrf);
      $('login-password').value = '';
      showApp();
    }
  });
  $('logout').addEventListener('click', async () => {
    await busy($('logout'), () => api('POST', '/api/logout'));
    location.hash = '';
    location.reload();
  });
  try {
    const s = await api('GET', '/api/session');
    setCsrf(s.csrf);
    if (s.user) showApp(); else showLogin(s);
  } catch (e) {
    $('login').hidden = false;
    feedback($('login-submit'), errorText(e instanceof ApiError ? e : new ApiError(0, null)), 'error');
  }
}

start();

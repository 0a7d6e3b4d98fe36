// Réglages: libraries, sources, download clients, scorers, the API key and the password.
import { api } from '../api.js';
import { t, addTexts, lang } from '../i18n.js';
import { el, busy, feedback, showError } from '../ui.js';

addTexts({
  fr: {
    'settings.libraries': 'Bibliothèques', 'settings.name': 'Nom', 'settings.path': 'Dossier', 'settings.add': 'Ajouter et scanner',
    'settings.sources': 'Sources', 'settings.clients': 'Clients de téléchargement', 'settings.scorers': 'Notation (règles de filtrage)',
    'settings.apikey': "Clé d'API", 'settings.rotate': 'Nouvelle clé', 'settings.password': 'Mot de passe', 'settings.current': 'Actuel',
    'settings.new': 'Nouveau', 'settings.change': 'Changer', 'settings.test': 'Tester la connexion', 'settings.ok': 'Connexion OK',
  },
  en: {
    'settings.libraries': 'Libraries', 'settings.name': 'Name', 'settings.path': 'Folder', 'settings.add': 'Add and scan',
    'settings.sources': 'Sources', 'settings.clients': 'Download clients', 'settings.scorers': 'Scorers (filter rules)',
    'settings.apikey': 'API key', 'settings.rotate': 'New key', 'settings.password': 'Password', 'settings.current': 'Current',
    'settings.new': 'New', 'settings.change': 'Change', 'settings.test': 'Test connection', 'settings.ok': 'Connection OK',
  },
});

async function pluginForms(role, box) {
  const r = await api('GET', '/api/plugins/' + role);
  box.replaceChildren();
  r.kinds.forEach((k) => {
    const current = r.configured.find((c) => c.name === k.kind);
    const save = el('button', { type: 'submit', text: t('common.save') });
    const test = el('button', { type: 'button', class: 'secondary', text: t('settings.test') });
    const form = el('form', { class: 'plugin', data: { kind: k.kind } }, el('h3', { text: k.kind + (current ? ' ✓' : '') }),
      k.properties.map((p) => {
        const texts = (p.texts && p.texts[lang()]) || {};
        const input = el('input', { name: p.key, type: p.secret ? 'password' : 'text', autocomplete: 'off',
          value: current ? (current.settings[p.key] ?? '') : (p.default ?? ''), title: texts.help || p.description || null });
        return el('label', {}, el('span', { text: (texts.label || p.label) + (p.required ? ' *' : '') }), input);
      }), el('div', { class: 'actions' }, save, test));
    test.addEventListener('click', () => busy(test, async () => {
      await api('POST', '/api/plugins/' + role + '/' + k.kind + '/test');
      feedback(test, t('settings.ok'));
    }));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(save, async () => {
        const settings = {};
        new FormData(form).forEach((v, key) => { if (v !== '') settings[key] = v; });
        try {
          await api('POST', '/api/plugins/' + role + '/' + k.kind, { kind: k.kind, settings });
        } catch (e) { showError(form, save, e); return; }
        await pluginForms(role, box);
        feedback(box.querySelector('form[data-kind="' + k.kind + '"] button[type=submit]'), t('common.saved'));
      });
    });
    box.append(form);
  });
}

export default {
  id: 'settings',
  tab: 'tab.settings',
  async render(view) {
    const libraries = el('ul', { id: 'libraries' });
    const loadLibraries = async () => {
      const libs = await api('GET', '/api/libraries');
      libraries.replaceChildren(...libs.map((l) => el('li', { text: l.name + ' — ' + String(l.root).replace(/^file:\/\//, '') })));
    };
    const name = el('input', { id: 'library-name', name: 'name', required: true });
    const path = el('input', { id: 'library-path', name: 'path', required: true, size: 30 });
    const add = el('button', { id: 'library-add', type: 'submit', text: t('settings.add') });
    const libraryForm = el('form', { id: 'library-form', class: 'toolbar' },
      el('label', {}, el('span', { text: t('settings.name') }), name), el('label', {}, el('span', { text: t('settings.path') }), path), add);
    libraryForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(add, async () => {
        try {
          await api('POST', '/api/libraries', { name: name.value, path: path.value });
        } catch (e) { showError(libraryForm, add, e); return; }
        await api('POST', '/api/libraries/scan', { name: name.value });
        await loadLibraries();
        feedback(add, t('common.saved'));
      });
    });
    const boxes = { sources: el('div', { id: 'sources-settings' }), clients: el('div', { id: 'clients-settings' }), scorers: el('div', { id: 'scorers-settings' }) };
    const key = el('code', { id: 'api-key', text: '…' });
    const rotate = el('button', { id: 'api-key-rotate', type: 'button', class: 'secondary', text: t('settings.rotate') });
    rotate.addEventListener('click', () => busy(rotate, async () => {
      key.textContent = (await api('POST', '/api/account/api-key/rotate')).api_key;
      feedback(rotate, t('common.saved'));
    }));
    const currentPw = el('input', { id: 'password-current', name: 'current_password', type: 'password', autocomplete: 'current-password', required: true });
    const newPw = el('input', { id: 'password-new', name: 'new_password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
    const change = el('button', { id: 'password-change', type: 'submit', text: t('settings.change') });
    const pwForm = el('form', { id: 'password-form', class: 'toolbar' },
      el('label', {}, el('span', { text: t('settings.current') }), currentPw), el('label', {}, el('span', { text: t('settings.new') }), newPw), change);
    pwForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(change, async () => {
        try {
          await api('POST', '/api/account/password', { current_password: currentPw.value, new_password: newPw.value });
        } catch (e) { showError(pwForm, change, e); return; }
        pwForm.reset();
        feedback(change, t('common.saved'));
      });
    });
    view.append(el('h2', { text: t('settings.libraries') }), libraries, libraryForm,
      el('h2', { text: t('settings.sources') }), boxes.sources, el('h2', { text: t('settings.clients') }), boxes.clients,
      el('h2', { text: t('settings.scorers') }), boxes.scorers,
      el('h2', { text: t('settings.apikey') }), el('p', {}, key, ' ', rotate),
      el('h2', { text: t('settings.password') }), pwForm);
    await loadLibraries();
    for (const role of Object.keys(boxes)) await pluginForms(role, boxes[role]);
    key.textContent = (await api('GET', '/api/account/api-key')).api_key;
  },
};

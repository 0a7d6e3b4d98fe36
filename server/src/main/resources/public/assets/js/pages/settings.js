// Réglages: libraries (rescan, edit, remove), sources, download clients, scorers and notifiers (several instances
// of a kind, test, edit, delete), the plugins found, the password and the API key.
import { api } from '../api.js';
import { t, has, addTexts, errorText, lang, fmtDateTime, fmtNumber } from '../i18n.js';
import { el, busy, feedback, confirmDialog, fieldError, emptyState } from '../ui.js';

addTexts({
  fr: {
    'settings.plugins.about': 'Présentation par son auteur (en anglais)', 'settings.plugins.role.source': 'source {name}',
    'settings.plugins.role.client': 'client {name}', 'settings.plugins.role.scorer': 'notation {name}',
    'settings.plugins.role.notifier': 'notification {name}',
    'settings.title': 'Réglages',
    'settings.libraries': 'Bibliothèques',
    'settings.libraries.help': 'Un dossier dont chaque sous-dossier est une série.',
    'settings.libraries.empty': 'Aucune bibliothèque : ajoutez le dossier de vos mangas ci-dessous.',
    'settings.lib.name': 'Nom', 'settings.lib.path': 'Dossier (chemin absolu, par exemple /srv/manga)',
    'settings.lib.chapters': 'Ses séries contiennent des chapitres (un numéro seul est un chapitre)',
    'settings.lib.chaptersBadge': 'chapitres',
    'settings.lib.scanned': 'analysée le {when}', 'settings.lib.never': 'jamais analysée',
    'settings.lib.rescan': 'Analyser',
    'settings.lib.scan': '{files} fichiers, {series} séries — nouveaux : {added}, modifiés : {changed}, disparus : {removed}',
    'settings.lib.scanProblems': '{count} {count|problème|problèmes} : {first}',
    'settings.lib.add': 'Ajouter et analyser',
    'settings.lib.added': 'Bibliothèque ajoutée.',
    'settings.lib.removeConfirm': 'Oublier la bibliothèque « {name} » et ce qui en a été analysé ? Le dossier et ses fichiers ne sont pas touchés.',
    'settings.sources': 'Sources', 'settings.sources.help': 'Où chercher les releases et les métadonnées.',
    'settings.clients': 'Clients de téléchargement', 'settings.clients.help': 'Où envoyer les téléchargements.',
    'settings.scorers': 'Filtres', 'settings.scorers.help': 'Règles qui notent ou refusent les releases.',
    'settings.notifiers': 'Notifications', 'settings.notifiers.help': 'Être prévenu des envois, imports et problèmes.',
    'settings.sources.empty': 'Aucune source : ajoutez-en une (Prowlarr par exemple).',
    'settings.clients.empty': 'Aucun client : ajoutez qBittorrent ou aMule.',
    'settings.scorers.empty': 'Aucun filtre.',
    'settings.notifiers.empty': 'Aucune notification : ajoutez-en une pour être prévenu.',
    'settings.sources.add': 'Ajouter une source', 'settings.clients.add': 'Ajouter un client',
    'settings.scorers.add': 'Ajouter un filtre', 'settings.notifiers.add': 'Ajouter une notification',
    'settings.kind': 'Type', 'settings.name': 'Nom',
    'settings.name.help': '1 à 40 lettres, chiffres, « - » ou « _ ».',
    'settings.name.taken': 'Ce nom est déjà pris : choisissez-en un autre.',
    'settings.test': 'Tester', 'settings.test.ok': 'Connexion réussie.',
    'settings.edit': 'Modifier', 'settings.remove': 'Supprimer', 'settings.save': 'Enregistrer', 'settings.cancel': 'Annuler',
    'settings.saved': 'Enregistré.',
    'settings.removeConfirm': 'Supprimer « {name} » ({kind}) et ses secrets enregistrés ?',
    'settings.secret.kept': 'inchangé (laisser vide pour garder)',
    'settings.secret.set': 'Secret : jamais réaffiché.',
    'settings.choices.loading': 'Chargement des choix…',
    'settings.choices.failed': 'Les choix n’ont pas pu être lus ({why}) : saisissez les valeurs séparées par des virgules.',
    'settings.choices.none': 'Aucun choix proposé.',
    'settings.choices.afterSave': 'Une fois enregistré, « Modifier » propose les listes que le service connaît (ses indexeurs par exemple).',
    'settings.yes': 'oui', 'settings.no': 'non',
    'settings.plugins': 'Extensions',
    'settings.plugins.version': 'version {version}',
    'settings.plugins.skipped': 'Ignorée : {reason}',
    'settings.plugins.none': 'Aucune extension chargée.',
    'settings.account': 'Compte',
    'settings.password': 'Changer le mot de passe',
    'settings.password.current': 'Mot de passe actuel', 'settings.password.new': 'Nouveau mot de passe',
    'settings.password.repeat': 'Nouveau mot de passe (encore)',
    'settings.password.mismatch': 'Les deux saisies diffèrent.',
    'settings.password.change': 'Changer', 'settings.password.changed': 'Mot de passe changé. Les autres navigateurs devront se reconnecter.',
    'settings.apikey': 'Clé d’API', 'settings.apikey.help': 'Pour les scripts et les autres applications (en-tête X-Api-Key).',
    'settings.apikey.show': 'Afficher', 'settings.apikey.hide': 'Masquer',
    'settings.apikey.rotate': 'Nouvelle clé',
    'settings.apikey.rotateConfirm': 'Créer une nouvelle clé d’API ? L’ancienne cessera aussitôt de fonctionner pour les applications qui l’utilisent.',
    'settings.apikey.rotated': 'Nouvelle clé créée : mettez-la à jour dans vos applications.',
    // the errors these forms meet, by their stable code (error.<code>; a shared text in texts.js wins when loaded later)
    'error.library.nameMissing': 'Donnez un nom à la bibliothèque.',
    'error.library.nameInvalid': 'Un nom de bibliothèque fait au plus 100 caractères, sans caractère de contrôle.',
    'error.library.exists': 'Une bibliothèque s’appelle déjà « {name} ».',
    'error.library.sameFolder': 'Le dossier {path} est déjà la bibliothèque « {name} ».',
    'error.library.overlaps': 'Le dossier {path} chevauche la bibliothèque « {name} » : une bibliothèque ne peut en contenir une autre.',
    'error.library.pathNotAbsolute': 'Le dossier est un chemin absolu (par exemple /srv/manga), pas « {path} ».',
    'error.library.pathMissing': 'Le dossier {path} n’existe pas ou n’est pas un dossier.',
    'error.library.pathInvalid': '« {path} » n’est pas un chemin de dossier.',
    'error.library.notFound': 'Aucune bibliothèque ne s’appelle « {name} ».',
    'error.instance.nameInvalid': 'Un nom fait 1 à 40 lettres, chiffres, « - » ou « _ ».',
    'error.instance.notFound': '« {name} » n’existe plus : rechargez la page.',
    'error.setting.required': 'Ce réglage est obligatoire.',
    'error.setting.notNumber': '« {value} » n’est pas un nombre entier.',
    'error.setting.notBoolean': '« {value} » n’est ni oui ni non.',
    'error.setting.notUrl': '« {value} » n’est pas une adresse http(s) complète.',
    'error.setting.secretAgain': 'L’adresse a changé : saisissez de nouveau ce secret (un secret enregistré n’est jamais envoyé à une nouvelle adresse).',
    'error.plugin.configuration': '{name} refuse ces réglages : {detail}',
    'error.plugin.authentication': '{name} refuse l’identification (clé ou mot de passe) : {detail}',
    'error.plugin.rateLimited': '{name} limite les requêtes : réessayez plus tard. ({detail})',
    'error.plugin.unavailable': '{name} est injoignable : {detail}',
    'error.plugin.blocked': '{name} bloque l’accès : {detail}',
    'error.plugin.badResponse': '{name} a donné une réponse inattendue : {detail}',
    'error.plugin.timeout': '{name} n’a pas répondu à temps.',
    'error.plugin.crash': '{name} a échoué : {detail}',
    'error.password.wrong': 'Le mot de passe actuel est faux.',
    'error.password.tooShort': 'Un mot de passe fait au moins {min} caractères.',
    'error.password.throttled': 'Trop de mots de passe faux : réessayez plus tard.',
  },
  en: {
    'settings.plugins.about': "Its author's description", 'settings.plugins.role.source': 'source {name}',
    'settings.plugins.role.client': 'client {name}', 'settings.plugins.role.scorer': 'scorer {name}',
    'settings.plugins.role.notifier': 'notifier {name}',
    'settings.title': 'Settings',
    'settings.libraries': 'Libraries',
    'settings.libraries.help': 'A folder whose every sub-folder is a series.',
    'settings.libraries.empty': 'No library: add the folder of your manga below.',
    'settings.lib.name': 'Name', 'settings.lib.path': 'Folder (absolute path, such as /srv/manga)',
    'settings.lib.chapters': 'Its series hold chapters (a bare number is a chapter)',
    'settings.lib.chaptersBadge': 'chapters',
    'settings.lib.scanned': 'scanned {when}', 'settings.lib.never': 'never scanned',
    'settings.lib.rescan': 'Scan',
    'settings.lib.scan': '{files} files, {series} series — new: {added}, changed: {changed}, gone: {removed}',
    'settings.lib.scanProblems': '{count} {count|problem|problems}: {first}',
    'settings.lib.add': 'Add and scan',
    'settings.lib.added': 'Library added.',
    'settings.lib.removeConfirm': 'Forget the library "{name}" and what was scanned of it? The folder and its files are not touched.',
    'settings.sources': 'Sources', 'settings.sources.help': 'Where releases and metadata are searched.',
    'settings.clients': 'Download clients', 'settings.clients.help': 'Where downloads are sent.',
    'settings.scorers': 'Filters', 'settings.scorers.help': 'Rules that score or refuse releases.',
    'settings.notifiers': 'Notifications', 'settings.notifiers.help': 'Be told of sends, imports and problems.',
    'settings.sources.empty': 'No source: add one (Prowlarr for instance).',
    'settings.clients.empty': 'No client: add qBittorrent or aMule.',
    'settings.scorers.empty': 'No filter.',
    'settings.notifiers.empty': 'No notification: add one to be told.',
    'settings.sources.add': 'Add a source', 'settings.clients.add': 'Add a client',
    'settings.scorers.add': 'Add a filter', 'settings.notifiers.add': 'Add a notification',
    'settings.kind': 'Kind', 'settings.name': 'Name',
    'settings.name.help': '1 to 40 letters, digits, "-" or "_".',
    'settings.name.taken': 'This name is taken: choose another.',
    'settings.test': 'Test', 'settings.test.ok': 'Connection works.',
    'settings.edit': 'Edit', 'settings.remove': 'Delete', 'settings.save': 'Save', 'settings.cancel': 'Cancel',
    'settings.saved': 'Saved.',
    'settings.removeConfirm': 'Delete "{name}" ({kind}) and its stored secrets?',
    'settings.secret.kept': 'unchanged (leave empty to keep)',
    'settings.secret.set': 'Secret: never shown again.',
    'settings.choices.loading': 'Loading the choices…',
    'settings.choices.failed': 'The choices could not be read ({why}): type the values, comma-separated.',
    'settings.choices.none': 'No choice offered.',
    'settings.choices.afterSave': 'Once saved, "Edit" offers the lists the service knows (its indexers for instance).',
    'settings.yes': 'yes', 'settings.no': 'no',
    'settings.plugins': 'Plugins',
    'settings.plugins.version': 'version {version}',
    'settings.plugins.skipped': 'Skipped: {reason}',
    'settings.plugins.none': 'No plugin loaded.',
    'settings.account': 'Account',
    'settings.password': 'Change the password',
    'settings.password.current': 'Current password', 'settings.password.new': 'New password',
    'settings.password.repeat': 'New password (again)',
    'settings.password.mismatch': 'The two entries differ.',
    'settings.password.change': 'Change', 'settings.password.changed': 'Password changed. Other browsers must log in again.',
    'settings.apikey': 'API key', 'settings.apikey.help': 'For scripts and other applications (X-Api-Key header).',
    'settings.apikey.show': 'Show', 'settings.apikey.hide': 'Hide',
    'settings.apikey.rotate': 'New key',
    'settings.apikey.rotateConfirm': 'Make a new API key? The old one stops working at once for the applications that use it.',
    'settings.apikey.rotated': 'New key made: update it in your applications.',
    'error.library.nameMissing': 'Give the library a name.',
    'error.library.nameInvalid': 'A library name is at most 100 characters, without control characters.',
    'error.library.exists': 'A library is already named "{name}".',
    'error.library.sameFolder': 'The folder {path} is already the library "{name}".',
    'error.library.overlaps': 'The folder {path} overlaps the library "{name}": libraries may not contain one another.',
    'error.library.pathNotAbsolute': 'The folder is an absolute path (such as /srv/manga), not "{path}".',
    'error.library.pathMissing': 'The folder {path} does not exist or is not a folder.',
    'error.library.pathInvalid': '"{path}" is not a folder path.',
    'error.library.notFound': 'No library is named "{name}".',
    'error.instance.nameInvalid': 'A name is 1 to 40 letters, digits, "-" or "_".',
    'error.instance.notFound': '"{name}" no longer exists: reload the page.',
    'error.setting.required': 'This setting is required.',
    'error.setting.notNumber': '"{value}" is not a whole number.',
    'error.setting.notBoolean': '"{value}" is neither yes nor no.',
    'error.setting.notUrl': '"{value}" is not a full http(s) address.',
    'error.setting.secretAgain': 'The address changed: enter this secret again (a stored secret is never sent to a new address).',
    'error.plugin.configuration': '{name} refuses these settings: {detail}',
    'error.plugin.authentication': '{name} refuses the credentials (key or password): {detail}',
    'error.plugin.rateLimited': '{name} limits requests: try again later. ({detail})',
    'error.plugin.unavailable': '{name} cannot be reached: {detail}',
    'error.plugin.blocked': '{name} blocks access: {detail}',
    'error.plugin.badResponse': '{name} gave an unexpected answer: {detail}',
    'error.plugin.timeout': '{name} did not answer in time.',
    'error.plugin.crash': '{name} failed: {detail}',
    'error.password.wrong': 'The current password is wrong.',
    'error.password.tooShort': 'A password has at least {min} characters.',
    'error.password.throttled': 'Too many wrong passwords: try again later.',
  },
});

/** The roles of plugin instances, each with its endpoints; sources and clients can offer choices for a setting. */
const ROLES = [
  { id: 'sources', list: '/api/plugins/sources', base: '/api/plugins/sources/', choices: true },
  { id: 'clients', list: '/api/plugins/clients', base: '/api/plugins/clients/', choices: true },
  { id: 'scorers', list: '/api/plugins/scorers', base: '/api/plugins/scorers/' },
  { id: 'notifiers', list: '/api/notifiers', base: '/api/notifiers/' },
];
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

let uid = 0;
const nextId = (base) => base + '-' + (++uid);
const enc = encodeURIComponent;

function button(text, attrs = {}) {
  return el('button', { type: 'button', text, ...attrs });
}

/** A labelled input with its help under it. */
function field(label, input, help) {
  if (!input.id) input.id = nextId('f');
  return el('div', { class: 'field' }, el('label', { for: input.id, text: label }), input,
    help ? el('p', { class: 'help', text: help }) : null);
}

function checkField(label, input) {
  if (!input.id) input.id = nextId('f');
  return el('div', { class: 'field field-check' }, input, el('label', { for: input.id, text: label }));
}

function clearErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((n) => n.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((n) => n.remove());
}

/** Shows a server error under its field when it names one of {@code anchors}; otherwise rethrows (busy shows it). */
function showFieldError(e, anchors) {
  const target = e && e.field ? anchors[e.field] : null;
  if (!target) throw e;
  fieldError(target, errorText(e));
  target.focus?.();
}

// ---- libraries

function scanText(r) {
  let text = t('settings.lib.scan', { files: fmtNumber(r.files), series: fmtNumber(r.series), added: fmtNumber(r.added),
    changed: fmtNumber(r.changed), removed: fmtNumber(r.removed) });
  if (r.problems && r.problems.length) {
    const p = r.problems[0];
    text += ' — ' + t('settings.lib.scanProblems', { count: r.problems.length, first: [p.path || p.folder, p.message].filter(Boolean).join(' : ') });
  }
  return text;
}

function libraryForm(current, onSaved, onCancel) {
  const adding = !current;
  const name = el('input', { type: 'text', name: 'name', id: adding ? 'library-name' : null, autocomplete: 'off', required: '', value: current?.name ?? '' });
  const path = el('input', { type: 'text', name: 'path', id: adding ? 'library-path' : null, autocomplete: 'off', required: '', spellcheck: 'false',
    value: current?.root ?? '', placeholder: '/srv/manga' });
  const chapters = el('input', { type: 'checkbox', name: 'chapters' });
  chapters.checked = !!current?.chapterBased;
  const save = el('button', { type: 'submit', id: adding ? 'library-add' : null, text: current ? t('settings.save') : t('settings.lib.add') });
  const form = el('form', { class: 'library-form', id: adding ? 'library-form' : null, novalidate: '' },
    field(t('settings.lib.name'), name), field(t('settings.lib.path'), path), checkField(t('settings.lib.chapters'), chapters),
    el('div', { class: 'actions' }, save, onCancel ? button(t('settings.cancel'), { on: { click: onCancel } }) : null));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form);
    busy(save, async () => {
      const body = { name: name.value.trim(), path: path.value.trim(), chapters: chapters.checked };
      try {
        if (current) {
          await api('PUT', '/api/libraries/' + enc(current.name), body);
          await onSaved(null);
        } else {
          await api('POST', '/api/libraries', body);
          const [report] = await api('POST', '/api/libraries/scan', { name: body.name });
          await onSaved(report);
        }
      } catch (e) {
        showFieldError(e, { name, path, chapters });
      }
    });
  });
  return form;
}

function librariesSection() {
  const list = el('ul', { class: 'items', id: 'libraries' });
  const addBox = el('div', { class: 'add-box' });
  const section = el('section', { class: 'settings-block', id: 'settings-libraries', 'aria-labelledby': 'h-libraries' },
    el('h2', { id: 'h-libraries', text: t('settings.libraries') }), el('p', { class: 'help', text: t('settings.libraries.help') }),
    list, addBox);

  async function refresh() {
    const libs = await api('GET', '/api/libraries');
    list.replaceChildren(...(libs.length ? libs.map(item) : [el('li', {}, emptyState(t('settings.libraries.empty')))]));
    return libs;
  }

  function item(l) {
    const li = el('li', { class: 'item', data: { name: l.name } });
    const scanned = el('span', { class: 'muted', text: l.lastScan ? t('settings.lib.scanned', { when: fmtDateTime(l.lastScan) }) : t('settings.lib.never') });
    const rescan = button(t('settings.lib.rescan'), { class: 'rescan' });
    rescan.addEventListener('click', () => busy(rescan, async () => {
      const [r] = await api('POST', '/api/libraries/scan', { name: l.name });
      scanned.textContent = t('settings.lib.scanned', { when: fmtDateTime(new Date().toISOString()) });
      feedback(rescan, scanText(r), r.problems?.length ? 'info' : 'ok');
    }));
    const edit = button(t('settings.edit'), { class: 'edit' });
    edit.addEventListener('click', () => {
      li.replaceChildren(libraryForm(l, async () => { await refresh(); }, () => li.replaceWith(item(l))));
      li.querySelector('input')?.focus();
    });
    const remove = button(t('settings.remove'), { class: 'danger remove' });
    remove.addEventListener('click', () => busy(remove, async () => {
      if (!(await confirmDialog(t('settings.lib.removeConfirm', { name: l.name }), { confirmLabel: t('settings.remove'), danger: true }))) return;
      await api('DELETE', '/api/libraries/' + enc(l.name));
      await refresh();
    }));
    li.append(
      el('div', { class: 'item-head' }, el('strong', { class: 'item-name', text: l.name }),
        l.chapterBased ? el('span', { class: 'badge', text: t('settings.lib.chaptersBadge') }) : null, scanned),
      el('code', { class: 'path', text: l.root }),
      el('div', { class: 'actions' }, rescan, edit, remove));
    return li;
  }

  function showAdd() {
    const form = libraryForm(null, async (report) => {
      await refresh();
      showAdd();
      const added = addBox.querySelector('button[type=submit]');
      feedback(added, t('settings.lib.added') + ' ' + (report ? scanText(report) : ''), 'ok');
    });
    addBox.replaceChildren(form);
  }
  showAdd();
  return { section, load: refresh };
}

// ---- plugin instances (sources, clients, scorers, notifiers)

function propertyTexts(p) {
  const own = p.texts?.[lang()];
  return { label: own?.label ?? p.label ?? p.key, help: own?.help ?? p.description ?? null };
}

/** A value's text in the user's language (texts: {fr, en} from the plugin's bundle), else its label, else itself. */
function choiceText(c) {
  return c.texts?.[lang()] ?? c.label ?? c.value;
}

/** A plugin kind's name in the user's language, from its texts ({fr, en}); its name where it has none. */
function kindText(data, kind) {
  const k = (data.kinds || []).find((x) => x.kind === kind);
  return k?.texts?.[lang()] ?? kind;
}

/** A group of checkboxes for a list setting; {@code values()} gives them comma-separated. */
function choiceGroup(name, choices, selected, legend, help) {
  const fs = el('fieldset', { class: 'checks', data: { key: name } }, el('legend', { text: legend }),
    choices.map((c) => {
      const id = nextId('c');
      const box = el('input', { type: 'checkbox', id, value: c.value, name });
      box.checked = selected.includes(c.value);
      return el('span', { class: 'check' }, box, el('label', { for: id, text: c.label }));
    }),
    help ? el('p', { class: 'help', text: help }) : null);
  return { node: fs, anchor: fs, value: () => [...fs.querySelectorAll('input:checked')].map((b) => b.value).join(',') };
}

/** One setting's control: {node, anchor, value()}; list settings may turn into checkboxes once choices arrive. */
function propertyControl(role, instance, p) {
  const { label, help } = propertyTexts(p);
  const current = instance?.settings?.[p.key];
  const start = current ?? p.default ?? '';
  const split = (s) => (s ? String(s).split(',').map((x) => x.trim()).filter(Boolean) : []);
  if (p.secret) {
    // never filled back: empty keeps the stored secret
    const input = el('input', { type: 'password', name: p.key, autocomplete: 'new-password',
      placeholder: instance && current ? t('settings.secret.kept') : '' });
    return { node: field(label + (p.required ? ' *' : ''), input, help), anchor: input, value: () => input.value, secret: true };
  }
  if (p.type === 'boolean') {
    const input = el('input', { type: 'checkbox', name: p.key });
    input.checked = String(start) === 'true';
    return { node: checkField(label, input), anchor: input, value: () => String(input.checked) };
  }
  // fixed values named by the plugin's (or the host's) texts, <key>.choice.<value>: a notifier's events, its language.
  // A source's or client's list setting takes the values its peer offers instead (below); the texts only name them.
  const fixed = (p.choices || []).map((c) => ({ value: c.value, label: choiceText(c) }));
  if (fixed.length && !(role.choices && p.type === 'list')) {
    if (p.type === 'list') {
      const selected = split(start);
      const extra = selected.filter((v) => !fixed.some((c) => c.value === v)).map((v) => ({ value: v, label: v }));
      return choiceGroup(p.key, [...fixed, ...extra], selected, label, null);
    }
    const known = fixed.some((c) => c.value === String(start));
    const select = el('select', { name: p.key }, fixed.map((c) => el('option', { value: c.value, text: c.label })),
      start !== '' && !known ? el('option', { value: String(start), text: String(start) }) : null);
    select.value = String(start || fixed[0].value);
    return { node: field(label + (p.required ? ' *' : ''), select, null), anchor: select, value: () => select.value };
  }
  const input = el('input', { type: p.type === 'integer' ? 'number' : 'text', name: p.key, autocomplete: 'off', spellcheck: 'false',
    value: String(start) });
  const holder = el('div', { class: 'property' }, field(label + (p.required ? ' *' : ''), input, help));
  const control = { node: holder, anchor: input, value: () => input.value.trim() };
  if (p.type === 'list' && role.choices && instance) {
    // the plugin may offer the values its peer knows (Prowlarr's indexers): a list to tick instead of free text
    const note = el('p', { class: 'help', role: 'status', text: t('settings.choices.loading') });
    holder.append(note);
    api('GET', role.base + enc(instance.name) + '/choices/' + enc(p.key)).then((r) => {
      note.remove();
      if (!r.choices.length) return;
      const selected = split(input.value);
      const known = r.choices.map((c) => c.value);
      const extra = selected.filter((v) => !known.includes(v)).map((v) => ({ value: v, label: v }));
      const group = choiceGroup(p.key, [...r.choices.map((c) => ({ value: c.value, label: choiceText(c) })), ...extra], selected, label, help);
      holder.replaceChildren(group.node);
      control.anchor = group.anchor;
      control.value = group.value;
    }).catch((e) => {
      note.textContent = t('settings.choices.failed', { why: errorText(e) });
    });
  }
  return control;
}

function instanceForm(role, data, instance, onSaved, onCancel) {
  const taken = data.configured.map((c) => c.name.toLowerCase());
  const kindSelect = el('select', { name: 'kind' }, data.kinds.map((k) => el('option', { value: k.kind, text: kindText(data, k.kind) })));
  const nameInput = el('input', { type: 'text', name: 'name', autocomplete: 'off', spellcheck: 'false', pattern: NAME.source });
  const props = el('div', { class: 'properties' });
  let controls = {};
  const suggest = (kind) => {
    let n = kind, i = 2;
    while (taken.includes(n.toLowerCase())) n = kind + '-' + i++;
    return n;
  };
  const draw = () => {
    const kind = data.kinds.find((k) => k.kind === kindSelect.value);
    controls = {};
    props.replaceChildren(...(kind ? kind.properties : []).map((p) => {
      controls[p.key] = propertyControl(role, instance, p);
      return controls[p.key].node;
    }));
    if (!instance && role.choices && kind && kind.properties.some((p) => p.type === 'list')) {
      props.append(el('p', { class: 'help', text: t('settings.choices.afterSave') })); // choices are asked of a saved instance's peer
    }
  };
  if (instance) {
    kindSelect.value = instance.kind;
    kindSelect.disabled = true;
    nameInput.value = instance.name;
    nameInput.readOnly = true;
  } else {
    nameInput.value = suggest(kindSelect.value);
    kindSelect.addEventListener('change', () => {
      nameInput.value = suggest(kindSelect.value);
      kindSelect.form.dataset.kind = kindSelect.value;
      draw();
    });
  }
  draw();
  const save = el('button', { type: 'submit', text: t('settings.save') });
  const form = el('form', { class: 'instance-form', novalidate: '', data: { role: role.id, kind: kindSelect.value } },
    field(t('settings.kind'), kindSelect), field(t('settings.name'), nameInput, instance ? null : t('settings.name.help')),
    props,
    el('div', { class: 'actions' }, save, button(t('settings.cancel'), { on: { click: onCancel } })));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const name = nameInput.value.trim();
    if (!instance && taken.includes(name.toLowerCase())) {
      fieldError(nameInput, t('settings.name.taken'));
      return;
    }
    if (!NAME.test(name)) {
      fieldError(nameInput, t('settings.name.help'));
      return;
    }
    busy(save, async () => {
      const settings = {};
      for (const [key, c] of Object.entries(controls)) {
        const v = c.value();
        if (v !== '' || (!c.secret && instance?.settings?.[key] !== undefined)) settings[key] = v;
      }
      try {
        await api('POST', role.base + enc(name), { kind: kindSelect.value, settings });
      } catch (e) {
        const anchors = { name: nameInput, kind: kindSelect };
        for (const [key, c] of Object.entries(controls)) anchors[key] = c.anchor;
        showFieldError(e, anchors);
        return;
      }
      await onSaved(name);
    });
  });
  return form;
}

function instancesSection(role) {
  const list = el('ul', { class: 'items', id: role.id + '-list' });
  const addBox = el('div', { class: 'add-box' });
  const add = button(t('settings.' + role.id + '.add'), { class: 'add' });
  const section = el('section', { class: 'settings-block', id: role.id + '-settings', 'aria-labelledby': 'h-' + role.id },
    el('h2', { id: 'h-' + role.id, text: t('settings.' + role.id) }), el('p', { class: 'help', text: t('settings.' + role.id + '.help') }),
    list, addBox, add);
  let data = { configured: [], kinds: [] };

  async function refresh(savedName) {
    data = await api('GET', role.list);
    list.replaceChildren(...(data.configured.length ? data.configured.map(item)
      : [el('li', {}, emptyState(t('settings.' + role.id + '.empty')))]));
    add.hidden = !data.kinds.length;
    if (savedName) {
      const anchor = list.querySelector('li[data-name="' + CSS.escape(savedName) + '"] .test') || add;
      feedback(anchor, t('settings.saved'), 'ok');
    }
  }

  function item(c) {
    const li = el('li', { class: 'item', data: { name: c.name, kind: c.kind } });
    const test = button(t('settings.test'), { class: 'test' });
    test.addEventListener('click', () => busy(test, async () => {
      await api('POST', role.base + enc(c.name) + '/test');
      feedback(test, t('settings.test.ok'), 'ok');
    }));
    const edit = button(t('settings.edit'), { class: 'edit' });
    edit.addEventListener('click', () => {
      li.replaceChildren(instanceForm(role, data, c, refresh, () => li.replaceWith(item(c))));
    });
    const remove = button(t('settings.remove'), { class: 'danger remove' });
    remove.addEventListener('click', () => busy(remove, async () => {
      if (!(await confirmDialog(t('settings.removeConfirm', { name: c.name === c.kind ? kindText(data, c.kind) : c.name, kind: kindText(data, c.kind) }), { confirmLabel: t('settings.remove'), danger: true }))) return;
      await api('DELETE', role.base + enc(c.name));
      await refresh();
    }));
    // an instance named after its kind (as Kanzen names a scorer it enables by itself: "filters") reads as the kind's
    // name in the user's language; a name the user chose reads as it is
    const shownName = c.name === c.kind ? kindText(data, c.kind) : c.name;
    li.append(el('div', { class: 'item-head' }, el('strong', { class: 'item-name', text: shownName }), el('span', { class: 'badge kind', text: kindText(data, c.kind) })),
      el('div', { class: 'actions' }, test, edit, remove));
    return li;
  }

  add.addEventListener('click', () => {
    add.hidden = true;
    addBox.replaceChildren(instanceForm(role, data, null, async (name) => {
      addBox.replaceChildren();
      await refresh(name);
    }, () => {
      addBox.replaceChildren();
      add.hidden = false;
    }));
    addBox.querySelector('select')?.focus();
  });
  return { section, load: () => refresh() };
}

// ---- plugins found

function pluginsSection() {
  const list = el('ul', { class: 'items plugins', id: 'plugin-list' });
  const section = el('section', { class: 'settings-block', id: 'settings-plugins', 'aria-labelledby': 'h-plugins' },
    el('h2', { id: 'h-plugins', text: t('settings.plugins') }), list);
  const load = async () => {
    const r = await api('GET', '/api/plugins');
    // a plugin's title and description are its author's words (English for the bundled ones): shown as they are in
    // English, behind a disclosure saying so in another language
    const english = lang() === 'en';
    const about = (p) => [p.title, p.description].filter(Boolean).join(' — ');
    const kind = (p, k) => {
      const [role, name] = String(k).split(':');
      const shown = p.kind_texts?.[k]?.[lang()] ?? name; // the kind's own name in the user's language (filters: filtres)
      return name && has('settings.plugins.role.' + role) ? t('settings.plugins.role.' + role, { name: shown }) : k;
    };
    const loaded = r.loaded.map((p) => el('li', { class: 'item', data: { name: p.name } },
      el('div', { class: 'item-head' }, el('strong', { text: english ? (p.title || p.name) : p.name }),
        p.version ? el('span', { class: 'muted', text: t('settings.plugins.version', { version: p.version }) }) : null,
        ...(p.kinds || []).map((k) => el('span', { class: 'badge', text: kind(p, k) }))),
      english ? (p.description ? el('p', { class: 'help', text: p.description }) : null)
        : (about(p) ? el('details', { class: 'help' }, el('summary', { text: t('settings.plugins.about') }), el('p', { text: about(p) })) : null)));
    const skipped = r.skipped.map((p) => el('li', { class: 'item skipped' },
      el('div', { class: 'item-head' }, el('strong', { text: p.title || p.location }),
        p.version ? el('span', { class: 'muted', text: t('settings.plugins.version', { version: p.version }) }) : null),
      el('p', { class: 'feedback feedback-error', text: t('settings.plugins.skipped', { reason: p.reason }) }),
      el('code', { class: 'path', text: p.location })));
    list.replaceChildren(...loaded, ...skipped);
    if (!loaded.length && !skipped.length) list.replaceChildren(el('li', {}, emptyState(t('settings.plugins.none'))));
  };
  return { section, load };
}

// ---- account

function accountSection() {
  const current = el('input', { type: 'password', name: 'current_password', autocomplete: 'current-password' });
  const next = el('input', { type: 'password', name: 'new_password', autocomplete: 'new-password' });
  const repeat = el('input', { type: 'password', name: 'repeat', autocomplete: 'new-password' });
  const change = el('button', { type: 'submit', text: t('settings.password.change') });
  const pwForm = el('form', { class: 'password-form', id: 'password-form', novalidate: '' },
    el('h3', { text: t('settings.password') }),
    field(t('settings.password.current'), current), field(t('settings.password.new'), next), field(t('settings.password.repeat'), repeat),
    el('div', { class: 'actions' }, change));
  pwForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(pwForm);
    if (next.value !== repeat.value) {
      fieldError(repeat, t('settings.password.mismatch'));
      return;
    }
    busy(change, async () => {
      try {
        await api('POST', '/api/account/password', { current_password: current.value, new_password: next.value });
      } catch (e) {
        showFieldError(e, { current_password: current, new_password: next });
        return;
      }
      pwForm.reset();
      feedback(change, t('settings.password.changed'), 'ok');
    });
  });

  const key = el('code', { class: 'api-key', id: 'api-key', text: '••••••••••••' });
  let shown = false;
  const show = button(t('settings.apikey.show'), { class: 'show-key', 'aria-controls': 'api-key' });
  show.addEventListener('click', () => busy(show, async () => {
    shown = !shown;
    key.textContent = shown ? (await api('GET', '/api/account/api-key')).api_key : '••••••••••••';
    show.textContent = t(shown ? 'settings.apikey.hide' : 'settings.apikey.show');
  }));
  const rotate = button(t('settings.apikey.rotate'), { class: 'danger rotate-key' });
  rotate.addEventListener('click', () => busy(rotate, async () => {
    if (!(await confirmDialog(t('settings.apikey.rotateConfirm'), { confirmLabel: t('settings.apikey.rotate'), danger: true }))) return;
    key.textContent = (await api('POST', '/api/account/api-key/rotate')).api_key;
    shown = true;
    show.textContent = t('settings.apikey.hide');
    feedback(rotate, t('settings.apikey.rotated'), 'ok');
  }));
  const section = el('section', { class: 'settings-block', id: 'settings-account', 'aria-labelledby': 'h-account' },
    el('h2', { id: 'h-account', text: t('settings.account') }), pwForm,
    el('div', { class: 'api-key-box' }, el('h3', { text: t('settings.apikey') }), el('p', { class: 'help', text: t('settings.apikey.help') }),
      key, el('div', { class: 'actions' }, show, rotate)));
  return { section, load: async () => {} };
}

export default {
  id: 'settings',
  tab: 'tab.settings',
  async render(view) {
    const parts = [librariesSection(), ...ROLES.map(instancesSection), pluginsSection(), accountSection()];
    view.append(...parts.map((p) => p.section));
    await Promise.all(parts.map((p) => p.load()));
  },
};

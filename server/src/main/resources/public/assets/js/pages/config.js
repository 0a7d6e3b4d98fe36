// Configuration: the monitor's global settings (GET/POST /api/missing-monitor/config) with real controls.
// The server's formats stay what it accepts ("2h", "30s"); the page composes them from a number and a unit.
import { api } from '../api.js';
import { t, addTexts, errorText, lang, problemText } from '../i18n.js';
import { el, busy, feedback, confirmDialog, fieldError } from '../ui.js';

addTexts({
  fr: {
    'config.title': 'Configuration de la surveillance',
    'config.problem': 'Le fichier de réglages est invalide : {problem}',
    'config.checks': 'Vérifications automatiques',
    'config.enabled': 'Vérifier automatiquement',
    'config.interval': 'Intervalle entre deux vérifications',
    'config.interval.help': 'Au moins 5 minutes : les sources bannissent un rythme plus rapide.',
    'config.unit.s': 'secondes', 'config.unit.m': 'minutes', 'config.unit.h': 'heures', 'config.unit.d': 'jours',
    'config.autoSearch': 'Chercher dans les sources',
    'config.autoSearch.help': 'Si décoché, une vérification ne fait que suivre les téléchargements.',
    'config.autoDownload': 'Télécharger automatiquement',
    'config.autoDownload.help': 'Si décoché, une vérification propose ce qu’elle enverrait (onglet Propositions) sans rien envoyer.',
    'config.autoDownload.confirm': 'Télécharger automatiquement : à chaque vérification, Kanzen enverra lui-même au client de téléchargement chaque tome manquant qu’il trouve, sans vous demander. Avec beaucoup de séries, cela peut faire des dizaines de téléchargements d’un coup. Activer ?',
    'config.autoDownload.yes': 'Activer le téléchargement automatique',
    'config.what': 'Quoi chercher',
    'config.sources': 'Sources',
    'config.sources.help': 'Aucune cochée : toutes les sources configurées.',
    'config.sources.none': 'Aucune source configurée : ajoutez-en une dans Réglages.',
    'config.missing': '{name} (n’est plus configuré)',
    'config.client': 'Client de téléchargement',
    'config.client.auto': 'Selon le lien (ed2k : aMule, sinon qBittorrent)',
    'config.edition': 'Édition suivie',
    'config.edition.vf': 'VF (édition française)', 'config.edition.vo': 'VO (édition originale)',
    'config.language': 'Langue des releases',
    'config.language.any': 'Toutes les langues',
    'config.formats': 'Formats acceptés',
    'config.formats.help': 'Aucun coché : tous les formats.',
    'config.allowOwnedOverlap': 'Accepter un pack qui contient des tomes déjà possédés',
    'config.acceptUntagged': 'Accepter une release sans langue indiquée quand aucune release dans la langue voulue n’apporte le tome',
    'config.minScore': 'Score minimum',
    'config.minScore.help': 'Les releases sous ce score sont refusées.',
    'config.metadataMaxAgeHours': 'Durée de confiance des métadonnées (heures)',
    'config.downloads': 'Suivi des téléchargements',
    'config.pollInterval': 'Interroger les clients toutes les',
    'config.stallTimeout': 'Abandonner un téléchargement bloqué après',
    'config.naming': 'Nom des fichiers importés',
    'config.naming.help': 'Vide : comme les fichiers déjà présents. Sinon un modèle avec {Series} et {vol:00}, par exemple « {Series} - Tome {vol:00} ».',
    'config.clientImport': 'Après import — {name}',
    'config.afterImport': 'Une fois les tomes dans la bibliothèque',
    'config.afterImport.SEED': 'lier ou copier les fichiers et continuer à partager (par défaut)',
    'config.afterImport.MOVE': 'déplacer les fichiers et retirer le téléchargement du client',
    'config.afterImport.REMOVE': 'lier ou copier, puis supprimer le téléchargement et ses fichiers du client',
    'config.mappings': 'Correspondance des chemins (client dans un conteneur ou sur une autre machine)',
    'config.mapping.remote': 'Chemin vu par le client', 'config.mapping.local': 'Chemin vu par Kanzen',
    'config.mapping.add': 'Ajouter une correspondance', 'config.mapping.remove': 'Retirer',
    'config.mapping.incomplete': 'Donnez les deux chemins, ou aucun.',
    'config.save': 'Enregistrer',
    'config.saved': 'Réglages enregistrés.',
    'config.invalid': 'Corrigez les champs signalés.',
    // the errors this form meets, by their stable code (error.<code>)
    'error.setting.unknownSource': '« {value} » n’est pas une source configurée.',
    'error.setting.unknownClient': '« {value} » n’est pas un client de téléchargement configuré.',
    'error.setting.unknown': 'Réglage inconnu : {name}.',
    'config.intervalTooShort': 'Au moins 5 minutes : les sources bannissent un rythme plus rapide.',
    'config.pollTooShort': 'Au moins 5 secondes.',
    'config.stallTooShort': 'Au moins 10 minutes.',
    'config.wholeNumber': 'Un nombre entier positif.',
    'config.namingVol': 'Le modèle contient {vol} (ou {vol:00}), sans / ni \\ : deux tomes auraient sinon le même nom.',
  },
  en: {
    'config.title': 'Monitor settings',
    'config.problem': 'The settings file is invalid: {problem}',
    'config.checks': 'Automatic checks',
    'config.enabled': 'Check automatically',
    'config.interval': 'Time between two checks',
    'config.interval.help': 'At least 5 minutes: sources ban a faster pace.',
    'config.unit.s': 'seconds', 'config.unit.m': 'minutes', 'config.unit.h': 'hours', 'config.unit.d': 'days',
    'config.autoSearch': 'Search the sources',
    'config.autoSearch.help': 'When unticked, a check only follows the downloads.',
    'config.autoDownload': 'Download automatically',
    'config.autoDownload.help': 'When unticked, a check proposes what it would send (Proposals tab) and sends nothing.',
    'config.autoDownload.confirm': 'Download automatically: at every check, Kanzen will itself send each missing volume it finds to the download client, without asking you. With many series this can be dozens of downloads at once. Turn it on?',
    'config.autoDownload.yes': 'Turn automatic download on',
    'config.what': 'What to search',
    'config.sources': 'Sources',
    'config.sources.help': 'None ticked: every configured source.',
    'config.sources.none': 'No source is configured: add one in Settings.',
    'config.missing': '{name} (no longer configured)',
    'config.client': 'Download client',
    'config.client.auto': 'By the link (ed2k: aMule, else qBittorrent)',
    'config.edition': 'Edition followed',
    'config.edition.vf': 'VF (French edition)', 'config.edition.vo': 'VO (original edition)',
    'config.language': 'Release language',
    'config.language.any': 'Any language',
    'config.formats': 'Accepted formats',
    'config.formats.help': 'None ticked: every format.',
    'config.allowOwnedOverlap': 'Accept a pack that brings volumes already owned',
    'config.acceptUntagged': 'Accept a release showing no language when no release in the wanted language brings the volume',
    'config.minScore': 'Minimum score',
    'config.minScore.help': 'Releases scoring below are rejected.',
    'config.metadataMaxAgeHours': 'Trust metadata for (hours)',
    'config.downloads': 'Following downloads',
    'config.pollInterval': 'Ask the clients every',
    'config.stallTimeout': 'Give up a stalled download after',
    'config.naming': 'Name of imported files',
    'config.naming.help': 'Empty: like the files already there. Else a pattern with {Series} and {vol:00}, such as "{Series} - Tome {vol:00}".',
    'config.clientImport': 'After import — {name}',
    'config.afterImport': 'Once the volumes are in the library',
    'config.afterImport.SEED': 'link or copy the files and keep seeding (default)',
    'config.afterImport.MOVE': 'move the files and remove the download from the client',
    'config.afterImport.REMOVE': 'link or copy, then delete the download and its files from the client',
    'config.mappings': 'Path mappings (a client in a container or on another machine)',
    'config.mapping.remote': 'Path the client sees', 'config.mapping.local': 'Path Kanzen sees',
    'config.mapping.add': 'Add a mapping', 'config.mapping.remove': 'Remove',
    'config.mapping.incomplete': 'Give both paths, or neither.',
    'config.save': 'Save',
    'config.saved': 'Settings saved.',
    'config.invalid': 'Fix the fields shown.',
    'error.setting.unknownSource': '"{value}" is not a configured source.',
    'error.setting.unknownClient': '"{value}" is not a configured download client.',
    'error.setting.unknown': 'Unknown setting: {name}.',
    'config.intervalTooShort': 'At least 5 minutes: sources ban a faster pace.',
    'config.pollTooShort': 'At least 5 seconds.',
    'config.stallTooShort': 'At least 10 minutes.',
    'config.wholeNumber': 'A positive whole number.',
    'config.namingVol': 'The pattern holds {vol} (or {vol:00}), without / or \\: two volumes would get the same name otherwise.',
  },
});

const LANGUAGES = ['fr', 'en', 'ja', 'de', 'it', 'es', 'ko', 'zh', 'multi'];
const FORMATS = ['cbz', 'cbr', 'pdf', 'epub', 'zip', 'rar'];
const LANGUAGE_NAMES = {
  fr: { fr: 'français', en: 'anglais', ja: 'japonais', de: 'allemand', it: 'italien', es: 'espagnol', ko: 'coréen', zh: 'chinois', multi: 'multilingue' },
  en: { fr: 'French', en: 'English', ja: 'Japanese', de: 'German', it: 'Italian', es: 'Spanish', ko: 'Korean', zh: 'Chinese', multi: 'multilingual' },
};

/** "6h" → {n: 6, unit: 'h'}; the units the server reads (m, min, minutes, h, hours, d, days, s...). */
export function splitDuration(text, fallbackUnit) {
  const m = /^\s*(\d+)\s*(s|sec|seconds?|m|min|minutes?|h|hours?|d|days?)\s*$/i.exec(text || '');
  return m ? { n: Number(m[1]), unit: m[2][0].toLowerCase() } : { n: '', unit: fallbackUnit };
}

let uid = 0;
const nextId = (base) => base + '-' + (++uid);

/** A configured source or client as "my-tracker (prowlarr)", or just "prowlarr" when its name already says its kind. */
function nameAndKind(x) {
  return !x.kind || String(x.kind).toLowerCase() === String(x.name).toLowerCase() ? x.name : x.name + ' (' + x.kind + ')';
}

/** A labelled control in a row: label, the control(s), then a help line. */
function row(label, control, help, forId) {
  return el('div', { class: 'field' },
    el('label', { for: forId, text: label }),
    control,
    help ? el('p', { class: 'help', text: help }) : null);
}

function checkbox(id, label, checked, help) {
  const input = el('input', { type: 'checkbox', id, name: id });
  input.checked = !!checked;
  return el('div', { class: 'field field-check' },
    input, el('label', { for: id, text: label }),
    help ? el('p', { class: 'help', text: help }) : null);
}

function durationControl(id, value, units, fallbackUnit) {
  const { n, unit } = splitDuration(value, fallbackUnit);
  const number = el('input', { type: 'number', id, name: id, min: '1', step: '1', value: String(n), inputmode: 'numeric', class: 'narrow' });
  const select = el('select', { id: id + '-unit', name: id + '-unit', 'aria-label': t('config.unit.' + unit) },
    units.map((u) => el('option', { value: u, text: t('config.unit.' + u) })));
  select.value = units.includes(unit) ? unit : fallbackUnit;
  select.setAttribute('aria-label', t('config.interval'));
  return { group: el('span', { class: 'duration' }, number, select), number, select,
    value: () => (number.value === '' ? '' : String(Math.trunc(Number(number.value))) + select.value) };
}

function checkboxGroup(name, options, selected, legend, help) {
  const fs = el('fieldset', { class: 'checks', id: name },
    el('legend', { text: legend }),
    options.map((o) => {
      const id = nextId(name);
      const box = el('input', { type: 'checkbox', id, name, value: o.value });
      box.checked = selected.includes(o.value);
      return el('span', { class: 'check' }, box, el('label', { for: id, text: o.label }));
    }),
    help ? el('p', { class: 'help', text: help }) : null);
  return { fieldset: fs, values: () => [...fs.querySelectorAll('input:checked')].map((b) => b.value) };
}

/** One download client's import settings: what happens after import and its path mappings. */
function clientImportControl(name, current) {
  const after = el('select', { id: nextId('cfg-after'), name: 'afterImport' },
    ['SEED', 'MOVE', 'REMOVE'].map((a) => el('option', { value: a, text: t('config.afterImport.' + a) })));
  after.value = current?.afterImport || 'SEED';
  const rows = el('div', { class: 'mappings' });
  const addRow = (m) => {
    const remote = el('input', { type: 'text', name: 'remote', value: m?.remote ?? '', placeholder: '/downloads', spellcheck: 'false',
      'aria-label': t('config.mapping.remote') });
    const local = el('input', { type: 'text', name: 'local', value: m?.local ?? '', placeholder: '/mnt/seedbox/downloads', spellcheck: 'false',
      'aria-label': t('config.mapping.local') });
    const row = el('div', { class: 'mapping' }, remote, el('span', { 'aria-hidden': 'true', text: '→' }), local,
      el('button', { type: 'button', class: 'secondary', text: t('config.mapping.remove'), on: { click: () => row.remove() } }));
    rows.append(row);
  };
  (current?.pathMappings || []).forEach(addRow);
  const node = el('fieldset', { class: 'checks client-import', data: { client: name } },
    el('legend', { text: t('config.clientImport', { name }) }),
    row(t('config.afterImport'), after, null, after.id),
    el('p', { class: 'help', text: t('config.mappings') }), rows,
    el('button', { type: 'button', class: 'secondary add-mapping', text: t('config.mapping.add'), on: { click: () => addRow(null) } }));
  return {
    node, anchor: after,
    /** The settings, or throws {input, text} for a mapping with one path only. */
    value() {
      const pathMappings = [];
      for (const r of rows.querySelectorAll('.mapping')) {
        const [remote, local] = [r.querySelector('[name=remote]'), r.querySelector('[name=local]')];
        const a = remote.value.trim(); const b = local.value.trim();
        if (!a && !b) continue;
        if (!a || !b) throw { input: a ? local : remote, text: t('config.mapping.incomplete') };
        pathMappings.push({ remote: a, local: b });
      }
      return { afterImport: after.value, pathMappings };
    },
  };
}

export default {
  id: 'config',
  tab: 'tab.config',
  async render(view) {
    const [{ config, problem }, sources, clients] = await Promise.all([
      api('GET', '/api/missing-monitor/config'),
      api('GET', '/api/plugins/sources'),
      api('GET', '/api/plugins/clients'),
    ]);
    const c = config;
    const langNames = LANGUAGE_NAMES[lang()] || LANGUAGE_NAMES.en;

    const interval = durationControl('cfg-interval', c.checkInterval, ['m', 'h', 'd'], 'h');
    const poll = durationControl('cfg-poll', c.downloads?.pollInterval, ['s', 'm', 'h'], 's');
    const stall = durationControl('cfg-stall', c.downloads?.stallTimeout, ['m', 'h', 'd'], 'h');
    poll.select.setAttribute('aria-label', t('config.pollInterval'));
    stall.select.setAttribute('aria-label', t('config.stallTimeout'));

    const sourceNames = sources.configured.map((s) => ({ value: s.name, label: nameAndKind(s) }));
    for (const s of c.sources) {
      if (!sourceNames.some((o) => o.value.toLowerCase() === s.toLowerCase())) sourceNames.push({ value: s, label: t('config.missing', { name: s }) });
    }
    const sourceGroup = checkboxGroup('cfg-sources', sourceNames, c.sources, t('config.sources'),
      sources.configured.length ? t('config.sources.help') : t('config.sources.none'));

    const clientSelect = el('select', { id: 'cfg-client', name: 'preferredClient' },
      el('option', { value: '', text: t('config.client.auto') }),
      clients.configured.map((k) => el('option', { value: k.name, text: nameAndKind(k) })));
    if (c.preferredClient && !clients.configured.some((k) => k.name.toLowerCase() === c.preferredClient.toLowerCase())) {
      clientSelect.append(el('option', { value: c.preferredClient, text: t('config.missing', { name: c.preferredClient }) }));
    }
    clientSelect.value = clients.configured.find((k) => k.name.toLowerCase() === (c.preferredClient || '').toLowerCase())?.name ?? (c.preferredClient || '');

    const edition = el('select', { id: 'cfg-edition', name: 'edition' },
      ['vf', 'vo'].map((e) => el('option', { value: e, text: t('config.edition.' + e) })));
    edition.value = c.edition;
    const language = el('select', { id: 'cfg-language', name: 'language' },
      el('option', { value: '', text: t('config.language.any') }),
      LANGUAGES.map((l) => el('option', { value: l, text: langNames[l] + ' (' + l + ')' })));
    language.value = c.language || '';
    const formatOptions = [...new Set([...FORMATS, ...c.formats])].map((f) => ({ value: f, label: f }));
    const formatGroup = checkboxGroup('cfg-formats', formatOptions, c.formats, t('config.formats'), t('config.formats.help'));
    const minScore = el('input', { type: 'number', id: 'cfg-minScore', name: 'minScore', step: '1', value: String(c.minScore), class: 'narrow' });
    const metaAge = el('input', { type: 'number', id: 'cfg-metadataMaxAgeHours', name: 'metadataMaxAgeHours', min: '1', step: '1',
      value: String(c.metadataMaxAgeHours), class: 'narrow' });
    const naming = el('input', { type: 'text', id: 'cfg-naming', name: 'naming', value: c.downloads?.naming ?? '', autocomplete: 'off' });

    const keptImports = { ...(c.downloads?.clients || {}) };
    const imports = clients.configured.map((k) => {
      const key = Object.keys(keptImports).find((n) => n.toLowerCase() === k.name.toLowerCase());
      const current = key ? keptImports[key] : null;
      if (key) delete keptImports[key]; // replaced by what the form says
      return { name: k.name, control: clientImportControl(k.name, current) };
    });
    const enabled = checkbox('cfg-enabled', t('config.enabled'), c.enabled);
    const autoSearch = checkbox('cfg-autoSearch', t('config.autoSearch'), c.autoSearch, t('config.autoSearch.help'));
    const autoDownload = checkbox('cfg-autoDownload', t('config.autoDownload'), c.autoDownload, t('config.autoDownload.help'));
    const autoBox = autoDownload.querySelector('input');
    autoBox.addEventListener('change', async () => {
      if (!autoBox.checked) return;
      autoBox.checked = false; // stays off unless the user confirms what it means
      const yes = await confirmDialog(t('config.autoDownload.confirm'), { confirmLabel: t('config.autoDownload.yes'), danger: true });
      autoBox.checked = yes;
    });
    const overlap = checkbox('cfg-allowOwnedOverlap', t('config.allowOwnedOverlap'), c.allowOwnedOverlap);
    const untagged = checkbox('cfg-acceptUntagged', t('config.acceptUntagged'), c.acceptUntagged);

    const save = el('button', { type: 'submit', id: 'cfg-save', text: t('config.save') });
    // where each field's error goes: the server names the field (downloads.* are told apart by the message)
    const anchors = {
      enabled: enabled.querySelector('input'), checkInterval: interval.number, autoSearch: autoSearch.querySelector('input'), autoDownload: autoBox,
      sources: sourceGroup.fieldset, preferredClient: clientSelect, edition, language, formats: formatGroup.fieldset,
      allowOwnedOverlap: overlap.querySelector('input'), minScore, metadataMaxAgeHours: metaAge,
      acceptUntagged: untagged.querySelector('input'), pollInterval: poll.number, stallTimeout: stall.number, naming,
    };

    const form = el('form', { class: 'config-form', novalidate: '' },
      problem ? el('p', { class: 'banner banner-error', role: 'alert', text: t('config.problem', { problem: problemText(problem) }) }) : null,
      el('fieldset', {},
        el('legend', { text: t('config.checks') }),
        enabled,
        row(t('config.interval'), interval.group, t('config.interval.help'), 'cfg-interval'),
        autoSearch, autoDownload),
      el('fieldset', {},
        el('legend', { text: t('config.what') }),
        sourceGroup.fieldset,
        row(t('config.client'), clientSelect, null, 'cfg-client'),
        row(t('config.edition'), edition, null, 'cfg-edition'),
        row(t('config.language'), language, null, 'cfg-language'),
        formatGroup.fieldset,
        overlap, untagged,
        row(t('config.minScore'), minScore, t('config.minScore.help'), 'cfg-minScore'),
        row(t('config.metadataMaxAgeHours'), metaAge, null, 'cfg-metadataMaxAgeHours')),
      el('fieldset', {},
        el('legend', { text: t('config.downloads') }),
        row(t('config.pollInterval'), poll.group, null, 'cfg-poll'),
        row(t('config.stallTimeout'), stall.group, null, 'cfg-stall'),
        row(t('config.naming'), naming, t('config.naming.help'), 'cfg-naming'),
        imports.map((i) => i.control.node)),
      el('div', { class: 'actions' }, save));

    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      clearErrors(form);
      // the rules the server applies, said here in the user's language before anything is sent
      const wrong = [];
      const seconds = (d) => {
        const n = Number(d.number.value);
        return d.number.value !== '' && Number.isInteger(n) && n > 0 ? n * { s: 1, m: 60, h: 3600, d: 86400 }[d.select.value] : null;
      };
      const atLeast = (d, min, text) => {
        const v = seconds(d);
        if (v === null) wrong.push([d.number, t('config.wholeNumber')]);
        else if (v < min) wrong.push([d.number, t(text)]);
      };
      atLeast(interval, 300, 'config.intervalTooShort');
      atLeast(poll, 5, 'config.pollTooShort');
      atLeast(stall, 600, 'config.stallTooShort');
      if (!Number.isInteger(Number(metaAge.value)) || Number(metaAge.value) < 1) wrong.push([metaAge, t('config.wholeNumber')]);
      if (minScore.value !== '' && !Number.isInteger(Number(minScore.value))) wrong.push([minScore, t('config.wholeNumber')]);
      const pattern = naming.value.trim();
      if (pattern && (!pattern.includes('{vol') || /[\\/]/.test(pattern))) wrong.push([naming, t('config.namingVol')]);
      if (wrong.length) {
        wrong.forEach(([input, text]) => fieldError(input, text));
        wrong[0][0].focus();
        feedback(save, t('config.invalid'), 'error');
        return;
      }
      const clientsImport = { ...keptImports };
      try {
        for (const i of imports) clientsImport[i.name] = i.control.value();
      } catch (bad) {
        fieldError(bad.input, bad.text);
        bad.input.focus();
        return;
      }
      busy(save, async () => {
        const body = {
          enabled: anchors.enabled.checked,
          checkInterval: interval.value(),
          autoSearch: anchors.autoSearch.checked,
          autoDownload: autoBox.checked,
          sources: sourceGroup.values(),
          preferredClient: clientSelect.value || null,
          edition: edition.value,
          language: language.value || null,
          formats: formatGroup.values(),
          allowOwnedOverlap: anchors.allowOwnedOverlap.checked,
          acceptUntagged: anchors.acceptUntagged.checked,
          minScore: minScore.value === '' ? 0 : Math.trunc(Number(minScore.value)),
          metadataMaxAgeHours: metaAge.value === '' ? 0 : Math.trunc(Number(metaAge.value)),
          downloads: { ...(c.downloads || {}), pollInterval: poll.value(), stallTimeout: stall.value(), naming: naming.value.trim() || null,
            clients: clientsImport },
        };
        try {
          const saved = await api('POST', '/api/missing-monitor/config', body);
          Object.assign(c, saved.config);
          feedback(save, t('config.saved'), 'ok');
        } catch (e) {
          const target = anchorOf(e, anchors);
          if (!target) throw e; // busy shows it next to the button
          fieldError(target, errorText(e));
          target.focus?.();
          feedback(save, t('config.invalid'), 'error');
        }
      });
    });

    view.append(el('h2', { text: t('config.title') }), form);
  },
};

/** The control a server error points at: its field, or for downloads the setting its message starts with. */
function anchorOf(e, anchors) {
  if (!e || !e.field) return null;
  if (e.field === 'downloads') {
    const m = /(pollInterval|stallTimeout|naming)/.exec(e.message || '');
    return m ? anchors[m[1]] : anchors.pollInterval;
  }
  return anchors[e.field] || null;
}

function clearErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((n) => n.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((n) => n.remove());
}

// Shared words of every page: navigation, login, common actions, statuses and states. Pages add their own texts.
import { addTexts } from './i18n.js';

addTexts({
  fr: {
    'app.title': 'Kanzen', lang: 'Langue', logout: 'Déconnexion',
    'tab.overview': 'Aperçu', 'tab.proposals': 'Propositions', 'tab.series': 'Séries', 'tab.search': 'Recherche manuelle',
    'tab.downloads': 'Téléchargements', 'tab.history': 'Historique', 'tab.stats': 'Statistiques', 'tab.config': 'Configuration',
    'tab.settings': 'Réglages',
    'login.title': 'Connexion', 'login.user': 'Utilisateur', 'login.password': 'Mot de passe', 'login.submit': 'Se connecter',
    'setup.title': "Créer l'administrateur", 'setup.submit': 'Créer', 'setup.token': "Jeton d'installation (journal du serveur)",
    'common.confirm': 'Confirmer', 'common.cancel': 'Annuler', 'common.save': 'Enregistrer', 'common.saved': 'Enregistré',
    'common.delete': 'Supprimer', 'common.refresh': 'Rafraîchir', 'common.loading': 'Chargement…', 'common.none': 'aucun',
    'common.yes': 'oui', 'common.no': 'non', 'common.close': 'Fermer', 'common.previous': 'Précédent', 'common.next': 'Suivant',
    'error.network.unreachable': 'Le serveur est injoignable.',
  },
  en: {
    'app.title': 'Kanzen', lang: 'Language', logout: 'Log out',
    'tab.overview': 'Overview', 'tab.proposals': 'Proposals', 'tab.series': 'Series', 'tab.search': 'Manual search',
    'tab.downloads': 'Downloads', 'tab.history': 'History', 'tab.stats': 'Statistics', 'tab.config': 'Configuration',
    'tab.settings': 'Settings',
    'login.title': 'Log in', 'login.user': 'User', 'login.password': 'Password', 'login.submit': 'Log in',
    'setup.title': 'Create the administrator', 'setup.submit': 'Create', 'setup.token': "Setup token (in the server's log)",
    'common.confirm': 'Confirm', 'common.cancel': 'Cancel', 'common.save': 'Save', 'common.saved': 'Saved',
    'common.delete': 'Delete', 'common.refresh': 'Refresh', 'common.loading': 'Loading…', 'common.none': 'none',
    'common.yes': 'yes', 'common.no': 'no', 'common.close': 'Close', 'common.previous': 'Previous', 'common.next': 'Next',
    'error.network.unreachable': 'The server cannot be reached.',
  },
});

// ---- series branch: the errors of the series pages (codes thrown by Kanzen.updateSeriesSettings, setMonitored, checkSeries)
addTexts({
  fr: {
    'error.series.notFound': 'Aucune série n° {id} : elle a peut-être disparu au dernier scan.',
    'error.series.noneChosen': 'Choisissez au moins une série.',
    'error.setting.edition': 'L’édition est VF ou VO (ou vide pour le réglage global), pas « {value} ».',
    'error.setting.language': 'Langue inconnue « {value} » : {choices}, ou vide pour le réglage global.',
    'error.setting.notBoolean': 'Oui ou non, pas « {value} ».',
    'error.setting.notNumber': 'Un nombre entier est attendu, pas « {value} ».',
    'error.setting.negative': 'Une taille n’est pas négative ({value}).',
    'error.setting.maxBelowMin': 'La taille maximale ({max} Mo) est sous la taille minimale ({min} Mo).',
    'error.setting.notUrl': 'Une adresse web est attendue (https://…), pas « {value} ».',
    'error.setting.releaseEdition': 'Édition inconnue « {value} » : régulière, ou {choices}.',
    'error.setting.unknownSource': '« {value} » n’est pas une source configurée (configurées : {configured}).',
    'error.setting.unknownClient': '« {value} » n’est pas un client configuré (configurés : {configured}).',
    'error.setting.unknown': 'Réglage inconnu « {value} ».',
    'error.check.busy': 'Une vérification est déjà en cours : réessayez quand elle sera finie.',
  },
  en: {
    'error.series.notFound': 'No series number {id}: it may have gone at the last scan.',
    'error.series.noneChosen': 'Pick at least one series.',
    'error.setting.edition': 'The edition is VF or VO (or empty for the global setting), not “{value}”.',
    'error.setting.language': 'Unknown language “{value}”: {choices}, or empty for the global setting.',
    'error.setting.notBoolean': 'Yes or no, not “{value}”.',
    'error.setting.notNumber': 'A whole number is expected, not “{value}”.',
    'error.setting.negative': 'A size is not negative ({value}).',
    'error.setting.maxBelowMin': 'The largest size ({max} MB) is below the smallest ({min} MB).',
    'error.setting.notUrl': 'A web address is expected (https://…), not “{value}”.',
    'error.setting.releaseEdition': 'Unknown edition “{value}”: regular, or {choices}.',
    'error.setting.unknownSource': '“{value}” is not a configured source (configured: {configured}).',
    'error.setting.unknownClient': '“{value}” is not a configured client (configured: {configured}).',
    'error.setting.unknown': 'Unknown setting “{value}”.',
    'error.check.busy': 'A check is already running: try again when it ends.',
// branch history: the errors of the history page's filters (the other input.* errors are the shared ones above)
addTexts({
  fr: {
    'error.input.period': 'La fin de la période doit venir après son début.',
    'error.input.date': 'Saisissez une date (jj/mm/aaaa).',
    'error.input.timeZone': 'Fuseau horaire inconnu : {value}.',
  },
  en: {
    'error.input.period': 'The end of the period must come after its start.',
    'error.input.date': 'Enter a date.',
    'error.input.timeZone': 'Unknown time zone: {value}.',
  },
});

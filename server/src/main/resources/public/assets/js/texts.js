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

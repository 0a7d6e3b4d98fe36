// Propositions: what a check would send when automatic download is off, to approve or reject.
import { api } from '../api.js';
import { t, addTexts } from '../i18n.js';
import { emptyState } from '../ui.js';

addTexts({
  fr: { 'proposals.empty': 'Aucune proposition. Avec le téléchargement automatique coupé, une vérification propose ici ce qu’elle enverrait.' },
  en: { 'proposals.empty': 'No proposals. With automatic download off, a check lists here what it would send.' },
});

export default {
  id: 'proposals',
  tab: 'tab.proposals',
  async render(view) {
    view.append(emptyState(t('proposals.empty')));
  },
};

// Propositions: with automatic download off, what the checks would send waits here. Per volume: the release, its
// source, size, seeders, score and why it was chosen; approve one or all (sent once, like the monitor sends), or
// reject one (its release blocklisted, so the next check chooses another).
import { api } from '../api.js';
import { t, has, addTexts, lang, fmtNumber, fmtSize, fmtDateTime } from '../i18n.js';
import { downloadStateText } from '../texts.js';
import { el, busy, feedback, confirmDialog, emptyState } from '../ui.js';
import { explanation } from '../explain.js';
import { technicalDetail } from '../history-text.js';

addTexts({
  fr: {
    'proposals.title.none': 'Aucune proposition en attente', 'proposals.title.one': '{n} proposition en attente', 'proposals.title.other': '{n} propositions en attente',
    'proposals.intro': 'Le téléchargement automatique est coupé : chaque vérification propose ici ce qu’elle enverrait. Approuvez pour envoyer, rejetez pour qu’elle en cherche une autre.',
    'proposals.auto': 'Le téléchargement automatique est activé : les vérifications envoient sans demander. Coupez-le dans la configuration pour choisir vous-même.',
    'proposals.empty': 'Aucune proposition en attente. Lancez une vérification depuis l’Aperçu : avec le téléchargement automatique coupé, ce qu’elle enverrait apparaît ici.',
    'proposals.empty.action': 'Aller à l’Aperçu',
    'proposals.volume': 'tome {v}', 'proposals.volumes': 'tomes {v}',
    'proposals.source': 'Source', 'proposals.size': 'Taille', 'proposals.seeders': 'Seeders', 'proposals.score': 'Score',
    'proposals.found': 'Trouvée le {when}', 'proposals.why': 'Pourquoi ce choix', 'proposals.lastFailure': 'Le dernier essai a échoué.',
    'proposals.approve': 'Approuver', 'proposals.reject': 'Rejeter', 'proposals.approveAll': 'Tout approuver',
    'proposals.approveAll.confirm': 'Envoyer les {n} propositions à leur client de téléchargement ?',
    'proposals.reject.confirm': 'Rejeter « {release} » ? Cette version ne sera plus proposée pour {series} : la prochaine vérification en cherchera une autre.',
    'proposals.sent': 'Envoyé à {client}', 'proposals.approved': 'Envoyée', 'proposals.rejected': 'Rejetée : la prochaine vérification en proposera une autre.',
    'proposals.allSent': '{sent} envoyées, {notSent} non envoyées',
    'proposals.part.series': 'série', 'proposals.part.volumes': 'tomes voulus', 'proposals.part.language': 'langue',
    'proposals.part.format': 'format', 'proposals.part.seeders': 'seeders', 'proposals.part.untagged': 'langue non indiquée',
    'error.proposal.notPending': 'Cette proposition a déjà été traitée.',
    'error.proposal.conflict': 'Ce tome est déjà possédé ou envoyé : la proposition est retirée.',
  },
  en: {
    'proposals.title.none': 'No pending proposal', 'proposals.title.one': '{n} pending proposal', 'proposals.title.other': '{n} pending proposals',
    'proposals.intro': 'Automatic download is off: each check lists here what it would send. Approve to send, reject to have another one chosen.',
    'proposals.auto': 'Automatic download is on: checks send without asking. Turn it off in the configuration to choose yourself.',
    'proposals.empty': 'No pending proposal. Start a check from the Overview: with automatic download off, what it would send shows here.',
    'proposals.empty.action': 'Go to the Overview',
    'proposals.volume': 'volume {v}', 'proposals.volumes': 'volumes {v}',
    'proposals.source': 'Source', 'proposals.size': 'Size', 'proposals.seeders': 'Seeders', 'proposals.score': 'Score',
    'proposals.found': 'Found on {when}', 'proposals.why': 'Why this one', 'proposals.lastFailure': 'The last try failed.',
    'proposals.approve': 'Approve', 'proposals.reject': 'Reject', 'proposals.approveAll': 'Approve all',
    'proposals.approveAll.confirm': 'Send the {n} proposals to their download client?',
    'proposals.reject.confirm': 'Reject “{release}”? It will not be proposed for {series} again: the next check looks for another one.',
    'proposals.sent': 'Sent to {client}', 'proposals.approved': 'Sent', 'proposals.rejected': 'Rejected: the next check will propose another one.',
    'proposals.allSent': '{sent} sent, {notSent} not sent',
    'proposals.part.series': 'series', 'proposals.part.volumes': 'wanted volumes', 'proposals.part.language': 'language',
    'proposals.part.format': 'format', 'proposals.part.seeders': 'seeders', 'proposals.part.untagged': 'no language shown',
    'error.proposal.notPending': 'This proposal was already handled.',
    'error.proposal.conflict': 'This volume is already owned or sent: the proposal is withdrawn.',
  },
});

function title(n) {
  if (n === 0) return t('proposals.title.none');
  const one = lang() === 'fr' ? n <= 1 : n === 1;
  return t('proposals.title.' + (one ? 'one' : 'other'), { n: fmtNumber(n) });
}

function volumeText(v) {
  return v.includes('-') ? t('proposals.volumes', { v: v.replace('-', '–') }) : t('proposals.volume', { v });
}

/** A score part's name in words; a scorer plugin's own parts ("filters: group") keep theirs. */
function partName(name) {
  const key = 'proposals.part.' + name;
  const text = t(key);
  return text === key ? name : text;
}

export default {
  id: 'proposals',
  tab: 'tab.proposals',
  async render(view, params) {
    view.append(listSwitch(params && params[0] === 'decided'));
    if (params && params[0] === 'decided') {
      await renderDecided(view);
      return;
    }
    const data = await api('GET', '/api/proposals');
    const list = data.proposals;
    const heading = el('h2', { id: 'proposals-title', text: title(list.length) });
    const items = el('div', { id: 'proposals', class: 'proposals' });
    const left = () => items.querySelectorAll('.proposal[data-state=pending]').length;
    const recount = () => {
      heading.textContent = title(left());
      approveAll.hidden = left() === 0;
    };
    const approveAll = el('button', { id: 'approve-all', type: 'button', text: t('proposals.approveAll') });
    approveAll.addEventListener('click', async () => {
      if (!(await confirmDialog(t('proposals.approveAll.confirm', { n: left() }), { confirmLabel: t('proposals.approveAll') }))) return;
      const r = await busy(approveAll, () => api('POST', '/api/proposals/approve-all'));
      if (!r) return;
      for (const p of r.proposals) {
        const card = items.querySelector('.proposal[data-id="' + p.id + '"]');
        if (!card) continue;
        if (p.state === 'approved') done(card, 'approved', t('proposals.approved'));
        else if (p.reason) feedback(card.querySelector('.approve'), p.reason, 'error');
      }
      recount();
      feedback(approveAll, t('proposals.allSent', { sent: r.sent, notSent: r.not_sent }), r.not_sent ? 'info' : 'ok');
    });

    view.append(heading, el('p', { class: 'muted', id: 'proposals-mode' }, data.auto_download
      ? el('a', { href: '#/config', text: t('proposals.auto') }) : t('proposals.intro')));
    if (!list.length) {
      view.append(emptyState(t('proposals.empty'), t('proposals.empty.action'), () => { location.hash = '#/overview'; }));
      return;
    }
    list.forEach((p) => items.append(card(p, recount)));
    view.append(el('div', { class: 'toolbar' }, approveAll), items);
  },
};

/** Marks a card handled: its buttons go, the message stays where they were. */
function done(card, state, message) {
  card.dataset.state = state;
  const actions = card.querySelector('.actions');
  actions.replaceChildren(el('span', { class: 'feedback feedback-' + (state === 'approved' ? 'ok' : 'info'), role: 'status', text: message }));
}

function card(p, recount) {
  const approve = el('button', { type: 'button', class: 'approve', text: t('proposals.approve') });
  const reject = el('button', { type: 'button', class: 'secondary reject', text: t('proposals.reject') });
  const node = el('article', { class: 'card proposal', data: { id: p.id, state: 'pending' }, 'aria-labelledby': 'proposal-' + p.id },
    el('h3', { id: 'proposal-' + p.id }, el('a', { href: '#/series/' + p.series_id, text: p.series_title }), ' · ', volumeText(p.volume)),
    el('p', { class: 'release', text: p.release }),
    el('dl', { class: 'facts' },
      el('div', {}, el('dt', { text: t('proposals.source') }), el('dd', { text: p.source })),
      el('div', {}, el('dt', { text: t('proposals.size') }), el('dd', { text: fmtSize(p.size) })),
      el('div', {}, el('dt', { text: t('proposals.seeders') }), el('dd', { text: p.seeders == null ? '–' : fmtNumber(p.seeders) })),
      el('div', {}, el('dt', { text: t('proposals.score') }), el('dd', { class: 'score', text: fmtNumber(p.score) }))),
    el('details', { class: 'why' }, el('summary', { text: t('proposals.why') }),
      el('ul', {}, p.score_parts.map((c) => {
        const said = explanation('score', c); // in the user's language by its code; a plugin's own sentence behind a disclosure
        return el('li', {}, el('strong', { text: (c.points >= 0 ? '+' : '') + c.points + ' ' + partName(c.name) }), said ? ' · ' : null, said);
      }))),
    el('p', { class: 'muted small', text: t('proposals.found', { when: fmtDateTime(p.updated_at) }) }),
    p.reason ? lastFailure(p) : null,
    el('div', { class: 'actions' }, approve, reject));
  approve.addEventListener('click', async () => {
    const r = await busy(approve, () => api('POST', '/api/proposals/' + p.id + '/approve'));
    if (!r) return;
    done(node, 'approved', t('proposals.sent', { client: r.grab.client }));
    recount();
  });
  reject.addEventListener('click', async () => {
    if (!(await confirmDialog(t('proposals.reject.confirm', { release: p.release, series: p.series_title }),
      { confirmLabel: t('proposals.reject'), danger: true }))) return;
    const r = await busy(reject, () => api('POST', '/api/proposals/' + p.id + '/reject'));
    if (!r) return;
    done(node, 'rejected', t('proposals.rejected'));
    recount();
  });
  return node;
}

// ---- branch uiextras: the decided proposals (#/proposals/decided), newest first, and taking a rejection back

addTexts({
  fr: {
    'proposals.list': 'Propositions', 'proposals.list.pending': 'En attente', 'proposals.list.decided': 'Décidées',
    'proposals.decided.title': 'Propositions décidées', 'proposals.decided.intro': 'Les plus récentes d’abord : envoyées, rejetées, ou remplacées par une vérification suivante.',
    'proposals.decided.empty': 'Aucune proposition décidée pour l’instant. Celles que vous approuvez ou rejetez s’afficheront ici.',
    'proposals.decided.more': 'Afficher plus',
    'proposals.decided.when': 'Décidée le {when}',
    'proposals.state.approved': 'envoyée', 'proposals.state.rejected': 'rejetée', 'proposals.state.superseded': 'remplacée', 'proposals.state.pending': 'en attente',
    'proposals.download': 'Voir le téléchargement ({state})', 'proposals.download.gone': 'Voir les téléchargements',
    'proposals.unreject': 'Annuler le rejet',
    'proposals.unreject.pending': 'De nouveau en attente : cette version n’est plus bloquée.',
    'proposals.unreject.superseded': 'Cette version n’est plus bloquée, mais la proposition est remplacée : {why}',
    'proposals.reason.approved': 'Approuvée à la main.',
    'proposals.reason.approveFailed': 'Le dernier envoi a échoué : le client de téléchargement ne l’a pas pris. Approuvez de nouveau quand il répond.',
    'proposals.reason.rejected': 'Rejetée à la main : cette version est bloquée pour la série.',
    'proposals.reason.rechosen': 'Une vérification suivante a choisi une autre version pour ces tomes.',
    'proposals.reason.owned': 'Ce tome est désormais dans la bibliothèque.',
    'proposals.reason.held': 'Ce tome a été envoyé depuis par un autre téléchargement.',
    'proposals.reason.sent': 'Cette version avait déjà été envoyée.',
    'proposals.reason.seriesGone': 'La série n’est plus dans les bibliothèques.',
    'proposals.reason.blocklisted': 'Cette version a été bloquée depuis.',
    'proposals.reason.unreadable': 'Son lien ne peut plus être lu : la prochaine vérification proposera de nouveau ce tome.',
    'error.proposal.notRejected': 'Cette proposition n’est plus rejetée.',
  },
  en: {
    'proposals.list': 'Proposals', 'proposals.list.pending': 'Pending', 'proposals.list.decided': 'Decided',
    'proposals.decided.title': 'Decided proposals', 'proposals.decided.intro': 'Newest first: sent, rejected, or replaced by a later check.',
    'proposals.decided.empty': 'No decided proposal yet. Those you approve or reject will show here.',
    'proposals.decided.more': 'Show more',
    'proposals.decided.when': 'Decided on {when}',
    'proposals.state.approved': 'sent', 'proposals.state.rejected': 'rejected', 'proposals.state.superseded': 'replaced', 'proposals.state.pending': 'pending',
    'proposals.download': 'See the download ({state})', 'proposals.download.gone': 'See the downloads',
    'proposals.unreject': 'Undo the rejection',
    'proposals.unreject.pending': 'Pending again: this release is no longer blocklisted.',
    'proposals.unreject.superseded': 'This release is no longer blocklisted, but the proposal is replaced: {why}',
    'proposals.reason.approved': 'Approved by hand.',
    'proposals.reason.approveFailed': 'The last send failed: the download client did not take it. Approve again once it answers.',
    'proposals.reason.rejected': 'Rejected by hand: this release is blocklisted for the series.',
    'proposals.reason.rechosen': 'A later check chose another release for these volumes.',
    'proposals.reason.owned': 'This volume is in the library now.',
    'proposals.reason.held': 'This volume was sent since by another download.',
    'proposals.reason.sent': 'This release had already been sent.',
    'proposals.reason.seriesGone': 'The series is no longer in the libraries.',
    'proposals.reason.blocklisted': 'This release was blocklisted since.',
    'proposals.reason.unreadable': 'Its link cannot be read any more: the next check proposes this volume again.',
    'error.proposal.notRejected': 'This proposal is no longer rejected.',
  },
});

const DECIDED_STEP = 25;
const DECIDED_MOST = 500; // the server's bound (Proposal.MOST_DECIDED_LISTED)

/** The two lists of the page, as links: the pending proposals (#/proposals) and the decided ones (#/proposals/decided). */
function listSwitch(decided) {
  const link = (href, key, on) => el('a', { href, class: 'switch-item', 'aria-current': on ? 'page' : null, text: t(key) });
  return el('nav', { class: 'switch', id: 'proposals-lists', 'aria-label': t('proposals.list') },
    link('#/proposals', 'proposals.list.pending', !decided), link('#/proposals/decided', 'proposals.list.decided', decided));
}

/**
 * Why a pending proposal's last approval did not send it: said by its code, the client's own (English) sentence folded
 * behind "Détail technique"; a reason stored before codes is that detail alone.
 */
function lastFailure(p) {
  const coded = p.reason_code && has('proposals.reason.' + p.reason_code);
  return el('p', { class: 'feedback feedback-error' },
    coded ? t('proposals.reason.' + p.reason_code) : t('proposals.lastFailure'),
    technicalDetail(p.reason));
}

/** Why a proposal left the pending list, in words: its code translated, its English sentence for one decided before codes. */
function reasonText(p) {
  if (p.reason_code && has('proposals.reason.' + p.reason_code)) return t('proposals.reason.' + p.reason_code);
  return p.reason || '';
}

async function renderDecided(view) {
  let limit = DECIDED_STEP;
  const list = el('ul', { id: 'decided', class: 'decided' });
  const more = el('button', { type: 'button', class: 'secondary', id: 'decided-more', text: t('proposals.decided.more') });
  view.append(el('h2', { id: 'proposals-title', text: t('proposals.decided.title') }),
    el('p', { class: 'muted', text: t('proposals.decided.intro') }), list, el('div', { class: 'toolbar' }, more));
  async function load() {
    const data = await api('GET', '/api/proposals?state=decided&limit=' + limit);
    list.replaceChildren(...data.proposals.map(decidedItem));
    if (!data.proposals.length) list.replaceWith(emptyState(t('proposals.decided.empty'), t('proposals.list.pending'), () => { location.hash = '#/proposals'; }));
    more.hidden = data.proposals.length < limit || limit >= DECIDED_MOST;
  }
  more.addEventListener('click', () => busy(more, async () => {
    limit = Math.min(DECIDED_MOST, limit + DECIDED_STEP);
    await load();
  }));
  await load();
}

function decidedItem(p) {
  const actions = el('div', { class: 'actions' });
  const node = el('li', { class: 'card decided-item', data: { id: p.id, state: p.state } },
    el('h3', {}, el('a', { href: '#/series/' + p.series_id, text: p.series_title }), ' · ', volumeText(p.volume), ' ',
      el('span', { class: 'badge badge-' + p.state, text: t('proposals.state.' + p.state) })),
    el('p', { class: 'release', text: p.release }),
    el('p', { class: 'muted small when', text: t('proposals.decided.when', { when: fmtDateTime(p.updated_at) }) + ' · ' + p.source }),
    el('p', { class: 'reason', text: reasonText(p) }),
    actions);
  if (p.state === 'approved' && p.grab_id != null) {
    actions.append(el('a', { class: 'download-link', href: '#/downloads/' + p.grab_id,
      text: p.grab_state ? t('proposals.download', { state: downloadStateText(null, p.grab_state).toLocaleLowerCase(lang()) }) : t('proposals.download.gone') }));
  }
  if (p.state === 'rejected') {
    const undo = el('button', { type: 'button', class: 'secondary unreject', text: t('proposals.unreject') });
    undo.addEventListener('click', async () => {
      const r = await busy(undo, () => api('POST', '/api/proposals/' + p.id + '/unreject'));
      if (!r) return;
      const back = r.proposal;
      node.dataset.state = back.state;
      node.querySelector('.badge').className = 'badge badge-' + back.state;
      node.querySelector('.badge').textContent = t('proposals.state.' + back.state);
      node.querySelector('.reason').textContent = back.state === 'pending' ? '' : reasonText(back);
      actions.replaceChildren(el('span', { class: 'feedback feedback-' + (back.state === 'pending' ? 'ok' : 'info'), role: 'status',
        text: back.state === 'pending' ? t('proposals.unreject.pending') : t('proposals.unreject.superseded', { why: reasonText(back) }) }),
      back.state === 'pending' ? el('a', { href: '#/proposals', text: t('proposals.list.pending') }) : null);
    });
    actions.append(undo);
  }
  return node;
}

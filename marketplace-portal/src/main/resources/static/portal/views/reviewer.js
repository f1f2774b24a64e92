/**
 * The reviewer console: the queue oldest first with wait times and escalation marks, claiming, a review page that
 * shows what changed against the previous version, approve or reject with reasons, and flagged ratings.
 */
import {h, fill} from '../dom.js';
import {t, label, duration, dateTime, sentence, number} from '../i18n.js';
import {graphql} from '../api.js';
import * as session from '../session.js';
import {field, checkboxes, checked, formStatus, submitting, ENUMS, note} from '../forms.js';
import {badge, heading, tagList} from '../widgets.js';
import {ratingItem, RATING_FIELDS} from './program.js';

const QUEUE = `query reviewQueue($after: String) { reviewQueue(first: 20, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id miniProgramId number submittedAt waitingSeconds escalated review { reviewer } } } } }`;
const CLAIM = `mutation claimReview($versionId: ID!) { claimReview(versionId: $versionId) {
  id status review { reviewer } } }`;
const FLAGGED = `query flaggedRatings($after: String) { flaggedRatings(first: 30, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { miniProgramId ${RATING_FIELDS} } } } }`;
const PROGRAM = `query miniProgram($id: ID!) { miniProgram(id: $id) {
  id name summary status developer { id } versions { id number status changelog permissions privacyUses
  packageDigest packageSize submittedAt releasePercentage review { reviewer outcome reasons comment } } } }`;
const APPROVE = `mutation approveVersion($versionId: ID!, $comment: String) {
  approveVersion(versionId: $versionId, comment: $comment) { number status } }`;
const REJECT = `mutation rejectVersion($input: RejectVersionInput!) { rejectVersion(input: $input) { number status } }`;

/**
 * The programs behind queued versions or flagged ratings, in one request (aliases), since those carry only the
 * program's id. At most 30 ids: the API's alias limit.
 */
async function programsById(ids) {
  const unique = [...new Set(ids)].slice(0, 30);
  if (!unique.length) return {};
  const document = `query programNames(${unique.map((_, i) => `$p${i}: ID!`).join(', ')}) {
    ${unique.map((_, i) => `p${i}: miniProgram(id: $p${i}) { id name developer { id } }`).join('\n')} }`;
  const data = await graphql(document, Object.fromEntries(unique.map((id, i) => [`p${i}`, id])));
  return Object.fromEntries(Object.values(data).filter(Boolean).map(p => [p.id, p]));
}

export async function queuePage(main) {
  const queue = h('div', {id: 'queue'});
  const flagged = h('div', {id: 'flagged'});
  const open = h('form', {class: 'inline', id: 'open-program', onsubmit: e => {
    e.preventDefault();
    location.hash = `#/program/${encodeURIComponent(open.elements.programId.value.trim())}`;
  }}, field('programId', t('rev.programId'), h('input', {type: 'text'})), h('button', {type: 'submit'}, t('rev.go')));
  fill(main, heading(t('rev.title')),
       h('section', {'aria-labelledby': 'queue-title'},
         h('h2', {id: 'queue-title'}, t('rev.queue')),
         h('button', {type: 'button', id: 'refresh-queue', onclick: () => loadQueue(queue)}, t('refresh')),
         queue),
       h('section', {'aria-labelledby': 'flagged-title'}, h('h2', {id: 'flagged-title'}, t('rev.flagged')),
         h('button', {type: 'button', id: 'refresh-flagged', onclick: () => loadFlagged(flagged)}, t('refresh')),
         flagged),
       h('section', {'aria-labelledby': 'open-title'}, h('h2', {id: 'open-title'}, t('rev.openProgram')), open));
  await Promise.all([loadQueue(queue), loadFlagged(flagged)]);
}

/**
 * One page of a list (20 or 30, within the API's alias limit for the programs' names); "Show more" appends the
 * next. {@code load(after)} answers {page, items}.
 */
async function loadPaged(container, listClass, emptyKey, load, after) {
  try {
    const {page, items} = await load(after || null);
    if (after) {
      container.querySelector('.more')?.remove();
      container.querySelector(`.${listClass}`).append(...items);
    } else {
      fill(container, items.length ? h('ol', {class: listClass}, items) : note(emptyKey));
    }
    if (page.pageInfo.hasNextPage) {
      container.append(h('button', {type: 'button', class: 'more secondary',
                                    onclick: e => {
                                      e.target.disabled = true;
                                      loadPaged(container, listClass, emptyKey, load, page.pageInfo.endCursor);
                                    }}, t('results.more')));
    }
  } catch (e) {
    fill(container, h('p', {class: 'error', role: 'alert'}, sentence(e.problems[0])));
  }
}

/** Versions waiting for review, oldest first, with their programs' names. */
function loadQueue(container) {
  return loadPaged(container, 'queue', 'rev.empty', async after => {
    const page = (await graphql(QUEUE, {after})).reviewQueue;
    const programs = await programsById(page.edges.map(e => e.node.miniProgramId));
    return {page, items: page.edges.map(({node}) => queueItem(node, programs[node.miniProgramId]?.name
                                                                     || node.miniProgramId))};
  });
}

function queueItem(version, name) {
  const me = session.current().userId;
  const claimForm = h('form', {class: 'inline', onsubmit: async e => {
    e.preventDefault();
    const claimed = await submitting(claimForm, () => graphql(CLAIM, {versionId: version.id}));
    if (claimed) item.replaceWith(queueItem({...version, review: claimed.claimReview.review}, name));
  }}, version.review?.reviewer === me ? null : h('button', {type: 'submit', class: 'claim'}, t('rev.claim')),
  formStatus());
  const item = h('li', {class: `queue-item${version.escalated ? ' escalated' : ''}`, 'data-version-id': version.id},
            h('a', {href: `#/reviewer/version/${encodeURIComponent(version.id)}`, class: 'open-review'},
              t('rev.open', {name, number: version.number})),
            h('p', {class: 'meta'},
              h('span', {class: 'waiting'}, t('rev.waiting', {time: duration(version.waitingSeconds ?? 0)})),
              version.escalated ? h('span', {class: 'badge warn escalation'}, '⚠ ', t('rev.escalated')) : null,
              version.review?.reviewer
                ? h('span', {class: 'claimed'}, t('rev.claimedBy', {user: version.review.reviewer})) : null),
            claimForm);
  return item;
}

/** Flagged ratings of every program (hidden ones too), the longest unchanged first, with their program's name. */
function loadFlagged(container) {
  return loadPaged(container, 'ratings', 'rev.noFlagged', async after => {
    const page = (await graphql(FLAGGED, {after})).flaggedRatings;
    const ratings = page.edges.map(e => e.node);
    const programs = await programsById(ratings.map(r => r.miniProgramId));
    const item = (program, rating) => {
      const li = ratingItem(rating, program, changed => li.replaceWith(item(program, changed)),
                            () => h('p', {}, h('a', {href: `#/program/${encodeURIComponent(program.id)}`},
                                                program.name)));
      return li;
    };
    return {page, items: ratings.filter(r => programs[r.miniProgramId])
                                .map(r => item(programs[r.miniProgramId], r))};
  });
}

/** The version released before this one, to compare against; versions come in submission order. */
function previousOf(versions, version) {
  const earlier = versions.filter(v => Date.parse(v.submittedAt) < Date.parse(version.submittedAt));
  return [...earlier].reverse().find(v => v.status === 'RELEASED' || v.status === 'SUPERSEDED')
    || earlier[earlier.length - 1] || null;
}

export async function reviewPage(main, versionId) {
  const programId = versionId.slice(0, versionId.lastIndexOf('/'));
  let program;
  try {
    program = (await graphql(PROGRAM, {id: programId})).miniProgram;
  } catch (e) {
    fill(main, heading(t('program.notFound')), h('p', {class: 'error', role: 'alert'}, sentence(e.problems[0])));
    return;
  }
  const version = program?.versions.find(v => v.id === versionId);
  if (!version) {
    fill(main, heading(t('program.notFound')));
    return;
  }
  const previous = previousOf(program.versions, version);
  fill(main,
       heading(t('review.title', {name: program.name, number: version.number})),
       h('p', {class: 'lead'}, program.summary),
       h('p', {}, h('a', {href: `#/program/${encodeURIComponent(program.id)}`}, t('manage.public'))),
       changes(version, previous),
       version.status === 'IN_REVIEW' ? decision(version) : note('review.notWaiting', {
         status: label('versionStatus', version.status)}));
}

function difference(now, before, kind, addedKey, removedKey) {
  const added = now.filter(x => !before.includes(x));
  const removed = before.filter(x => !now.includes(x));
  return [h('h3', {}, t(addedKey)), h('div', {class: 'added', 'data-diff': `${kind}-added`}, tagList(added, kind)),
          h('h3', {}, t(removedKey)),
          h('div', {class: 'removed', 'data-diff': `${kind}-removed`}, tagList(removed, kind))];
}

function changes(version, previous) {
  const before = previous || {permissions: [], privacyUses: []};
  const compared = (now, was, format = x => x) => (previous
    ? [format(now), ' ', h('span', {class: 'was'}, now === was ? `(${t('review.unchanged')})`
      : `(${t('review.was', {value: format(was)})})`)] : format(now));
  return h('section', {'aria-labelledby': 'changes-title', id: 'changes'},
           h('h2', {id: 'changes-title'}, t('review.changes')),
           h('p', {}, previous ? t('review.previous', {number: previous.number}) : t('review.firstVersion')),
           difference(version.permissions, before.permissions, 'permission', 'review.permAdded', 'review.permRemoved'),
           difference(version.privacyUses, before.privacyUses, 'privacy', 'review.privacyAdded',
                      'review.privacyRemoved'),
           h('h3', {}, t('program.changelog')), h('p', {class: 'changelog'}, version.changelog),
           h('dl', {},
             h('dt', {}, t('review.digest')),
             h('dd', {class: 'digest'}, compared(version.packageDigest, previous?.packageDigest)),
             h('dt', {}, t('review.size')),
             h('dd', {}, compared(version.packageSize, previous?.packageSize, n => number(n))),
             h('dt', {}, t('versions.status')),
             h('dd', {}, badge('versionStatus', version.status), ' ', dateTime(version.submittedAt))));
}

function decision(version) {
  const me = session.current().userId;
  const claimedBy = version.review?.reviewer;
  const done = result => {
    fill(form, h('p', {class: 'form-status', role: 'status', id: 'decided'}, t('review.decided', {
      number: result.number, status: label('versionStatus', result.status)})),
         h('p', {}, h('a', {href: '#/reviewer'}, t('rev.title'))));
  };
  const decide = async (document, variables) => {
    const result = await submitting(form, () => graphql(document, variables).then(d => Object.values(d)[0]));
    if (result) done(result);
  };
  const claim = h('button', {type: 'button', id: 'claim', class: 'secondary', onclick: async () => {
    if (await submitting(form, () => graphql(CLAIM, {versionId: version.id}), t('review.claimed'))) claim.remove();
  }}, t('review.claim'));
  const form = h('form', {id: 'decision', class: 'card-form', novalidate: true, onsubmit: e => e.preventDefault()},
    h('h2', {}, t('review.decision')),
    claimedBy ? h('p', {}, t('review.claimedBy', {user: claimedBy})) : null,
    claimedBy === me ? null : claim,
    checkboxes('reasons', t('review.reasons'), 'reason', ENUMS.reason),
    field('comment', t('review.comment'), h('textarea', {rows: 3})),
    h('div', {class: 'buttons'},
      h('button', {type: 'button', id: 'approve', onclick: () => decide(APPROVE, {
        versionId: version.id, comment: form.elements.comment.value || null})}, t('review.approve')),
      h('button', {type: 'button', id: 'reject', class: 'danger', onclick: () => decide(REJECT, {input: {
        versionId: version.id, reasons: checked(form, 'reasons'), comment: form.elements.comment.value || null}})},
        t('review.reject'))),
    formStatus());
  return form;
}

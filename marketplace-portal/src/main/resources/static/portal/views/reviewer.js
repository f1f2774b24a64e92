/**
 * The reviewer console: the queue oldest first with wait times and escalation marks, claiming, a review page that
 * shows what changed against the previous version, approve or reject with reasons, and flagged ratings.
 */
import {h, fill} from '../dom.js';
import {t, label, duration, dateTime, sentence, number, language} from '../i18n.js';
import {graphql} from '../api.js';
import * as session from '../session.js';
import {field, checkboxes, checked, formStatus, submitting, ENUMS, note} from '../forms.js';
import {badge, heading, tagList} from '../widgets.js';
import {ratingItem, RATING_FIELDS} from './program.js';
import {askForm, cannedPicker, conversationList, CONVERSATION_FIELDS} from './moderation.js';

const QUEUE = `query reviewQueue($after: String, $filter: ReviewQueueFilter) {
  reviewQueue(first: 20, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id miniProgramId number submittedAt waitingSeconds escalated review { reviewer }
    miniProgram { developer { id } installCount versions { number review { outcome reasons } } } } } } }`;
const CLAIM = `mutation claimReview($versionId: ID!) { claimReview(versionId: $versionId) {
  id status review { reviewer } } }`;
const FLAGGED = `query flaggedRatings($after: String) { flaggedRatings(first: 30, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { miniProgramId ${RATING_FIELDS} } } } }`;
const PROGRAM = `query miniProgram($id: ID!, $locale: String) { miniProgram(id: $id, locale: $locale) {
  id name summary status developer { id } icon { url } versions { id number status changelog permissions privacyUses
  packageDigest packageSize submittedAt releasePercentage review { reviewer outcome reasons comment }
  checks { status findings { severity code file line message } }
  ${CONVERSATION_FIELDS} } } }`;
const CHANGES = `query versionChanges($id: ID!) { miniProgram(id: $id) { versions { id
  changes { comparedTo { number } files { path change sizeBefore sizeAfter diff } } } } }`;
const APPROVE = `mutation approveVersion($versionId: ID!, $comment: String, $overrideChecks: Boolean) {
  approveVersion(versionId: $versionId, comment: $comment, overrideChecks: $overrideChecks) { number status } }`;
const REJECT = `mutation rejectVersion($input: RejectVersionInput!) { rejectVersion(input: $input) { number status } }`;

/**
 * The programs behind queued versions or flagged ratings, in one request (aliases), since those carry only the
 * program's id. At most 30 ids: the API's alias limit.
 */
async function programsById(ids) {
  const unique = [...new Set(ids)].slice(0, 30);
  if (!unique.length) return {};
  const document = `query programNames(${unique.map((_, i) => `$p${i}: ID!`).join(', ')}) {
    ${unique.map((_, i) => `p${i}: miniProgram(id: $p${i}) { id name developer { id } icon { url } }`).join('\n')} }`;
  const data = await graphql(document, Object.fromEntries(unique.map((id, i) => [`p${i}`, id])));
  return Object.fromEntries(Object.values(data).filter(Boolean).map(p => [p.id, p]));
}

/** Where a version's package checks stand, as the queue can be narrowed to. */
const CHECKS = ['PENDING', 'PASSED', 'WARNINGS', 'FAILED'];

export async function queuePage(main) {
  const queue = h('div', {id: 'queue'});
  const flagged = h('div', {id: 'flagged'});
  const open = h('form', {class: 'inline', id: 'open-program', onsubmit: e => {
    e.preventDefault();
    location.hash = `#/program/${encodeURIComponent(open.elements.programId.value.trim())}`;
  }}, field('programId', t('rev.programId'), h('input', {type: 'text'})), h('button', {type: 'submit'}, t('rev.go')));
  const filters = h('form', {id: 'queue-filters', class: 'inline', onsubmit: e => {
    e.preventDefault();
    loadQueue(queue, filterOf(filters));
  }}, field('text', t('queue.text'), h('input', {type: 'search', id: 'queue-text'})),
  field('permission', t('queue.permission'), h('select', {id: 'queue-permission', name: 'permission'},
    h('option', {value: ''}, t('queue.anyPermission')),
    ENUMS.permission.map(value => h('option', {value}, label('permission', value))))),
  field('checks', t('queue.checks'), h('select', {id: 'queue-checks', name: 'checks'},
    h('option', {value: ''}, t('queue.anyChecks')),
    CHECKS.map(value => h('option', {value}, t(`queue.checks.${value}`))))),
  ['escalatedOnly', 'unclaimedOnly', 'claimedByMe'].map(name => h('label', {class: 'option'},
    h('input', {type: 'checkbox', name, id: `queue-${name}`}), ' ', t(`queue.${name}`))),
  h('button', {type: 'submit', id: 'queue-filter'}, t('queue.filter')));
  fill(main, heading(t('rev.title')),
       h('section', {'aria-labelledby': 'queue-title'},
         h('h2', {id: 'queue-title'}, t('rev.queue')),
         filters,
         h('button', {type: 'button', id: 'refresh-queue', onclick: () => loadQueue(queue, filterOf(filters))},
           t('refresh')),
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

/** The queue filter the form describes; null when nothing narrows the queue. */
function filterOf(form) {
  const filter = {};
  if (form.elements.text.value.trim()) filter.text = form.elements.text.value.trim();
  if (form.elements.permission.value) filter.permissions = [form.elements.permission.value];
  if (form.elements.checks.value) filter.checks = [form.elements.checks.value];
  for (const name of ['escalatedOnly', 'unclaimedOnly', 'claimedByMe']) {
    if (form.elements[name].checked) filter[name] = true;
  }
  return Object.keys(filter).length ? filter : null;
}

/** Versions waiting for review, escalated first, then the longest waiting, with their programs' context. */
function loadQueue(container, filter = null) {
  return loadPaged(container, 'queue', 'rev.empty', async after => {
    const page = (await graphql(QUEUE, {after, filter})).reviewQueue;
    const programs = await programsById(page.edges.map(e => e.node.miniProgramId));
    return {page, items: page.edges.map(({node}) => queueItem(node, programs[node.miniProgramId]?.name
                                                                     || node.miniProgramId,
                                                              programs[node.miniProgramId]?.icon?.url))};
  });
}

/** Who develops the program, how many users have it and how its earlier versions' reviews ended. */
function context(version) {
  const program = version.miniProgram;
  if (!program) return null;
  const earlier = program.versions.filter(v => v.number !== version.number && v.review?.outcome);
  return h('p', {class: 'meta context'},
           h('span', {class: 'developer'}, t('queue.developer', {user: program.developer.id})), ' · ',
           h('span', {class: 'users'}, t('queue.users', {count: number(program.installCount)})),
           earlier.length ? [' · ', h('span', {class: 'outcomes'}, earlier.map(v => `${v.number} ${
             label('versionStatus', v.review.outcome)}${v.review.reasons.length ? ` (${
             v.review.reasons.map(r => label('reason', r)).join(', ')})` : ''}`).join('; '))] : null);
}

function queueItem(version, name, icon) {
  const me = session.current().userId;
  const claimForm = h('form', {class: 'inline', onsubmit: async e => {
    e.preventDefault();
    const claimed = await submitting(claimForm, () => graphql(CLAIM, {versionId: version.id}));
    if (claimed) item.replaceWith(queueItem({...version, review: claimed.claimReview.review}, name, icon));
  }}, version.review?.reviewer === me ? null : h('button', {type: 'submit', class: 'claim'}, t('rev.claim')),
  formStatus());
  const item = h('li', {class: `queue-item${version.escalated ? ' escalated' : ''}`, 'data-version-id': version.id},
            icon ? h('img', {class: 'icon', src: icon, alt: '', width: 40, height: 40}) : null,
            h('a', {href: `#/reviewer/version/${encodeURIComponent(version.id)}`, class: 'open-review'},
              t('rev.open', {name, number: version.number})),
            h('p', {class: 'meta'},
              h('span', {class: 'waiting'}, t('rev.waiting', {time: duration(version.waitingSeconds ?? 0)})),
              version.escalated ? h('span', {class: 'badge warn escalation'}, '⚠ ', t('rev.escalated')) : null,
              version.review?.reviewer
                ? h('span', {class: 'claimed'}, t('rev.claimedBy', {user: version.review.reviewer})) : null),
            context(version),
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
    program = (await graphql(PROGRAM, {id: programId, locale: language()})).miniProgram;
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
       h('div', {class: 'program-title'},
         h('img', {class: 'icon large', src: program.icon.url, alt: '', width: 64, height: 64}),
         heading(t('review.title', {name: program.name, number: version.number}))),
       h('p', {class: 'lead'}, program.summary),
       h('p', {}, h('a', {href: `#/program/${encodeURIComponent(program.id)}`}, t('manage.public'))),
       changes(version, previous),
       checksSection(version.checks),
       filesSection(programId, version.id),
       conversationList(version.conversation),
       version.status === 'IN_REVIEW' ? [await decision(version), await askForm(version, asked => {
         location.hash = `#/reviewer/version/${encodeURIComponent(asked.id)}?asked=${Date.now()}`;
       })] : note('review.notWaiting', {status: label('versionStatus', version.status)}));
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

/**
 * The package file by file against the released version, loaded after the page: comparing packages reads them
 * whole from the store, which takes a moment for large ones.
 */
function filesSection(programId, versionId) {
  const section = h('section', {'aria-labelledby': 'files-title', id: 'files'},
                    h('h2', {id: 'files-title'}, t('files.title')), h('p', {class: 'loading'}, t('files.loading')));
  graphql(CHANGES, {id: programId}).then(data => {
    const changes = data.miniProgram.versions.find(v => v.id === versionId)?.changes;
    const files = changes?.files || [];
    fill(section, h('h2', {id: 'files-title'}, t('files.title')),
         h('p', {}, changes?.comparedTo ? t('files.against', {number: changes.comparedTo.number}) : t('files.none')),
         files.length ? h('ul', {class: 'files'}, ...files.map(f => h('li', {class: 'file', 'data-path': f.path},
           h('strong', {}, t(`files.${f.change}`)), ' ', h('code', {}, f.path), ' ',
           h('span', {class: 'sizes'}, [f.sizeBefore, f.sizeAfter].filter(n => n !== null).map(n => number(n))
             .join(' → ')),
           f.diff ? h('pre', {class: 'diff'}, f.diff) : null))) : h('p', {}, t('files.unchanged')));
  }).catch(e => fill(section, h('h2', {id: 'files-title'}, t('files.title')),
                     h('p', {class: 'error', role: 'alert'}, sentence(e.problems?.[0] || {code: 'UNKNOWN'}))));
  return section;
}

/** The automated checks of the package: their status and each finding with its file and line. */
function checksSection(checks) {
  if (!checks) return null;
  const findings = checks.findings.map(f => h('li', {class: `finding ${f.severity.toLowerCase()}`, 'data-code': f.code},
    h('strong', {}, t(`checks.severity.${f.severity}`)), ' ', h('code', {}, f.code), ' ',
    f.file ? h('span', {class: 'where'}, f.line ? `${f.file}:${f.line}` : f.file) : null, ' ', f.message));
  return h('section', {'aria-labelledby': 'checks-title', id: 'checks'},
           h('h2', {id: 'checks-title'}, t('checks.title')),
           h('p', {class: `checks-status ${checks.status.toLowerCase()}`}, t(`checks.status.${checks.status}`)),
           findings.length ? h('ul', {class: 'findings'}, ...findings) : null);
}

async function decision(version) {
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
  const comment = h('textarea', {rows: 3});
  const form = h('form', {id: 'decision', class: 'card-form', novalidate: true, onsubmit: e => e.preventDefault()},
    h('h2', {}, t('review.decision')),
    claimedBy ? h('p', {}, t('review.claimedBy', {user: claimedBy})) : null,
    claimedBy === me ? null : claim,
    checkboxes('reasons', t('review.reasons'), 'reason', ENUMS.reason),
    await cannedPicker(comment, false),
    field('comment', t('review.comment'), comment),
    version.checks?.status === 'FAILED' && session.current().roles.includes('ADMIN')
      ? h('label', {class: 'override'}, h('input', {type: 'checkbox', name: 'overrideChecks'}), ' ',
          t('review.overrideChecks')) : null,
    h('div', {class: 'buttons'},
      h('button', {type: 'button', id: 'approve', onclick: () => decide(APPROVE, {
        versionId: version.id, comment: form.elements.comment.value || null,
        overrideChecks: Boolean(form.elements.overrideChecks?.checked)})}, t('review.approve')),
      h('button', {type: 'button', id: 'reject', class: 'danger', onclick: () => decide(REJECT, {input: {
        versionId: version.id, reasons: checked(form, 'reasons'), comment: form.elements.comment.value || null}})},
        t('review.reject'))),
    formStatus());
  return form;
}

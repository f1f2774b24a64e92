/**
 * The developer submission portal: my programs, register, and one program's page to edit the listing, submit,
 * withdraw, release (phased), roll back, reply to ratings and read the history. Review decisions arrive live over
 * the versionStatusChanged subscription.
 */
import {h, fill, pause} from '../dom.js';
import {t, label, number, dateTime, sentence} from '../i18n.js';
import {graphql, subscribe} from '../api.js';
import {field, checkboxes, select, checked, formStatus, submitting, ENUMS, localProblem, note,
        showProblems} from '../forms.js';
import {stars, badge, heading} from '../widgets.js';
import {ratingItem, RATING_FIELDS} from './program.js';

const VERSION_FIELDS = `id number status changelog permissions privacyUses packageDigest packageSize submittedAt
  releasePercentage escalated review { reviewer outcome reasons comment decidedAt }`;
const MY_PROGRAMS = `query myMiniPrograms { myMiniPrograms(first: 50) { totalCount edges { node {
  id name status installCount rating { average count } versions { id number status releasePercentage } } } } }`;
const REGISTER = `mutation registerMiniProgram($input: RegisterMiniProgramInput!) {
  registerMiniProgram(input: $input) { id } }`;
const PROGRAM = `query miniProgram($id: ID!) { miniProgram(id: $id) {
  id name summary description category tags iconUrl status developer { id }
  currentVersion { id } versions { ${VERSION_FIELDS} }
  ratings(first: 50) { edges { node { ${RATING_FIELDS} } } } } }`;
const UPDATE_LISTING = `mutation updateListing($input: UpdateListingInput!) { updateListing(input: $input) {
  name summary description category tags iconUrl } }`;
const SUBMIT = `mutation submitVersion($input: SubmitVersionInput!) {
  submitVersion(input: $input) { ${VERSION_FIELDS} } }`;
const WITHDRAW = `mutation withdrawVersion($versionId: ID!) { withdrawVersion(versionId: $versionId) {
  ${VERSION_FIELDS} } }`;
const RELEASE = `mutation releaseVersion($versionId: ID!, $percentage: Int) {
  releaseVersion(versionId: $versionId, percentage: $percentage) { ${VERSION_FIELDS} } }`;
const ROLLBACK = `mutation rollbackRelease($miniProgramId: ID!, $toVersionId: ID!) {
  rollbackRelease(miniProgramId: $miniProgramId, toVersionId: $toVersionId) { versions { ${VERSION_FIELDS} } } }`;
const REPLY = `mutation replyToRating($ratingId: ID!, $text: String!) {
  replyToRating(ratingId: $ratingId, text: $text) { ${RATING_FIELDS} } }`;
const HISTORY = `query history($miniProgramId: ID!) { history(miniProgramId: $miniProgramId, first: 200) {
  edges { node { sequence type actor at summary } } } }`;
const CHANGES = `subscription versionStatusChanged($miniProgramId: ID!) {
  versionStatusChanged(miniProgramId: $miniProgramId) { ${VERSION_FIELDS} } }`;

export async function myProgramsPage(main) {
  let page;
  try {
    page = (await graphql(MY_PROGRAMS)).myMiniPrograms;
  } catch (e) {
    fill(main, heading(t('dev.title')), h('p', {class: 'error', role: 'alert'}, sentence(e.problems[0])));
    return;
  }
  fill(main, heading(t('dev.title')),
       h('p', {}, h('a', {href: '#/developer/new', class: 'button', id: 'register-link'}, t('dev.register'))),
       page.totalCount ? h('ul', {class: 'cards', id: 'my-programs'}, page.edges.map(({node}) =>
         h('li', {class: 'card', 'data-program-id': node.id},
           h('h2', {}, h('a', {href: `#/developer/program/${encodeURIComponent(node.id)}`}, node.name)),
           h('p', {class: 'meta'}, badge('programStatus', node.status), stars(node.rating.average, node.rating.count),
             h('span', {}, t('card.installs', {count: number(node.installCount)}))),
           h('p', {class: 'versions'}, h('span', {}, `${t('dev.versions')}: `),
             node.versions.length ? node.versions.map(v => h('span', {class: 'version-chip'}, `${v.number} `,
                                                               badge('versionStatus', v.status)))
               : t('dev.noVersions')))))
         : note('dev.none'));
}

function listingFields(program = {}) {
  return [
    field('name', t('field.name'), h('input', {type: 'text', value: program.name, maxlength: 50})),
    field('summary', t('field.summary'), h('input', {type: 'text', value: program.summary, maxlength: 140})),
    field('description', t('field.description'), h('textarea', {rows: 4}, program.description || '')),
    field('category', t('field.category'), select('category', ENUMS.category, program.category || 'SHOPPING')),
    field('tags', t('field.tags'), h('input', {type: 'text', value: (program.tags || []).join(', ')}),
          t('field.tagsHint')),
    field('iconUrl', t('field.iconUrl'), h('input', {type: 'url', value: program.iconUrl})),
  ];
}

function listingInput(form) {
  const value = name => form.elements[name].value.trim();
  return {name: value('name'), summary: value('summary'), description: value('description') || null,
          category: value('category'), iconUrl: value('iconUrl') || null,
          tags: value('tags') ? value('tags').split(/[,，]/).map(tag => tag.trim()).filter(Boolean) : []};
}

export function registerPage(main) {
  const form = h('form', {id: 'register-form', class: 'card-form', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    const created = await submitting(form, () => graphql(REGISTER, {input: listingInput(form)}));
    if (created) location.hash = `#/developer/program/${encodeURIComponent(created.registerMiniProgram.id)}`;
  }}, listingFields(), h('button', {type: 'submit'}, t('register.button')), formStatus());
  fill(main, heading(t('register.title')), form);
}

/** The catalogue read model follows the event store within moments; a just-registered program may lag. */
async function loadProgram(id) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const program = (await graphql(PROGRAM, {id})).miniProgram;
    if (program) return program;
    await pause(250);
  }
  return null;
}

export async function managePage(main, id) {
  let program;
  try {
    program = await loadProgram(id);
  } catch (e) {
    fill(main, heading(t('manage.notFound')), h('p', {class: 'error', role: 'alert'}, sentence(e.problems[0])));
    return undefined;
  }
  if (!program) {
    fill(main, heading(t('manage.notFound')));
    return undefined;
  }
  const versions = h('div', {id: 'versions'});
  const live = h('div', {id: 'live-decision', class: 'live', role: 'status', 'aria-live': 'polite'},
                 h('p', {class: 'note'}, t('live.waiting')));
  const history = h('ol', {class: 'timeline', id: 'history'});
  const model = {versions: program.versions};
  const update = version => {
    model.versions = [...model.versions.filter(v => v.id !== version.id), version]
      .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
    renderVersions(versions, program, model, update);
    loadHistory(history, id);
  };
  renderVersions(versions, program, model, update);
  fill(main,
       heading(program.name),
       h('p', {class: 'meta'}, badge('programStatus', program.status), ' ',
         h('a', {href: `#/program/${encodeURIComponent(id)}`}, t('manage.public'))),
       h('section', {'aria-labelledby': 'live-title'}, h('h2', {id: 'live-title'}, t('live.title')), live),
       h('section', {'aria-labelledby': 'versions-title'}, h('h2', {id: 'versions-title'}, t('versions.title')),
         versions),
       submitForm(program, update),
       listingForm(program),
       repliesSection(program),
       h('section', {'aria-labelledby': 'history-title'}, h('h2', {id: 'history-title'}, t('history.title')),
         history));
  loadHistory(history, id);
  return subscribe(CHANGES, {miniProgramId: id}, data => {
    const version = data.versionStatusChanged;
    update(version);
    announce(live, version);
  }, e => live.append(h('p', {class: 'error'}, sentence(e.problems[0]))));
}

/** A decision as it arrives: the new status, and for a rejection its reasons and the reviewer's comment. */
function announce(live, version) {
  const review = version.review;
  live.prepend(h('div', {class: `decision status-${version.status.toLowerCase()}`, 'data-version': version.number},
    h('p', {}, t('live.status', {number: version.number, status: label('versionStatus', version.status)})),
    review?.reasons?.length ? h('p', {class: 'reasons'}, t('live.reasons', {
      reasons: review.reasons.map(r => label('reason', r)).join(', ')})) : null,
    review?.comment ? h('p', {class: 'comment'}, t('live.comment', {comment: review.comment})) : null));
  live.querySelector('.note')?.remove();
}

function renderVersions(container, program, model, update) {
  if (!model.versions.length) {
    fill(container, note('dev.noVersions'));
    return;
  }
  const rows = [...model.versions].reverse().map(v => h('tr', {'data-version': v.number},
    h('th', {scope: 'row'}, v.number),
    h('td', {}, badge('versionStatus', v.status),
      v.status === 'RELEASED'
        ? h('span', {class: 'percent'}, ` ${t('versions.percent', {percent: v.releasePercentage})}`) : null),
    h('td', {class: 'review'}, reviewText(v)),
    h('td', {}, versionActions(program, v, model, update))));
  fill(container, h('div', {class: 'table-wrap'}, h('table', {class: 'versions'},
    h('thead', {}, h('tr', {}, ['versions.number', 'versions.status', 'versions.review', 'versions.actions']
      .map(key => h('th', {scope: 'col'}, t(key))))),
    h('tbody', {}, rows))));
}

function reviewText(version) {
  const review = version.review;
  if (!review?.outcome) return review?.reviewer ? t('review.claimedBy', {user: review.reviewer}) : '';
  return [h('span', {}, `${label('versionStatus', review.outcome)} · ${review.reviewer}`),
          review.reasons.length ? h('p', {class: 'reasons'}, review.reasons.map(r => label('reason', r)).join(', '))
            : null,
          review.comment ? h('p', {class: 'comment'}, review.comment) : null];
}

function versionActions(program, version, model, update) {
  const form = h('form', {class: 'inline', novalidate: true, onsubmit: e => e.preventDefault()});
  const run = (document, variables, pick) => submitting(form, () => graphql(document, variables).then(d => {
    pick(Object.values(d)[0]).forEach(update);
  }));
  const one = v => [v];
  if (version.status === 'IN_REVIEW') {
    form.append(h('button', {type: 'button', class: 'withdraw', onclick: () =>
      run(WITHDRAW, {versionId: version.id}, one)}, t('action.withdraw')));
  }
  if (version.status === 'APPROVED' || (version.status === 'RELEASED' && version.releasePercentage < 100)) {
    const percent = h('input', {type: 'number', min: 1, max: 100, step: 1, class: 'percentage',
                                value: version.status === 'RELEASED' ? 100 : 50});
    form.append(field('percentage', t('action.releasePercent', {number: version.number}), percent),
                h('button', {type: 'button', class: 'release', onclick: () => {
                  const percentage = Number(percent.value);
                  if (!Number.isInteger(percentage)) {
                    return showProblems(form, localProblem('INVALID_INPUT', 'percentage'));
                  }
                  // A full release also supersedes the version users had; the subscription reports that one.
                  return run(RELEASE, {versionId: version.id, percentage}, one);
                }}, t('action.release')));
  }
  const current = model.versions.find(v => v.status === 'RELEASED');
  if (version.status === 'SUPERSEDED' && current && current.id !== version.id) {
    form.append(h('button', {type: 'button', class: 'rollback', onclick: () =>
      run(ROLLBACK, {miniProgramId: program.id, toVersionId: version.id}, p => p.versions)},
      t('action.rollback', {number: version.number})));
  }
  if (form.children.length) form.append(formStatus());
  return form;
}

function submitForm(program, update) {
  const form = h('form', {id: 'submit-form', class: 'card-form', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    const size = form.elements.packageSize.value.trim();
    if (!/^\d+$/.test(size)) {
      showProblems(form, localProblem('INVALID_INPUT', 'packageSize'));
      return;
    }
    const version = await submitting(form, () => graphql(SUBMIT, {input: {
      miniProgramId: program.id, version: form.elements.version.value.trim(),
      changelog: form.elements.changelog.value, permissions: checked(form, 'permissions'),
      privacyUses: checked(form, 'privacyUses'), packageDigest: form.elements.packageDigest.value.trim(),
      packageSize: Number(size),
    }}).then(d => d.submitVersion), v => t('submit.done', {number: v.number}));
    if (version) update(version);
  }},
  h('h2', {}, t('submit.title')),
  field('version', t('field.version'), h('input', {type: 'text', inputmode: 'decimal', placeholder: '1.0.0'}),
        t('field.versionHint')),
  field('changelog', t('field.changelog'), h('textarea', {rows: 3})),
  checkboxes('permissions', t('field.permissions'), 'permission', ENUMS.permission),
  checkboxes('privacyUses', t('field.privacyUses'), 'privacy', ENUMS.privacy),
  field('packageDigest', t('field.packageDigest'), h('input', {type: 'text', spellcheck: 'false',
                                                                autocomplete: 'off'})),
  field('packageSize', t('field.packageSize'), h('input', {type: 'text', inputmode: 'numeric'})),
  h('button', {type: 'submit'}, t('submit.button')),
  formStatus());
  return form;
}

function listingForm(program) {
  const form = h('form', {id: 'listing-form', class: 'card-form', novalidate: true, onsubmit: e => {
    e.preventDefault();
    submitting(form, () => graphql(UPDATE_LISTING, {input: {miniProgramId: program.id, ...listingInput(form)}}),
               t('listing.saved'));
  }}, h('h2', {}, t('listing.title')), listingFields(program), h('button', {type: 'submit'}, t('listing.button')),
  formStatus());
  return form;
}

function repliesSection(program) {
  const list = h('ol', {class: 'ratings', id: 'developer-ratings'});
  const render = ratings => fill(list, ratings.length ? ratings.map(r => ratingItem(r, program, replace, replyForm))
    : h('li', {class: 'note'}, t('program.noRatings')));
  let ratings = program.ratings.edges.map(e => e.node);
  const replace = rating => {
    ratings = ratings.map(r => (r.id === rating.id ? rating : r));
    render(ratings);
  };
  const replyForm = rating => {
    const form = h('form', {class: 'reply-form', novalidate: true, onsubmit: async e => {
      e.preventDefault();
      const saved = await submitting(form, () => graphql(REPLY, {ratingId: rating.id, text: form.elements.text.value})
        .then(d => d.replyToRating), t('reply.saved'));
      if (saved) replace(saved);
    }}, field('text', t('reply.label'), h('textarea', {rows: 2}, rating.reply || '')),
    h('button', {type: 'submit'}, t('reply.button')), formStatus());
    return form;
  };
  render(ratings);
  return h('section', {'aria-labelledby': 'replies-title'}, h('h2', {id: 'replies-title'}, t('replies.title')), list);
}

async function loadHistory(list, id) {
  try {
    const edges = (await graphql(HISTORY, {miniProgramId: id})).history.edges;
    fill(list, edges.length ? edges.map(({node}) => h('li', {'data-type': node.type},
      h('time', {datetime: node.at}, dateTime(node.at)), ' ',
      h('span', {class: 'summary'}, node.summary),
      node.actor ? h('span', {class: 'actor'}, ` ${t('history.by', {actor: node.actor})}`) : null))
      : h('li', {class: 'note'}, t('history.none')));
  } catch (e) {
    fill(list, h('li', {class: 'error'}, sentence(e.problems[0])));
  }
}

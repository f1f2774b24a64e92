/**
 * The developer submission portal: my programs, register, and one program's page to edit the listing, submit,
 * withdraw, release (phased), roll back, reply to ratings and read the history. Review decisions arrive live over
 * the versionStatusChanged subscription.
 */
import {h, fill, pause} from '../dom.js';
import {t, label, number, counted, dateTime, sentence, language} from '../i18n.js';
import {graphql, subscribe, uploadImage, uploadPackage} from '../api.js';
import * as session from '../session.js';
import {field, checkboxes, select, checked, clearProblems, formStatus, submitting, ENUMS, localProblem, note,
        showProblems} from '../forms.js';
import {stars, badge, heading} from '../widgets.js';
import {ratingItem, RATING_FIELDS} from './program.js';
import {lineChart, shareChart} from '../charts.js';
import {answerForm, CONVERSATION_FIELDS} from './moderation.js';

const VERSION_FIELDS = `id number status changelog permissions privacyUses packageDigest packageSize submittedAt
  releasePercentage escalated review { reviewer outcome reasons comment decidedAt }`;
const PROFILE = `query developer($id: ID!) { developer(id: $id) { id displayName website contactEmail verified } }`;
const UPDATE_PROFILE = `mutation updateDeveloperProfile($input: DeveloperProfileInput!) {
  updateDeveloperProfile(input: $input) { id displayName website contactEmail verified } }`;
const MY_PROGRAMS = `query myMiniPrograms { myMiniPrograms(first: 50) { totalCount edges { node {
  id name status installCount rating { average count } versions { id number status releasePercentage } } } } }`;
const REGISTER = `mutation registerMiniProgram($input: RegisterMiniProgramInput!) {
  registerMiniProgram(input: $input) { id } }`;
const LANGUAGE_OF = `query miniProgram($id: ID!) { miniProgram(id: $id) { defaultLocale } }`;
const PROGRAM = `query miniProgram($id: ID!, $locale: String) { miniProgram(id: $id, locale: $locale) {
  id name summary description category tags iconUrl status developer { id }
  defaultLocale translations { locale name summary description }
  icon { url } screenshots { url }
  currentVersion { id } versions { ${VERSION_FIELDS} ${CONVERSATION_FIELDS} }
  ratings(first: 50) { edges { node { ${RATING_FIELDS} } } } } }`;
const UPDATE_LISTING = `mutation updateListing($input: UpdateListingInput!) { updateListing(input: $input) {
  name summary description category tags iconUrl defaultLocale translations { locale name summary description } } }`;
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
const STATISTICS = `query statistics($id: ID!, $from: Date!, $to: Date!) { miniProgram(id: $id) {
  statistics(from: $from, to: $to) { date version installs uninstalls activeInstallations ratings averageStars } } }`;
const HISTORY = `query history($miniProgramId: ID!, $locale: String) {
  history(miniProgramId: $miniProgramId, first: 200, locale: $locale) {
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
       await profileForm(),
       h('p', {}, h('a', {href: '#/developer/new', class: 'button', id: 'register-link'}, t('dev.register'))),
       page.totalCount ? h('ul', {class: 'cards', id: 'my-programs'}, page.edges.map(({node}) =>
         h('li', {class: 'card', 'data-program-id': node.id},
           h('h2', {}, h('a', {href: `#/developer/program/${encodeURIComponent(node.id)}`}, node.name)),
           h('p', {class: 'meta'}, badge('programStatus', node.status), stars(node.rating.average, node.rating.count),
             h('span', {}, counted('card.installs', node.installCount))),
           h('p', {class: 'versions'}, h('span', {}, `${t('dev.versions')}: `),
             node.versions.length ? node.versions.map(v => h('span', {class: 'version-chip'}, `${v.number} `,
                                                               badge('versionStatus', v.status)))
               : t('dev.noVersions')))))
         : note('dev.none'));
}

/** The developer's public profile; renaming a verified one takes the badge away, which the form says up front. */
async function profileForm() {
  const user = session.current();
  const profile = (await graphql(PROFILE, {id: user.userId})).developer || {};
  const badgeNote = h('p', {class: 'note', id: 'profile-badge'}, profile.verified ? t('profile.verified')
    : t('profile.unverified'));
  const form = h('form', {id: 'profile-form', class: 'card-form', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    const value = name => form.elements[name].value.trim() || null;
    const saved = await submitting(form, () => graphql(UPDATE_PROFILE, {input: {
      displayName: value('displayName') || '', website: value('website'), contactEmail: value('contactEmail'),
    }}), t('profile.saved'));
    if (saved) {
      badgeNote.textContent = saved.updateDeveloperProfile.verified ? t('profile.verified') : t('profile.unverified');
    }
  }},
  h('h2', {}, t('profile.title')), badgeNote,
  field('displayName', t('profile.displayName'), h('input', {type: 'text', value: profile.displayName, maxlength: 50})),
  field('website', t('profile.website'), h('input', {type: 'url', value: profile.website})),
  field('contactEmail', t('profile.contactEmail'), h('input', {type: 'email', value: profile.contactEmail})),
  h('button', {type: 'submit'}, t('profile.save')), formStatus());
  return form;
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
    imageFields(program),
    field('defaultLocale', t('field.defaultLocale'),
          select('locale', ['en', 'zh'], program.defaultLocale || 'en'), t('field.defaultLocaleHint')),
    translationFields(program),
  ];
}

/** The digest an image URL of this marketplace names; placeholders name none. */
const digestOf = url => (url && /^\/media\/[0-9a-f]{64}$/.test(url) ? url.slice(7) : null);

/**
 * The icon and the screenshots: picked files are uploaded at once (POST /media), and the form keeps their digests
 * (data-icon, data-screenshots) for the listing it saves. Screenshots move up and down and are removed in place.
 */
function imageFields(program) {
  const state = {icon: digestOf(program.icon?.url), screenshots: (program.screenshots || []).map(s => digestOf(s.url))};
  const box = h('fieldset', {class: 'images', id: 'listing-images'}, h('legend', {}, t('field.images')));
  const status = h('p', {class: 'form-status', role: 'status', 'aria-live': 'polite'});
  const preview = h('img', {class: 'icon large', id: 'icon-preview', alt: '', width: 96, height: 96,
                            src: program.icon?.url || ''});
  const shots = h('ol', {class: 'screenshot-list', id: 'screenshot-list'});
  const sync = () => {
    box.dataset.icon = state.icon || '';
    box.dataset.screenshots = state.screenshots.join(',');
    fill(shots, state.screenshots.map((digest, i) => h('li', {'data-digest': digest},
      h('img', {src: `/media/${digest}`, alt: t('program.screenshot', {n: i + 1, name: program.name || ''}),
                height: 80}),
      h('button', {type: 'button', class: 'secondary', disabled: i === 0 || null, 'aria-label': t('images.up'),
                   onclick: () => move(i, -1)}, '↑'),
      h('button', {type: 'button', class: 'secondary', disabled: i === state.screenshots.length - 1 || null,
                   'aria-label': t('images.down'), onclick: () => move(i, 1)}, '↓'),
      h('button', {type: 'button', class: 'secondary', 'aria-label': t('images.remove'),
                   onclick: () => { state.screenshots.splice(i, 1); sync(); }}, '✕'))));
  };
  const move = (i, by) => {
    const [shot] = state.screenshots.splice(i, 1);
    state.screenshots.splice(i + by, 0, shot);
    sync();
  };
  const upload = async (files, onStored) => {
    status.textContent = t('images.uploading');
    try {
      for (const file of files) onStored((await uploadImage(file)).digest);
      status.textContent = '';
    } catch (e) {
      const problem = e.problems[0];
      status.textContent = sentence(problem);
    }
    sync();
  };
  const iconInput = h('input', {type: 'file', id: 'icon-file', accept: 'image/png,image/jpeg,image/webp',
                                onchange: e => upload([...e.target.files], digest => {
                                  state.icon = digest;
                                  preview.src = `/media/${digest}`;
                                })});
  const shotInput = h('input', {type: 'file', id: 'screenshot-files', multiple: true,
                                accept: 'image/png,image/jpeg,image/webp',
                                onchange: e => upload([...e.target.files], digest => {
                                  if (!state.screenshots.includes(digest)) state.screenshots.push(digest);
                                })});
  sync();
  box.append(h('div', {}, preview, h('label', {for: 'icon-file'}, t('images.icon')), iconInput),
             h('div', {}, h('label', {for: 'screenshot-files'}, t('images.screenshots')), shotInput, shots), status);
  return box;
}

/** The listing in the other language: optional; an empty name removes the translation. */
function translationFields(program) {
  const other = (program.defaultLocale || 'en') === 'en' ? 'zh' : 'en';
  const translation = (program.translations || []).find(x => x.locale === other) || {};
  return h('fieldset', {class: 'translation', 'data-locale': other}, h('legend', {}, t('field.translation')),
           field('translationName', t('field.name'), h('input', {type: 'text', value: translation.name, maxlength: 50,
                                                                 lang: other})),
           field('translationSummary', t('field.summary'), h('input', {type: 'text', value: translation.summary,
                                                                       maxlength: 140, lang: other})),
           field('translationDescription', t('field.description'),
                 h('textarea', {rows: 3, lang: other}, translation.description || '')));
}

function listingInput(form) {
  const value = name => form.elements[name].value.trim();
  const defaultLocale = value('defaultLocale');
  const translated = value('translationName');
  return {name: value('name'), summary: value('summary'), description: value('description') || null,
          category: value('category'), iconUrl: value('iconUrl') || null,
          tags: value('tags') ? value('tags').split(/[,，]/).map(tag => tag.trim()).filter(Boolean) : [],
          defaultLocale,
          iconDigest: form.querySelector('#listing-images')?.dataset.icon || null,
          screenshotDigests: (form.querySelector('#listing-images')?.dataset.screenshots || '').split(',')
            .filter(Boolean),
          translations: translated ? [{locale: defaultLocale === 'en' ? 'zh' : 'en', name: translated,
                                       summary: value('translationSummary'),
                                       description: value('translationDescription') || null}] : []};
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
    // The form edits the listing as written: in its default language, whatever the browser asks for.
    const written = (await graphql(LANGUAGE_OF, {id})).miniProgram;
    const program = written && (await graphql(PROGRAM, {id, locale: written.defaultLocale})).miniProgram;
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
  const status = h('span', {id: 'program-status'});
  const showStatus = () => fill(status, badge('programStatus', program.status));
  const update = version => {
    model.versions = [...model.versions.filter(v => v.id !== version.id), version]
      .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt));
    // A released version (phased or full, or one rolled back to) puts a draft program in the catalogue.
    if (program.status === 'DRAFT' && model.versions.some(v => v.status === 'RELEASED')) program.status = 'LIVE';
    showStatus();
    renderVersions(versions, program, model, update);
    loadHistory(history, id);
  };
  showStatus();
  renderVersions(versions, program, model, update);
  const seen = new Map(program.versions.map(v => [v.id, v]));
  fill(main,
       heading(program.name),
       h('p', {class: 'meta'}, status, ' ',
         h('a', {href: `#/program/${encodeURIComponent(id)}`}, t('manage.public'))),
       h('section', {'aria-labelledby': 'live-title'}, h('h2', {id: 'live-title'}, t('live.title')), live),
       h('section', {'aria-labelledby': 'versions-title'}, h('h2', {id: 'versions-title'}, t('versions.title')),
         versions),
       submitForm(program, update),
       listingForm(program),
       statisticsSection(id),
       repliesSection(program),
       h('section', {'aria-labelledby': 'history-title'}, h('h2', {id: 'history-title'}, t('history.title')),
         history));
  loadHistory(history, id);
  return subscribe(CHANGES, {miniProgramId: id}, data => {
    const version = data.versionStatusChanged;
    update(version);
    announce(live, version, seen.get(version.id));
    seen.set(version.id, version);
  }, e => live.append(h('p', {class: 'error'}, sentence(e.problems[0]))),
  () => { live.dataset.stream = 'open'; });
}

/** The program's statistics as charts over the last 30, 90 or 365 days (UTC), chosen with a select. */
function statisticsSection(id) {
  const charts = h('div', {id: 'statistics-charts', class: 'charts'});
  const range = h('select', {id: 'statistics-range', onchange: () => showStatistics(charts, id, Number(range.value))},
                  [30, 90, 365].map(n => h('option', {value: n}, t('stats.lastDays', {n}))));
  showStatistics(charts, id, 30);
  return h('section', {'aria-labelledby': 'statistics-title'},
           h('h2', {id: 'statistics-title'}, t('stats.title')),
           h('p', {}, h('label', {for: 'statistics-range'}, t('stats.range')), ' ', range), charts);
}

async function showStatistics(place, id, days) {
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86400000);
  const iso = date => date.toISOString().slice(0, 10);
  let rows;
  try {
    rows = (await graphql(STATISTICS, {id, from: iso(from), to: iso(to)})).miniProgram.statistics;
  } catch (e) {
    fill(place, h('p', {class: 'error', role: 'alert'}, sentence(e.problems[0])));
    return;
  }
  const dates = Array.from({length: days}, (_, i) => iso(new Date(from.getTime() + i * 86400000)));
  const total = (field, date) => rows.filter(r => r.date === date).reduce((sum, r) => sum + r[field], 0);
  const averageOn = date => {
    const rated = rows.filter(r => r.date === date && r.ratings > 0);
    const count = rated.reduce((sum, r) => sum + r.ratings, 0);
    return count ? Number((rated.reduce((sum, r) => sum + r.averageStars * r.ratings, 0) / count).toFixed(2)) : null;
  };
  const last = dates[dates.length - 1];
  const versions = rows.filter(r => r.date === last && r.activeInstallations > 0)
    .map(r => ({label: r.version ?? t('stats.noVersion'), value: r.activeInstallations}));
  fill(place,
       rows.length ? null : h('p', {class: 'note', id: 'statistics-none'}, t('stats.none')),
       lineChart('chart-installs', t('stats.installsChart'), dates, [
         {label: t('stats.installs'), values: dates.map(d => total('installs', d))},
         {label: t('stats.active'), values: dates.map(d => total('activeInstallations', d))},
       ]),
       lineChart('chart-ratings', t('stats.ratingsChart'), dates, [
         {label: t('stats.ratings'), values: dates.map(d => total('ratings', d))},
         {label: t('stats.averageStars'), values: dates.map(averageOn)},
       ], {bars: true}),
       versions.length ? shareChart('chart-versions', t('stats.versionsChart'), versions) : null);
}

/**
 * What changed since the version was last seen, as one entry: a new status (a release with its percentage), or a
 * reviewer claiming it. A repeat of what was already said adds nothing; the reasons and the reviewer's comment come
 * with the decision itself, not with every later change.
 */
function announce(live, version, before) {
  const review = version.review;
  const decided = version.status !== before?.status && (version.status === 'APPROVED' || version.status === 'REJECTED');
  let text;
  if (version.status === 'RELEASED'
      && (before?.status !== 'RELEASED' || before.releasePercentage !== version.releasePercentage)) {
    text = version.releasePercentage >= 100 ? t('live.releasedAll', {number: version.number})
      : t('live.released', {number: version.number, percent: number(version.releasePercentage)});
  } else if (version.status !== before?.status) {
    text = t(`live.now.${version.status}`, {number: version.number});
  } else if (review?.reviewer && review.reviewer !== before?.review?.reviewer) {
    text = t('live.claimed', {number: version.number, user: review.reviewer});
  } else {
    return;
  }
  live.prepend(h('div', {class: `decision status-${version.status.toLowerCase()}`, 'data-version': version.number},
    h('p', {}, text),
    decided && review?.reasons?.length ? h('p', {class: 'reasons'}, t('live.reasons', {
      reasons: review.reasons.map(r => label('reason', r)).join(', ')})) : null,
    decided && review?.comment ? h('p', {class: 'comment'}, t('live.comment', {comment: review.comment})) : null));
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
  if (version.status === 'INFORMATION_REQUESTED') {
    return h('div', {}, answerForm(version, answered => update({...version, ...answered})),
             h('form', {class: 'inline', onsubmit: e => e.preventDefault()},
               h('button', {type: 'button', class: 'withdraw', onclick: e => submitting(e.target.form,
                 () => graphql(WITHDRAW, {versionId: version.id}).then(d => update(d.withdrawVersion)))},
                 t('action.withdraw')), formStatus()));
  }
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
  // Only back: a superseded version newer than the current one (after a rollback) is not a rollback target.
  const current = model.versions.filter(v => v.status === 'RELEASED')
    .sort((a, b) => compareVersions(b.number, a.number))[0];
  if (version.status === 'SUPERSEDED' && current && compareVersions(version.number, current.number) < 0) {
    const ask = h('button', {type: 'button', class: 'rollback', onclick: () => {
      // Users get the older version back at once: the developer confirms first.
      fill(form,
           h('p', {class: 'confirm', role: 'alert'}, t('action.rollbackConfirm', {from: current.number,
                                                                                   to: version.number})),
           h('button', {type: 'button', class: 'danger confirm-rollback', onclick: () =>
             run(ROLLBACK, {miniProgramId: program.id, toVersionId: version.id}, p => p.versions)},
             t('action.rollbackYes', {number: version.number})),
           h('button', {type: 'button', class: 'secondary cancel-rollback', onclick: () =>
             form.replaceWith(versionActions(program, version, model, update))}, t('action.cancel')),
           formStatus());
      form.querySelector('.confirm-rollback').focus();
    }}, t('action.rollback', {number: version.number}));
    form.append(ask);
  }
  if (form.children.length) form.append(formStatus());
  return form;
}

/** Semantic versions by their numbers: 1.10.0 comes after 1.9.0. */
function compareVersions(a, b) {
  const parts = v => v.split(/[.+-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return 0;
}

function submitForm(program, update) {
  const form = h('form', {id: 'submit-form', class: 'card-form', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    const size = form.elements.packageSize.value.trim();
    if (size && !/^[1-9]\d*$/.test(size)) {
      clearProblems(form);
      showProblems(form, localProblem('INVALID_INPUT', 'packageSize'));
      return;
    }
    const version = await submitting(form, () => graphql(SUBMIT, {input: {
      miniProgramId: program.id, version: form.elements.version.value.trim(),
      changelog: form.elements.changelog.value, permissions: checked(form, 'permissions'),
      privacyUses: checked(form, 'privacyUses'), packageDigest: form.elements.packageDigest.value.trim(),
      ...(size ? {packageSize: Number(size)} : {}),
    }}).then(d => d.submitVersion), v => t('submit.done', {number: v.number}));
    if (version) update(version);
  }},
  h('h2', {}, t('submit.title')),
  field('version', t('field.version'), h('input', {type: 'text', inputmode: 'decimal', placeholder: '1.0.0'}),
        t('field.versionHint')),
  field('changelog', t('field.changelog'), h('textarea', {rows: 3})),
  checkboxes('permissions', t('field.permissions'), 'permission', ENUMS.permission),
  checkboxes('privacyUses', t('field.privacyUses'), 'privacy', ENUMS.privacy),
  packagePicker(),
  field('packageDigest', t('field.packageDigest'), h('input', {type: 'text', spellcheck: 'false',
                                                                autocomplete: 'off'})),
  field('packageSize', t('field.packageSize'), h('input', {type: 'text', inputmode: 'numeric'})),
  h('button', {type: 'submit'}, t('submit.button')),
  formStatus());
  return form;
}

/**
 * The package zip, uploaded as soon as it is picked, with its progress; the answer fills in the digest and size
 * below it, and a refusal (not a package, a page missing, too large...) appears beside the picker.
 */
function packagePicker() {
  const progress = h('progress', {class: 'upload-progress', max: 1, value: 0, hidden: true});
  const status = h('p', {class: 'upload-status', role: 'status', 'aria-live': 'polite'});
  const picker = h('input', {type: 'file', accept: '.zip,application/zip', onchange: async () => {
    const form = picker.form;
    const error = form.querySelector('[data-error-for="package"]');
    clearProblems(form);
    const file = picker.files[0];
    if (!file) return;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = t('upload.sending', {name: file.name});
    try {
      const stored = await uploadPackage(file, fraction => { progress.value = fraction; });
      form.elements.packageDigest.value = stored.digest;
      form.elements.packageSize.value = String(stored.size);
      status.textContent = t('upload.done', {name: file.name, size: number(stored.size)});
    } catch (e) {
      const problem = e.problems?.[0] || {code: 'UNKNOWN'};
      status.textContent = '';
      error.textContent = problem.message ? t('upload.refused', {reason: problem.message}) : sentence(problem);
      error.hidden = false;
      picker.setAttribute('aria-invalid', 'true');
    } finally {
      progress.hidden = true;
    }
  }});
  const wrapper = field('package', t('field.package'), picker, t('field.packageHint'));
  wrapper.append(progress, status);
  return wrapper;
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
      if (!form.elements.text.value.trim()) {
        showProblems(form, localProblem('REPLY_EMPTY', 'text'));
        return;
      }
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
    const edges = (await graphql(HISTORY, {miniProgramId: id, locale: language()})).history.edges;
    fill(list, edges.length ? edges.map(({node}) => h('li', {'data-type': node.type},
      h('time', {datetime: node.at}, dateTime(node.at)), ' ',
      h('span', {class: 'summary'}, node.summary),
      node.actor ? h('span', {class: 'actor'}, ` ${t('history.by', {actor: node.actor})}`) : null))
      : h('li', {class: 'note'}, t('history.none')));
  } catch (e) {
    fill(list, h('li', {class: 'error'}, sentence(e.problems[0])));
  }
}

/**
 * A program's public page: listing, current version, permissions, ratings with replies. Signed-in users install,
 * uninstall, rate and report ratings; reviewers also hide and restore ratings and suspend or reinstate the program.
 */
import {h, fill} from '../dom.js';
import {t, label, number, dateTime, sentence} from '../i18n.js';
import {graphql} from '../api.js';
import * as session from '../session.js';
import {field, formStatus, submitting, select, ENUMS} from '../forms.js';
import {stars, starsOf, badge, heading, tagList} from '../widgets.js';

export const RATING_FIELDS = 'id userId stars text reply hidden flagCount updatedAt';
const PROGRAM = `query miniProgram($id: ID!) {
  miniProgram(id: $id) {
    id name summary description category tags status developer { id } installCount installedByViewer
    rating { average count histogram }
    currentVersion { number changelog permissions privacyUses releasePercentage }
    ratings(first: 50) { totalCount edges { node { ${RATING_FIELDS} } } }
  }
}`;
const INSTALL = `mutation installMiniProgram($id: ID!) { installMiniProgram(id: $id) { installed } }`;
const UNINSTALL = `mutation uninstallMiniProgram($id: ID!) { uninstallMiniProgram(id: $id) { installed } }`;
const RATE = `mutation rateMiniProgram($input: RateInput!) { rateMiniProgram(input: $input) { ${RATING_FIELDS} } }`;
const FLAG = `mutation flagRating($ratingId: ID!, $reason: FlagReason!) {
  flagRating(ratingId: $ratingId, reason: $reason) { ${RATING_FIELDS} } }`;
export const HIDE = `mutation hideRating($ratingId: ID!) { hideRating(ratingId: $ratingId) { ${RATING_FIELDS} } }`;
export const RESTORE = `mutation restoreRating($ratingId: ID!) {
  restoreRating(ratingId: $ratingId) { ${RATING_FIELDS} } }`;
const SUSPEND = `mutation suspendMiniProgram($id: ID!, $reason: String!) {
  suspendMiniProgram(id: $id, reason: $reason) { status } }`;
const REINSTATE = `mutation reinstateMiniProgram($id: ID!) { reinstateMiniProgram(id: $id) { status } }`;

export async function programPage(main, id) {
  let program;
  try {
    program = (await graphql(PROGRAM, {id})).miniProgram;
  } catch (e) {
    fill(main, heading(t('program.notFound')), h('p', {class: 'error', role: 'alert'}, sentence(e.problems[0])));
    return;
  }
  if (!program) {
    fill(main, heading(t('program.notFound')));
    return;
  }
  const user = session.current();
  const ratings = h('ol', {class: 'ratings', id: 'ratings'});
  const showRatings = list => fill(ratings, list.length ? list.map(r => ratingItem(r, program, replace))
    : h('li', {class: 'note'}, t('program.noRatings')));
  let shown = program.ratings.edges.map(e => e.node).filter(r => !r.hidden || session.can('REVIEWER'));
  const replace = rating => {
    shown = [rating, ...shown.filter(r => r.id !== rating.id)];
    showRatings(shown);
  };
  showRatings(shown);
  const version = program.currentVersion;
  fill(main,
       heading(program.name),
       h('p', {class: 'lead'}, program.summary),
       h('p', {class: 'meta'}, h('span', {class: 'category'}, label('category', program.category)),
         program.status !== 'LIVE' ? badge('programStatus', program.status) : null,
         stars(program.rating.average, program.rating.count),
         h('span', {class: 'installs'}, t('card.installs', {count: number(program.installCount)}))),
       user && user.userId === program.developer.id && session.can('DEVELOPER')
         ? h('p', {}, h('a', {href: `#/developer/program/${encodeURIComponent(id)}`}, t('program.manage'))) : null,
       user ? installControls(program) : h('p', {class: 'note'}, t('program.signInToInstall')),
       program.description ? h('section', {}, h('h2', {}, t('program.description')),
                               h('p', {class: 'description'}, program.description)) : null,
       program.tags.length ? tagList(program.tags) : null,
       h('section', {'aria-labelledby': 'current-version'},
         h('h2', {id: 'current-version'}, t('program.currentVersion')),
         version ? [h('p', {id: 'version-number'}, t('program.version', {number: version.number})),
                    h('h3', {}, t('program.changelog')), h('p', {class: 'changelog'}, version.changelog),
                    h('h3', {}, t('program.permissions')), tagList(version.permissions, 'permission'),
                    h('h3', {}, t('program.privacyUses')), tagList(version.privacyUses, 'privacy')]
           : h('p', {}, t('program.noVersion'))),
       h('section', {'aria-labelledby': 'ratings-title'},
         h('h2', {id: 'ratings-title'}, t('program.ratings')),
         histogram(program.rating.histogram),
         user ? rateForm(program, replace) : null,
         ratings),
       session.can('REVIEWER') ? moderation(program) : null);
}

function histogram(counts) {
  const most = Math.max(1, ...counts);
  return h('figure', {class: 'histogram'}, h('figcaption', {}, t('program.histogram')),
           h('ul', {}, [5, 4, 3, 2, 1].map(n => h('li', {},
             h('span', {class: 'label'}, t('program.histogramRow', {stars: n, count: counts[n - 1]})),
             h('span', {class: 'bar', 'aria-hidden': 'true', style: `width: ${(counts[n - 1] / most) * 100}%`})))));
}

/** Install when the viewer has not, uninstall when they have; the button swaps once the API has answered. */
function installControls(program) {
  const form = h('form', {class: 'inline', id: 'install-controls', onsubmit: e => e.preventDefault()});
  const show = (installed, done) => {
    const status = formStatus();
    if (done) status.textContent = done;
    const [document, id, text, className, doneText] = installed
      ? [UNINSTALL, 'uninstall', t('program.uninstall'), 'secondary', t('program.uninstalled')]
      : [INSTALL, 'install', t('program.install'), null, t('program.installed')];
    fill(form,
         installed ? h('span', {class: 'note', id: 'installed-note'}, t('program.youInstalled')) : null,
         h('button', {type: 'button', id, class: className, onclick: async () => {
           const answer = await submitting(form, () => graphql(document, {id: program.id}));
           if (answer) show(Object.values(answer)[0].installed, doneText);
         }}, text),
         status);
  };
  show(program.installedByViewer === true);
  return form;
}

function rateForm(program, onRated) {
  const form = h('form', {id: 'rate-form', class: 'card-form', onsubmit: async e => {
    e.preventDefault();
    const chosen = form.querySelector('input[name="stars"]:checked');
    const rating = await submitting(form, () => graphql(RATE, {input: {
      miniProgramId: program.id, stars: chosen ? Number(chosen.value) : 0, text: form.elements.text.value || null,
    }}).then(d => d.rateMiniProgram), t('program.rated'));
    if (rating) onRated(rating);
  }},
  h('h3', {}, t('program.rate')),
  h('fieldset', {class: 'field stars-input', 'data-field': 'stars'}, h('legend', {}, t('program.stars')),
    [1, 2, 3, 4, 5].map(n => h('label', {}, h('input', {type: 'radio', name: 'stars', value: n, id: `stars-${n}`}),
                              t('program.starOption', {stars: n}))),
    h('p', {class: 'field-error', 'data-error-for': 'stars', role: 'alert', hidden: true})),
  field('text', t('program.ratingText'), h('textarea', {rows: 3, id: 'rating-text'})),
  h('button', {type: 'submit'}, t('program.rateButton')),
  formStatus());
  return form;
}

/** One rating, with the developer's reply; reviewers can hide and restore, other users can report it. */
export function ratingItem(rating, program, onChange, extra) {
  const user = session.current();
  const actions = h('form', {class: 'inline', onsubmit: e => e.preventDefault()});
  const act = (document, variables) => submitting(actions, () => graphql(document, variables)
    .then(d => onChange(Object.values(d)[0])));
  if (session.can('REVIEWER') && user.userId !== program.developer.id) {
    actions.append(rating.hidden
      ? h('button', {type: 'button', class: 'restore', onclick: () => act(RESTORE, {ratingId: rating.id})},
          t('rating.restore'))
      : h('button', {type: 'button', class: 'hide', onclick: () => act(HIDE, {ratingId: rating.id})},
          t('rating.hide')));
  } else if (user && user.userId !== rating.userId && user.userId !== program.developer.id) {
    const reason = select('flag', ENUMS.flag, 'SPAM', {'aria-label': t('rating.flagReason')});
    actions.append(reason, h('button', {type: 'button', class: 'secondary', onclick: async () => {
      await act(FLAG, {ratingId: rating.id, reason: reason.value});
    }}, t('rating.flag')));
  }
  actions.append(formStatus());
  return h('li', {class: `rating${rating.hidden ? ' hidden-rating' : ''}`, 'data-rating-id': rating.id},
           h('p', {class: 'rating-head'}, starsOf(rating.stars), ' ',
             h('span', {class: 'author'}, t('rating.by', {user: rating.userId})), ' ',
             h('time', {datetime: rating.updatedAt}, dateTime(rating.updatedAt)),
             rating.hidden ? h('span', {class: 'badge'}, t('rating.hidden')) : null,
             rating.flagCount ? h('span', {class: 'badge warn'}, t('rating.flags', {count: rating.flagCount})) : null),
           rating.text ? h('p', {class: 'rating-text'}, rating.text) : null,
           rating.reply ? h('blockquote', {class: 'reply'}, h('p', {class: 'reply-label'}, t('program.reply')),
                            h('p', {class: 'reply-text'}, rating.reply)) : null,
           extra ? extra(rating) : null,
           actions.children.length > 1 ? actions : null);
}

/** Suspend (with a reason) or reinstate: for reviewers, never on their own programs (the API refuses that). */
function moderation(program, done) {
  const suspended = program.status === 'SUSPENDED';
  const status = formStatus();
  if (done) status.textContent = done;
  const form = h('form', {id: 'moderation', class: 'card-form', onsubmit: async e => {
    e.preventDefault();
    const result = await submitting(form, () => (suspended
      ? graphql(REINSTATE, {id: program.id}) : graphql(SUSPEND, {id: program.id, reason: form.elements.reason.value}))
      .then(d => Object.values(d)[0]));
    if (result) {
      program.status = result.status;
      form.replaceWith(moderation(program, suspended ? t('program.reinstated') : t('program.suspended')));
    }
  }}, h('h2', {}, t('program.moderation')),
  suspended ? null : field('reason', t('program.suspendReason'), h('input', {type: 'text'})),
  h('button', {type: 'submit', id: 'moderate'}, suspended ? t('program.reinstate') : t('program.suspend')),
  status);
  return form;
}

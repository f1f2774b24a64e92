/**
 * A program's public page: listing, current version, permissions, ratings with replies. Signed-in users install,
 * uninstall, rate and report ratings; reviewers also hide and restore ratings and suspend or reinstate the program.
 */
import {h, fill} from '../dom.js';
import {t, label, number, counted, dateTime, sentence, language} from '../i18n.js';
import {graphql} from '../api.js';
import * as session from '../session.js';
import {field, formStatus, submitting, select, ENUMS} from '../forms.js';
import {stars, starsOf, badge, heading, tagList, signInHref, developerLine} from '../widgets.js';
import {reportControls} from './moderation.js';

export const RATING_FIELDS = 'id userId stars text reply hidden flagCount updatedAt';
const PROGRAM = `query miniProgram($id: ID!, $locale: String) {
  miniProgram(id: $id, locale: $locale) {
    id name summary description category tags status installCount installedByViewer
    developer { id displayName website verified programs(first: 12) { id name summary } }
    icon { url width height } screenshots { url width height }
    rating { average count histogram }
    currentVersion { number changelog permissions privacyUses releasePercentage }
    ratings(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${RATING_FIELDS} } } }
  }
}`;
const MORE_RATINGS = `query moreRatings($id: ID!, $after: String, $sort: RatingSort) { miniProgram(id: $id) {
  ratings(first: 50, after: $after, sort: $sort) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { ${RATING_FIELDS} } } } } }`;
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
    program = (await graphql(PROGRAM, {id, locale: language()})).miniProgram;
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
  // The API leaves out hidden ratings for everyone but reviewers and the program's developer.
  let shown = program.ratings.edges.map(e => e.node);
  const meta = h('p', {class: 'meta', id: 'program-meta'});
  const chart = h('div', {id: 'rating-chart'});
  // Install counts and the rating summary follow the viewer's own actions at once, from the mutations' answers.
  const showSummary = () => {
    fill(meta, h('span', {class: 'category'}, label('category', program.category)),
         program.status !== 'LIVE' ? badge('programStatus', program.status) : null,
         stars(program.rating.average, program.rating.count),
         h('span', {class: 'installs'}, counted('card.installs', program.installCount)));
    fill(chart, histogram(program.rating.histogram));
  };
  const replace = rating => {
    const before = shown.find(r => r.id === rating.id);
    if (user && rating.userId === user.userId) program.rating = withRating(program.rating, before, rating);
    shown = [rating, ...shown.filter(r => r.id !== rating.id)];
    showRatings(shown);
    showSummary();
  };
  showRatings(shown);
  showSummary();
  // Past the first 50: each press appends the next page of ratings, in the order chosen.
  let order = 'NEWEST';
  const more = h('div', {class: 'more-ratings'});
  const offerMore = page => fill(more, page.pageInfo.hasNextPage ? h('button', {
    type: 'button', class: 'secondary', id: 'more-ratings', onclick: async e => {
      e.target.disabled = true;
      try {
        const next = (await graphql(MORE_RATINGS, {id, after: page.pageInfo.endCursor, sort: order}))
          .miniProgram.ratings;
        shown = [...shown, ...next.edges.map(edge => edge.node).filter(r => !shown.some(s => s.id === r.id))];
        showRatings(shown);
        offerMore(next);
      } catch (err) {
        fill(more, h('p', {class: 'error', role: 'alert'}, sentence(err.problems ? err.problems[0]
          : {code: 'UNAVAILABLE'})));
      }
    }}, t('program.moreRatings', {count: number(page.totalCount - shown.length)})) : null);
  offerMore(program.ratings);
  // Another order starts the list again from its first page.
  const sorting = h('p', {class: 'ratings-sort'},
    h('label', {for: 'ratings-sort'}, t('program.sortRatings')), ' ',
    h('select', {id: 'ratings-sort', onchange: async e => {
      order = e.target.value;
      try {
        const first = (await graphql(MORE_RATINGS, {id, after: null, sort: order})).miniProgram.ratings;
        shown = first.edges.map(edge => edge.node);
        showRatings(shown);
        offerMore(first);
      } catch (err) {
        fill(more, h('p', {class: 'error', role: 'alert'}, sentence(err.problems ? err.problems[0]
          : {code: 'UNAVAILABLE'})));
      }
    }}, ['NEWEST', 'HIGHEST', 'LOWEST'].map(value => h('option', {value}, t('ratingSort.' + value)))));
  const version = program.currentVersion;
  fill(main,
       h('div', {class: 'program-title'},
         h('img', {class: 'icon large', id: 'program-icon', src: program.icon.url, alt: '', width: 96, height: 96}),
         heading(program.name)),
       h('p', {class: 'lead'}, program.summary),
       program.screenshots.length ? gallery(program) : null,
       h('p', {class: 'meta', id: 'program-developer'}, developerLine(program.developer),
         program.developer.website ? [' ', h('a', {href: program.developer.website, rel: 'noopener nofollow',
                                                    class: 'website'}, t('developer.website'))] : null),
       meta,
       user && user.userId === program.developer.id && session.can('DEVELOPER')
         ? h('p', {}, h('a', {href: `#/developer/program/${encodeURIComponent(id)}`}, t('program.manage'))) : null,
       user ? installControls(program, showSummary)
         : h('p', {class: 'note'}, h('a', {href: signInHref(), id: 'sign-in-to-install'}, t('program.signInToInstall'))),
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
         chart,
         user ? rateForm(program, replace) : null,
         program.ratings.totalCount > 1 ? sorting : null,
         ratings, more),
       moreFromDeveloper(program),
       user && user.userId !== program.developer.id ? reportControls(program) : null,
       session.can('REVIEWER') ? moderation(program) : null);
}

/** Screenshots side by side, scrolled (and on a phone swiped) one at a time. */
function gallery(program) {
  return h('section', {'aria-labelledby': 'screenshots-title'},
           h('h2', {id: 'screenshots-title', class: 'visually-hidden'}, t('program.screenshots')),
           h('ul', {class: 'gallery', id: 'screenshots', tabindex: '0', 'aria-label': t('program.screenshots')},
             program.screenshots.map((s, i) => h('li', {},
               h('img', {src: s.url, width: s.width, height: s.height, loading: 'lazy',
                         alt: t('program.screenshot', {n: i + 1, name: program.name})})))));
}

/** The developer's other live programs, so a visitor who trusts the publisher finds the rest of their work. */
function moreFromDeveloper(program) {
  const others = program.developer.programs.filter(p => p.id !== program.id);
  if (!others.length) return null;
  return h('section', {'aria-labelledby': 'more-title', id: 'more-from-developer'},
           h('h2', {id: 'more-title'}, t('developer.more', {name: program.developer.displayName
                                                             || program.developer.id})),
           h('ul', {class: 'cards'}, others.map(p => h('li', {class: 'card', 'data-program-id': p.id},
             h('h3', {}, h('a', {href: `#/program/${encodeURIComponent(p.id)}`}, p.name)),
             h('p', {class: 'summary'}, p.summary)))));
}

function histogram(counts) {
  const most = Math.max(1, ...counts);
  return h('figure', {class: 'histogram'}, h('figcaption', {}, t('program.histogram')),
           h('ul', {}, [5, 4, 3, 2, 1].map(n => h('li', {},
             h('span', {class: 'label'}, t('program.histogramRow', {stars: n, count: number(counts[n - 1])})),
             h('span', {class: 'bar', 'aria-hidden': 'true', style: {width: `${(counts[n - 1] / most) * 100}%`}})))));
}

/** The rating summary after the viewer's own rating was added or changed (before: their earlier one, if any). */
function withRating(summary, before, after) {
  const histogram = [...summary.histogram];
  if (before && !before.hidden) histogram[before.stars - 1] -= 1;
  if (!after.hidden) histogram[after.stars - 1] += 1;
  const count = histogram.reduce((sum, n) => sum + n, 0);
  const total = histogram.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return {count, average: count ? total / count : 0, histogram};
}

/** Install when the viewer has not, uninstall when they have; the button swaps once the API has answered. */
function installControls(program, onChange) {
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
           if (answer) {
             const installed = Object.values(answer)[0].installed;
             if (installed !== program.installedByViewer) {
               program.installCount = Math.max(0, program.installCount + (installed ? 1 : -1));
               program.installedByViewer = installed;
               onChange();
             }
             show(installed, doneText);
           }
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
    if (reported(user.userId).includes(rating.id)) {
      actions.append(h('span', {class: 'note reported'}, t('rating.flagged')));
    } else {
      const reason = select('flag', ENUMS.flag, 'SPAM', {'aria-label': t('rating.flagReason')});
      actions.append(reason, h('button', {type: 'button', class: 'secondary flag', onclick: async () => {
        const done = await submitting(actions, () => graphql(FLAG, {ratingId: rating.id, reason: reason.value}));
        if (done) {
          // A second report by the same user changes nothing on the server; say so instead of offering it again.
          remember(user.userId, rating.id);
          fill(actions, h('span', {class: 'note reported', role: 'status'}, t('rating.flagged')));
        }
      }}, t('rating.flag')));
    }
  }
  actions.append(formStatus());
  return h('li', {class: `rating${rating.hidden ? ' hidden-rating' : ''}`, 'data-rating-id': rating.id},
           h('p', {class: 'rating-head'}, starsOf(rating.stars), ' ',
             h('span', {class: 'author'}, t('rating.by', {user: rating.userId})), ' ',
             h('time', {datetime: rating.updatedAt}, dateTime(rating.updatedAt)),
             rating.hidden ? h('span', {class: 'badge'}, t('rating.hidden')) : null,
             rating.flagCount && session.can('REVIEWER')
               ? h('span', {class: 'badge warn flags'}, t('rating.flags', {count: number(rating.flagCount)})) : null),
           rating.text ? h('p', {class: 'rating-text'}, rating.text) : null,
           rating.reply ? h('blockquote', {class: 'reply'}, h('p', {class: 'reply-label'}, t('program.reply')),
                            h('p', {class: 'reply-text'}, rating.reply)) : null,
           extra ? extra(rating) : null,
           actions.children.length > 1 ? actions : null);
}

const REPORTED = 'portal.reported';

/** The ratings this user reported from this browser. */
function reported(userId) {
  try {
    return JSON.parse(localStorage.getItem(`${REPORTED}.${userId}`)) || [];
  } catch (e) {
    return [];
  }
}

function remember(userId, ratingId) {
  localStorage.setItem(`${REPORTED}.${userId}`, JSON.stringify([...reported(userId), ratingId].slice(-500)));
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

/**
 * The administrator's page: the catalogue rebuild, started here and followed while it runs (state, a progress bar of
 * events replayed, the rate and the time left), polled every second and a half until it is done or has failed; and
 * the ranking backtest ({@link backtestSection}).
 */
import {h, fill} from '../dom.js';
import {t, label, duration, dateTime, number} from '../i18n.js';
import {graphql} from '../api.js';
import {field, formStatus, submitting} from '../forms.js';
import {heading} from '../widgets.js';
import {backtestSection} from './backtest.js';

const FIELDS = 'state processed total eventsPerSecond estimatedSecondsLeft startedBy startedAt switchedAt index failure';
const PROGRESS = `query catalogueRebuild { catalogueRebuild { ${FIELDS} } }`;
const START = `mutation rebuildCatalogue { rebuildCatalogue { ${FIELDS} } }`;
const VERIFY = `mutation verifyDeveloper($id: ID!) { verifyDeveloper(id: $id) { id displayName verified } }`;
const UNVERIFY = `mutation unverifyDeveloper($id: ID!) { unverifyDeveloper(id: $id) { id displayName verified } }`;
const POLL_MILLIS = 1500;
const ACTIVE = ['RUNNING', 'SWITCHING'];

export async function adminPage(main) {
  const progress = h('div', {id: 'rebuild-progress', 'aria-live': 'polite'});
  const form = h('form', {id: 'rebuild-form', onsubmit: async e => {
    e.preventDefault();
    const started = await submitting(form, () => graphql(START));
    if (started) follow(started.rebuildCatalogue);
  }}, h('button', {type: 'submit', id: 'rebuild-start'}, t('admin.rebuild.start')), formStatus());
  let timer = null;
  let left = false;

  function follow(rebuild) {
    show(progress, rebuild);
    clearTimeout(timer);
    if (!left && rebuild && ACTIVE.includes(rebuild.state)) {
      timer = setTimeout(poll, POLL_MILLIS);
    }
  }

  async function poll() {
    try {
      follow((await graphql(PROGRESS)).catalogueRebuild);
    } catch (e) {
      // A missed answer (a node restarting, the network) is not the rebuild's failure: ask again.
      if (!left) timer = setTimeout(poll, POLL_MILLIS);
    }
  }

  const backtest = backtestSection(() => left);
  fill(main, heading(t('admin.title')),
       h('section', {'aria-labelledby': 'rebuild-title'},
         h('h2', {id: 'rebuild-title'}, t('admin.rebuild.title')),
         h('p', {}, t('admin.rebuild.explain')), progress, form),
       verification(), backtest.section);
  follow((await graphql(PROGRESS)).catalogueRebuild);
  return () => {
    left = true;
    clearTimeout(timer);
    backtest.stop();
  };
}

/** Verify or unverify a developer by id: the badge their listings show. */
function verification() {
  const outcome = h('p', {id: 'verify-outcome', role: 'status', 'aria-live': 'polite'});
  const decide = document => async () => {
    const answer = await submitting(form, () => graphql(document, {id: form.elements.id.value.trim()}));
    if (answer) {
      const developer = Object.values(answer)[0];
      outcome.textContent = t(developer.verified ? 'admin.verify.done' : 'admin.verify.undone',
                              {name: developer.displayName || developer.id});
    }
  };
  const form = h('form', {id: 'verify-form', class: 'card-form', novalidate: true, onsubmit: e => e.preventDefault()},
                 field('id', t('admin.verify.id'), h('input', {type: 'text', id: 'verify-id'})),
                 h('button', {type: 'button', id: 'verify-developer', onclick: decide(VERIFY)},
                   t('admin.verify.verify')), ' ',
                 h('button', {type: 'button', id: 'unverify-developer', class: 'secondary', onclick: decide(UNVERIFY)},
                   t('admin.verify.unverify')),
                 formStatus());
  return h('section', {'aria-labelledby': 'verify-title'},
           h('h2', {id: 'verify-title'}, t('admin.verify.title')), h('p', {}, t('admin.verify.explain')),
           form, outcome);
}

function show(place, rebuild) {
  if (!rebuild) {
    fill(place, h('p', {class: 'note', id: 'rebuild-none'}, t('admin.rebuild.none')));
    return;
  }
  const bar = h('progress', {id: 'rebuild-bar', max: Math.max(1, rebuild.total), value: rebuild.processed,
                             'aria-labelledby': 'rebuild-bar-label', style: {width: '100%'}});
  const rows = [
    [t('admin.rebuild.state'), h('span', {id: 'rebuild-state', 'data-state': rebuild.state},
                                label('rebuildState', rebuild.state))],
    [t('admin.rebuild.processed'), h('span', {id: 'rebuild-count'},
                                    t('admin.rebuild.ofTotal', {processed: number(rebuild.processed),
                                                                total: number(rebuild.total)}))],
    [t('admin.rebuild.rate'), h('span', {id: 'rebuild-rate'}, number(rebuild.eventsPerSecond))],
    [t('admin.rebuild.left'), h('span', {id: 'rebuild-left'}, rebuild.estimatedSecondsLeft === null
      ? t('admin.rebuild.unknown') : duration(rebuild.estimatedSecondsLeft))],
    [t('admin.rebuild.started'), h('span', {id: 'rebuild-started'},
                                  t('admin.rebuild.by', {user: rebuild.startedBy, at: dateTime(rebuild.startedAt)}))],
    [t('admin.rebuild.index'), h('span', {id: 'rebuild-index'}, rebuild.index)],
  ];
  if (rebuild.failure) rows.push([t('admin.rebuild.failure'), h('span', {id: 'rebuild-failure'}, rebuild.failure)]);
  fill(place, h('p', {id: 'rebuild-bar-label'}, t('admin.rebuild.bar')), bar,
       h('dl', {}, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])));
}

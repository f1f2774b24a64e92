/**
 * The ranking backtest on the administrator's page: sliders for the candidate weights (starting at those in force),
 * the period whose recorded searches are replayed, then the two rankings' figures side by side and the queries the
 * candidate moved down most. Polled every second and a half while it runs.
 */
import {h, fill} from '../dom.js';
import {t, label, number, dateTime} from '../i18n.js';
import {graphql} from '../api.js';
import {formStatus, submitting} from '../forms.js';

const FIGURES = 'installs meanReciprocalRank top3Share top10Share';
const FIELDS = `id state from to sessions evaluated sessionsPerSecond failure thenInForce { ${FIGURES} }
  candidate { ${FIGURES} } changedQueries { query sessions meanRankThen meanRankCandidate change }`;
const START = `mutation rankingBacktest($input: RankingBacktestInput!) {
  rankingBacktest(input: $input) { ${FIELDS} } }`;
const PROGRESS = `query rankingBacktest($id: ID!) { rankingBacktest(id: $id) { ${FIELDS} } }`;
const WEIGHTS = 'query rankingWeights { rankingWeights { installs rating exactName phrase } }';
const POLL_MILLIS = 1500;
const WEEK_MILLIS = 7 * 24 * 3600 * 1000;
/** Each weight's slider: its range and step, those setRankingWeights accepts. */
const SLIDERS = [['installs', 0, 5, 0.05], ['rating', 0, 5, 0.05], ['exactName', 1, 1000, 1], ['phrase', 1, 1000, 1]];

export function backtestSection(isLeft) {
  const result = h('div', {id: 'backtest-result', 'aria-live': 'polite'});
  const sliders = SLIDERS.map(([name, min, max, step]) => {
    const output = h('output', {id: `weight-${name}-value`, for: `weight-${name}`});
    const input = h('input', {type: 'range', id: `weight-${name}`, name, min, max, step,
                              oninput: () => { output.textContent = input.value; }});
    return {name, input, output};
  });
  const local = millis => new Date(millis - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 19);
  const instant = (id, millis) => h('input', {type: 'datetime-local', id, step: 1, value: local(millis)});
  const from = instant('backtest-from', Date.now() - WEEK_MILLIS);
  const to = instant('backtest-to', Date.now());
  let timer = null;

  function follow(backtest) {
    show(result, backtest);
    clearTimeout(timer);
    if (!isLeft() && backtest && backtest.state === 'RUNNING') {
      timer = setTimeout(async () => {
        try {
          follow((await graphql(PROGRESS, {id: backtest.id})).rankingBacktest);
        } catch (e) {
          if (!isLeft()) follow(backtest);
        }
      }, POLL_MILLIS);
    }
  }

  const form = h('form', {id: 'backtest-form', onsubmit: async e => {
    e.preventDefault();
    const weights = Object.fromEntries(sliders.map(s => [s.name, Number(s.input.value)]));
    const input = {weights, from: new Date(from.value).toISOString(), to: new Date(to.value).toISOString()};
    const started = await submitting(form, () => graphql(START, {input}));
    if (started) follow(started.rankingBacktest);
  }},
  sliders.map(s => h('div', {class: 'field'}, h('label', {for: s.input.id}, t(`admin.backtest.weight.${s.name}`)),
                     s.input, s.output)),
  h('div', {class: 'field'}, h('label', {for: 'backtest-from'}, t('admin.backtest.from')), from),
  h('div', {class: 'field'}, h('label', {for: 'backtest-to'}, t('admin.backtest.to')), to),
  h('button', {type: 'submit', id: 'backtest-start'}, t('admin.backtest.start')), formStatus());

  graphql(WEIGHTS).then(answer => sliders.forEach(s => {
    s.input.value = answer.rankingWeights[s.name];
    s.output.textContent = s.input.value;
  })).catch(() => {});
  const section = h('section', {'aria-labelledby': 'backtest-title'},
                    h('h2', {id: 'backtest-title'}, t('admin.backtest.title')),
                    h('p', {}, t('admin.backtest.explain')), form, result);
  return {section, stop: () => clearTimeout(timer)};
}

function show(place, backtest) {
  if (!backtest) {
    fill(place);
    return;
  }
  const parts = [h('p', {}, h('span', {id: 'backtest-state', 'data-state': backtest.state},
                              label('backtestState', backtest.state)), ' ',
                    h('span', {id: 'backtest-count'}, t('admin.backtest.evaluated', {
                      evaluated: number(backtest.evaluated), sessions: number(backtest.sessions),
                      rate: number(backtest.sessionsPerSecond, 1)})))];
  parts.push(h('p', {id: 'backtest-period', 'data-from': backtest.from, 'data-to': backtest.to},
                t('admin.backtest.period', {from: dateTime(backtest.from), to: dateTime(backtest.to)})));
  if (backtest.failure) parts.push(h('p', {id: 'backtest-failure', role: 'alert'}, backtest.failure));
  if (backtest.thenInForce && backtest.candidate) {
    const row = (key, field, digits) => h('tr', {'data-figure': field}, h('th', {scope: 'row'}, t(key)),
      h('td', {class: 'then'}, number(backtest.thenInForce[field], digits)),
      h('td', {class: 'candidate'}, number(backtest.candidate[field], digits)));
    parts.push(h('table', {id: 'backtest-figures'},
                 h('thead', {}, h('tr', {}, h('th', {}), h('th', {scope: 'col'}, t('admin.backtest.then')),
                                  h('th', {scope: 'col'}, t('admin.backtest.candidate')))),
                 h('tbody', {}, row('admin.backtest.mrr', 'meanReciprocalRank', 3),
                   row('admin.backtest.top3', 'top3Share', 3), row('admin.backtest.top10', 'top10Share', 3),
                   row('admin.backtest.installs', 'installs', 0))));
    const worst = [...backtest.changedQueries].sort((a, b) => a.change - b.change);
    parts.push(h('h3', {}, t('admin.backtest.worst')),
               worst.length === 0 ? h('p', {class: 'note'}, t('admin.backtest.noQueries'))
                 : h('ol', {id: 'backtest-queries'}, worst.map(q => h('li', {'data-change': q.change},
                   t('admin.backtest.query', {query: q.query, then: number(q.meanRankThen, 1),
                                              candidate: number(q.meanRankCandidate, 1),
                                              sessions: number(q.sessions)})))));
  }
  fill(place, ...parts);
}

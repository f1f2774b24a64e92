/** A signed-in user's installed mini-programs, with uninstall beside each. */
import {h, fill} from '../dom.js';
import {t, label, counted, sentence} from '../i18n.js';
import {graphql} from '../api.js';
import {formStatus, submitting, note} from '../forms.js';
import {stars, heading} from '../widgets.js';

const INSTALLED = `query myInstalledPrograms($after: String) { myInstalledPrograms(first: 20, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id name summary category installCount rating { average count } } } } }`;
const UNINSTALL = `mutation uninstallMiniProgram($id: ID!) { uninstallMiniProgram(id: $id) { installed } }`;

export async function installedPage(main) {
  const list = h('ul', {class: 'cards', id: 'installed-programs'});
  const status = h('p', {class: 'form-status', role: 'status', 'aria-live': 'polite', id: 'installed-status'});
  const more = h('div', {});
  const load = async after => {
    const page = (await graphql(INSTALLED, {after})).myInstalledPrograms;
    list.append(...page.edges.map(({node}) => item(node, list, status)));
    fill(more, page.pageInfo.hasNextPage ? h('button', {type: 'button', class: 'secondary more', onclick: e => {
      e.target.disabled = true;
      load(page.pageInfo.endCursor);
    }}, t('results.more')) : null);
    return page;
  };
  let first;
  try {
    first = await load(null);
  } catch (e) {
    fill(main, heading(t('installed.title')), h('p', {class: 'error', role: 'alert'}, sentence(e.problems[0])));
    return;
  }
  fill(main, heading(t('installed.title')), status,
       first.totalCount ? [list, more] : note('installed.none'));
}

function item(program, list, status) {
  const form = h('form', {class: 'inline', onsubmit: async e => {
    e.preventDefault();
    const answer = await submitting(form, () => graphql(UNINSTALL, {id: program.id}));
    if (answer) {
      li.remove();
      status.textContent = t('installed.removed', {name: program.name});
      if (!list.children.length) list.replaceWith(note('installed.none'));
    }
  }}, h('button', {type: 'submit', class: 'secondary uninstall'}, t('program.uninstall')), formStatus());
  const li = h('li', {class: 'card', 'data-program-id': program.id},
               h('h2', {}, h('a', {href: `#/program/${encodeURIComponent(program.id)}`}, program.name)),
               h('p', {class: 'summary'}, program.summary),
               h('p', {class: 'meta'}, h('span', {class: 'category'}, label('category', program.category)),
                 stars(program.rating.average, program.rating.count),
                 h('span', {class: 'installs'}, counted('card.installs', program.installCount))),
               form);
  return li;
}

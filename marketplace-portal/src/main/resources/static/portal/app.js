/** The portal: a single page whose hash names the screen (#/program/ID, #/developer, #/reviewer, ...). */
import {h, fill} from './dom.js';
import {t, LANGUAGES, language, setLanguage, onLanguageChange} from './i18n.js';
import * as session from './session.js';
import {cataloguePage} from './views/catalogue.js';
import {programPage} from './views/program.js';
import {signInPage} from './views/signin.js';
import {myProgramsPage, registerPage, managePage} from './views/developer.js';
import {queuePage, reviewPage} from './views/reviewer.js';

const routes = [
  {path: /^\/?$/, page: cataloguePage},
  {path: /^\/program\/([^/]+)$/, page: programPage},
  {path: /^\/signin$/, page: signInPage},
  {path: /^\/developer$/, page: myProgramsPage, role: 'DEVELOPER'},
  {path: /^\/developer\/new$/, page: registerPage, role: 'DEVELOPER'},
  {path: /^\/developer\/program\/([^/]+)$/, page: managePage, role: 'DEVELOPER'},
  {path: /^\/reviewer$/, page: queuePage, role: 'REVIEWER'},
  {path: /^\/reviewer\/version\/([^/]+)$/, page: reviewPage, role: 'REVIEWER'},
];

const main = document.getElementById('main');
let leave = null;

function header() {
  const user = session.current();
  const links = [['#/', t('nav.catalogue')]];
  if (session.can('DEVELOPER')) links.push(['#/developer', t('nav.developer')]);
  if (session.can('REVIEWER')) links.push(['#/reviewer', t('nav.reviewer')]);
  const languages = h('select', {id: 'language', onchange: e => setLanguage(e.target.value)},
                      Object.entries(LANGUAGES).map(([code, name]) =>
                        h('option', {value: code, selected: code === language() || null, lang: code}, name)));
  fill(document.getElementById('header'),
       h('a', {class: 'brand', href: '#/'}, t('app.title')),
       h('nav', {'aria-label': t('nav.label')},
         h('ul', {}, links.map(([href, text]) => h('li', {}, h('a', {href}, text))))),
       h('div', {class: 'account'},
         h('label', {for: 'language', class: 'visually-hidden'}, t('lang.label')), languages,
         user ? [h('span', {class: 'who', id: 'signed-in-user'}, t('nav.signedInAs', {user: user.userId})),
                 h('button', {type: 'button', id: 'sign-out', onclick: signOut}, t('nav.signOut'))]
           : h('a', {href: '#/signin', id: 'sign-in-link'}, t('nav.signIn'))));
  document.getElementById('skip').textContent = t('app.skip');
  document.title = t('app.title');
}

function signOut() {
  session.signOut();
  location.hash = '#/';
}

/**
 * Shows the screen the hash names; pages for a role show only a sign-in note to everyone else. Each screen renders
 * into its own element, so a slow page that answers after the visitor moved on changes nothing on screen.
 */
async function route() {
  if (leave) leave();
  leave = null;
  header();
  const path = decodeURI(location.hash.replace(/^#/, '').split('?')[0]) || '/';
  const match = routes.map(r => ({r, m: r.path.exec(path)})).find(x => x.m) || {r: routes[0], m: []};
  const view = h('div', {class: 'view'});
  fill(main, view);
  if (match.r.role && !session.can(match.r.role)) {
    fill(view, h('h1', {tabindex: '-1'}, t('signin.title')),
         h('p', {class: 'note', id: 'access-refused'},
           session.current() ? t('signin.needRole', {role: t(`role.${match.r.role}`)}) : t('signin.needed')),
         h('p', {}, h('a', {href: '#/signin'}, t('nav.signIn'))));
  } else {
    fill(view, h('p', {class: 'note'}, t('loading')));
    const cleanup = await match.r.page(view, ...match.m.slice(1).map(decodeURIComponent));
    if (!view.isConnected) {
      if (cleanup) cleanup();
      return;
    }
    leave = cleanup || null;
  }
  view.querySelector('h1')?.focus();
}

window.addEventListener('hashchange', route);
onLanguageChange(route);
session.onChange(header);
document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
route();

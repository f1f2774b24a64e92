/** The portal: a single page whose hash names the screen (#/program/ID, #/developer, #/reviewer, ...). */
import {h, fill} from './dom.js';
import {signInHref} from './widgets.js';
import {t, LANGUAGES, language, setLanguage, onLanguageChange} from './i18n.js';
import * as session from './session.js';
import {cataloguePage} from './views/catalogue.js';
import {programPage} from './views/program.js';
import {signInPage} from './views/signin.js';
import {myProgramsPage, registerPage, managePage} from './views/developer.js';
import {queuePage, reviewPage} from './views/reviewer.js';
import {adminPage} from './views/admin.js';
import {installedPage} from './views/installed.js';
import {reportsPage, automationPage} from './views/moderation.js';

const routes = [
  {path: /^\/?$/, page: cataloguePage},
  {path: /^\/program\/([^/]+)$/, page: programPage},
  {path: /^\/signin$/, page: signInPage},
  {path: /^\/developer$/, page: myProgramsPage, role: 'DEVELOPER'},
  {path: /^\/developer\/new$/, page: registerPage, role: 'DEVELOPER'},
  {path: /^\/developer\/program\/([^/]+)$/, page: managePage, role: 'DEVELOPER'},
  {path: /^\/developer\/automation$/, page: automationPage, role: 'DEVELOPER'},
  {path: /^\/reviewer$/, page: queuePage, role: 'REVIEWER'},
  {path: /^\/reviewer\/reports$/, page: reportsPage, role: 'REVIEWER'},
  {path: /^\/reviewer\/version\/([^/]+)$/, page: reviewPage, role: 'REVIEWER'},
  {path: /^\/admin$/, page: adminPage, role: 'ADMIN'},
  {path: /^\/installed$/, page: installedPage, signedIn: true},
];

const main = document.getElementById('main');
let leave = null;

function header() {
  const user = session.current();
  const links = [['#/', t('nav.catalogue')]];
  if (user) links.push(['#/installed', t('nav.installed')]);
  if (session.can('DEVELOPER')) {
    links.push(['#/developer', t('nav.developer')], ['#/developer/automation', t('nav.automation')]);
  }
  if (session.can('REVIEWER')) links.push(['#/reviewer', t('nav.reviewer')], ['#/reviewer/reports', t('nav.reports')]);
  if (session.can('ADMIN')) links.push(['#/admin', t('nav.admin')]);
  const languages = h('select', {id: 'language', onchange: e => chooseLanguage(e.target.value)},
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
           : h('a', {href: signInHref(), id: 'sign-in-link'}, t('nav.signIn'))));
  document.getElementById('skip').textContent = t('app.skip');
  document.title = t('app.title');
}

/** A language picked in the header also goes into the address when it names one, so the two never disagree. */
function chooseLanguage(lang) {
  const [path, query] = location.hash.split('?');
  if (query !== undefined) {
    const params = new URLSearchParams(query);
    if (params.has('lang')) {
      params.set('lang', lang);
      history.replaceState(null, '', `${path}?${params}`);
    }
  }
  setLanguage(lang);
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
  const [rawPath, query] = location.hash.replace(/^#/, '').split('?');
  const lang = new URLSearchParams(query || '').get('lang');
  if (lang && LANGUAGES[lang] && lang !== language()) {
    setLanguage(lang); // a shared link speaks its language; the change listener draws the page again
    return;
  }
  const path = decodeURI(rawPath) || '/';
  const match = routes.map(r => ({r, m: r.path.exec(path)})).find(x => x.m) || {r: routes[0], m: []};
  const view = h('div', {class: 'view'});
  fill(main, view);
  if (match.r.signedIn && !session.current()) {
    fill(view, h('h1', {tabindex: '-1'}, t('signin.title')),
         h('p', {class: 'note', id: 'access-refused'}, t('signin.needed')),
         h('p', {}, h('a', {href: signInHref()}, t('nav.signIn'))));
  } else if (match.r.role && !session.can(match.r.role)) {
    fill(view, h('h1', {tabindex: '-1'}, t('signin.title')),
         h('p', {class: 'note', id: 'access-refused'},
           session.current() ? t('signin.needRole', {role: t(`role.${match.r.role}`)}) : t('signin.needed')),
         h('p', {}, h('a', {href: signInHref()}, t('nav.signIn'))));
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
// The skip link moves focus without changing the hash the router reads (no inline handler: the CSP refuses those).
document.getElementById('skip').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});
onLanguageChange(route);
session.onChange(header);
document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
route();

/** Sign-in: the embedded default's development sign-in (user id and roles), or a pasted identity-provider token. */
import {h, fill} from '../dom.js';
import {t, label} from '../i18n.js';
import * as session from '../session.js';
import {field, formStatus, checked, ENUMS} from '../forms.js';
import {heading} from '../widgets.js';

/** Where to go once signed in: the page that sent the visitor here (only a page of this portal), else home. */
function returnTo(fallback) {
  const wanted = new URLSearchParams(location.hash.split('?')[1] || '').get('return');
  return wanted && wanted.startsWith('#/') && !wanted.startsWith('#/signin') ? wanted : fallback;
}

export function signInPage(main) {
  const refused = (form, e) => {
    const status = form.querySelector('.form-status');
    status.textContent = e instanceof session.SignInRefused ? t(`signin.${e.message}`) : t('error.OFFLINE');
    status.classList.add('error');
  };
  const devForm = h('form', {id: 'sign-in-form', class: 'card-form', onsubmit: async e => {
    e.preventDefault();
    try {
      await session.signIn(devForm.elements.userId.value.trim(), checked(devForm, 'roles'));
      location.hash = returnTo(session.can('REVIEWER') && !session.can('DEVELOPER') ? '#/reviewer'
        : session.can('DEVELOPER') ? '#/developer' : '#/');
    } catch (err) {
      refused(devForm, err);
    }
  }},
  h('p', {}, t('signin.intro')),
  field('userId', t('signin.userId'), h('input', {type: 'text', autocomplete: 'username', required: true})),
  h('fieldset', {class: 'field checkboxes'}, h('legend', {}, t('signin.roles')),
    h('div', {class: 'options'}, ENUMS.role.map(role => h('span', {class: 'option'},
      h('input', {type: 'checkbox', name: 'roles', value: role, id: `role-${role}`, checked: role === 'USER'}),
      h('label', {for: `role-${role}`}, label('role', role)))))),
  h('button', {type: 'submit'}, t('signin.button')),
  formStatus());
  const tokenForm = h('form', {id: 'token-form', class: 'card-form', onsubmit: e => {
    e.preventDefault();
    try {
      session.useToken(tokenForm.elements.token.value);
      location.hash = returnTo('#/');
    } catch (err) {
      refused(tokenForm, err);
    }
  }},
  field('token', t('signin.token'), h('textarea', {rows: 3, spellcheck: 'false'})),
  h('button', {type: 'submit', class: 'secondary'}, t('signin.tokenButton')),
  formStatus());
  fill(main, heading(t('signin.title')), devForm, tokenForm);
}

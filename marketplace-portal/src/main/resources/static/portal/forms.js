/** Form building blocks: labelled fields with a place for their error sentence, and showing API refusals there. */
import {h, uid} from './dom.js';
import {t, label, sentence} from './i18n.js';
import {ApiError} from './api.js';

/** A labelled input, textarea or select for the API input field `name`; its error appears right below it. */
export function field(name, labelText, control, hint) {
  const id = control.id || uid(name);
  control.id = id;
  control.name = name;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h('div', {class: 'field', 'data-field': name},
           h('label', {for: id}, labelText),
           hint ? h('p', {class: 'hint', id: hintId}, hint) : null,
           control,
           h('p', {class: 'field-error', id: errorId, 'data-error-for': name, role: 'alert', hidden: true}));
}

/** A fieldset of checkboxes for an enum, e.g. permissions; the error of field `name` appears under it. */
export function checkboxes(name, legend, kind, values, selected = []) {
  return h('fieldset', {class: 'field checkboxes', 'data-field': name},
           h('legend', {}, legend),
           h('div', {class: 'options'}, values.map(value => {
             const id = uid(`${name}-${value}`);
             return h('span', {class: 'option'},
                      h('input', {type: 'checkbox', id, name, value, checked: selected.includes(value)}),
                      h('label', {for: id}, label(kind, value)));
           })),
           h('p', {class: 'field-error', 'data-error-for': name, role: 'alert', hidden: true}));
}

export function select(kind, values, selected, options = {}) {
  return h('select', options, values.map(value => h('option', {value, selected: value === selected || null},
                                                    label(kind, value))));
}

export function checked(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value);
}

/** The form's place for sentences about the form as a whole, and for success notes. */
export function formStatus() {
  return h('p', {class: 'form-status', role: 'status', 'aria-live': 'polite'});
}

export function clearProblems(form) {
  form.querySelectorAll('[data-error-for]').forEach(p => {
    p.hidden = true;
    p.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  const status = form.querySelector('.form-status');
  if (status) {
    status.textContent = '';
    status.classList.remove('error');
  }
}

/** Shows a refusal as sentences: next to the field it names when the form has it, else at the form's status. */
export function showProblems(form, error) {
  if (!(error instanceof ApiError)) throw error;
  const general = [];
  for (const problem of error.problems) {
    const place = problem.field && form.querySelector(`[data-error-for="${problem.field}"]`);
    if (place) {
      place.textContent = sentence(problem);
      place.hidden = false;
      const controls = [...form.querySelectorAll(`[name="${problem.field}"]`)];
      controls.forEach(el => el.setAttribute('aria-invalid', 'true'));
      // The sentence goes as soon as the visitor changes the value it is about: it no longer describes it.
      const corrected = () => {
        place.hidden = true;
        place.textContent = '';
        controls.forEach(el => {
          el.removeAttribute('aria-invalid');
          el.removeEventListener('input', corrected);
          el.removeEventListener('change', corrected);
        });
      };
      controls.forEach(el => {
        el.addEventListener('input', corrected);
        el.addEventListener('change', corrected);
      });
    } else {
      general.push(sentence(problem));
    }
  }
  const status = form.querySelector('.form-status');
  if (general.length && status) {
    status.textContent = general.join(' ');
    status.classList.add('error');
  }
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
}

/** Runs an API call for a form: clears old errors, disables the buttons meanwhile, shows refusals. */
export async function submitting(form, action, successText) {
  clearProblems(form);
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach(b => { b.disabled = true; });
  try {
    const result = await action();
    const status = form.querySelector('.form-status');
    if (status && successText) status.textContent = typeof successText === 'function' ? successText(result)
      : successText;
    return result;
  } catch (e) {
    showProblems(form, e);
    return undefined;
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

/** A problem the portal finds before asking the API, shown the same way as the API's own. */
export function localProblem(code, field) {
  return new ApiError([{code, field}]);
}

/** An enum's values in schema order; the portal offers exactly what the schema accepts. */
export const ENUMS = {
  category: ['SHOPPING', 'FOOD_AND_DRINK', 'TRAVEL', 'TRANSPORT', 'FINANCE', 'LIFESTYLE', 'ENTERTAINMENT', 'GAMES',
             'EDUCATION', 'HEALTH', 'SOCIAL', 'TOOLS', 'BUSINESS', 'GOVERNMENT'],
  permission: ['USER_PROFILE', 'PHONE_NUMBER', 'LOCATION', 'CAMERA', 'MICROPHONE', 'PHOTOS', 'CONTACTS', 'BLUETOOTH',
               'NFC', 'CLIPBOARD', 'PAYMENT'],
  privacy: ['ORDER_FULFILMENT', 'ACCOUNT_MANAGEMENT', 'CUSTOMER_SUPPORT', 'PERSONALISATION', 'ANALYTICS',
            'ADVERTISING', 'FRAUD_PREVENTION'],
  reason: ['CRASHES', 'BROKEN_FUNCTIONALITY', 'MISLEADING_LISTING', 'PRIVACY_VIOLATION', 'PROHIBITED_CONTENT',
           'PERMISSIONS_NOT_JUSTIFIED', 'INTELLECTUAL_PROPERTY', 'OTHER'],
  flag: ['SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'CONFLICT_OF_INTEREST', 'OTHER'],
  sort: ['RELEVANCE', 'INSTALLS', 'RATING', 'NEWEST'],
  role: ['USER', 'DEVELOPER', 'REVIEWER', 'ADMIN'],
};

/** A short "loading" or "not found" note in place of a page. */
export function note(key, params) {
  return h('p', {class: 'note'}, t(key, params));
}

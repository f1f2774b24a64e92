/** Small pieces several pages show: star ratings, status badges, page headings. */
import {h} from './dom.js';
import {t, label, number, counted} from './i18n.js';

export function stars(average, count) {
  if (!count) return h('span', {class: 'stars none'}, t('stars.none'));
  const full = Math.round(average);
  return h('span', {class: 'stars', role: 'img',
                    'aria-label': counted('stars.label', count, {average: number(average, 1)})},
           h('span', {'aria-hidden': 'true'}, '★'.repeat(full) + '☆'.repeat(5 - full)),
           h('span', {class: 'count', 'aria-hidden': 'true'}, ` ${number(average, 1)} (${number(count)})`));
}

export function starsOf(value) {
  return h('span', {class: 'stars', role: 'img', 'aria-label': t('program.starOption', {stars: value})},
           '★'.repeat(value) + '☆'.repeat(5 - value));
}

export function badge(kind, value) {
  return h('span', {class: `badge ${kind}-${value.toLowerCase()}`, 'data-status': value}, label(kind, value));
}

/** The page's main heading; it takes the focus after navigation so screen readers announce the new page. */
export function heading(text) {
  return h('h1', {tabindex: '-1'}, text);
}

export function tagList(items, kind) {
  return items.length ? h('ul', {class: 'chips'}, items.map(item => h('li', {}, kind ? label(kind, item) : item)))
    : h('p', {}, t('program.none'));
}

/** The sign-in page's address, bringing the visitor back to where they are once signed in. */
export function signInHref() {
  const here = location.hash || '#/';
  return here.startsWith('#/signin') ? here : `#/signin?return=${encodeURIComponent(here)}`;
}

/** Who publishes a program: their name (or id before they set a profile) and, once an admin vouched, a badge. */
export function developerLine(developer) {
  return h('span', {class: 'developer', 'data-developer-id': developer.id},
           t('developer.by', {name: developer.displayName || developer.id}),
           developer.verified ? [' ', h('span', {class: 'badge verified', 'data-verified': 'true',
                                                 title: t('developer.verifiedHint')}, t('developer.verified'))]
             : null);
}

/** English and Chinese: the chosen language is remembered in localStorage; strings live in two dictionaries. */
import en from './i18n/en.js';
import zh from './i18n/zh.js';

export const LANGUAGES = {en: 'English', zh: '中文'};
const dictionaries = {en, zh};
const KEY = 'portal.lang';
const listeners = new Set();

export function language() {
  const chosen = localStorage.getItem(KEY);
  if (chosen && dictionaries[chosen]) return chosen;
  return navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(lang) {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach(listener => listener(lang));
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** The string for a key with {placeholders} filled in; a missing key shows itself, so gaps are visible. */
export function t(key, params = {}) {
  const text = dictionaries[language()][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The label of an enum value, e.g. label('category', 'FOOD_AND_DRINK'). */
export function label(kind, value) {
  return t(`${kind}.${value}`);
}

/** One problem from the API as a sentence: field-specific for bad input, else by the rule's code. */
export function sentence(problem) {
  if (problem.code === 'INVALID_INPUT' && problem.field && `invalid.${problem.field}` in en) {
    return t(`invalid.${problem.field}`);
  }
  return `error.${problem.code}` in en ? t(`error.${problem.code}`) : t('error.UNKNOWN');
}

/**
 * A counted phrase in the reader's language and plural form: key.one / key.other by Intl.PluralRules, with the
 * number formatted for the language ("1 install", "1,024 installs", "1,024 次安装").
 */
export function counted(key, count, params = {}) {
  const form = new Intl.PluralRules(locale()).select(count);
  const chosen = `${key}.${form}` in en ? `${key}.${form}` : `${key}.other`;
  return t(chosen, {...params, count: number(count)});
}

/** The BCP 47 tag of the chosen language, for Intl and for the API's locale arguments. */
export function locale() {
  return language() === 'zh' ? 'zh-CN' : 'en';
}

export function number(value, digits = 0) {
  return new Intl.NumberFormat(locale(), {maximumFractionDigits: digits, minimumFractionDigits: digits})
    .format(value);
}

export function dateTime(iso) {
  return new Intl.DateTimeFormat(locale(), {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(iso));
}

/** A waiting time in its two largest units, e.g. "2 h 5 min". */
export function duration(seconds) {
  const parts = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]]
    .map(([unit, size]) => [unit, Math.floor(seconds / size) % (unit === 'd' ? Infinity : unit === 'h' ? 24 : 60)])
    .filter(([, n]) => n > 0).slice(0, 2);
  return parts.length ? parts.map(([unit, n]) => t(`units.${unit}`, {n})).join(' ') : t('units.s', {n: 0});
}

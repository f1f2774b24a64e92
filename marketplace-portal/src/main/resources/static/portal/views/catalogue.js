/** The catalogue: search with as-you-type suggestions, facets, sorts and result cards. Open to everyone. */
import {h, fill, highlighted, uid} from '../dom.js';
import {t, label, number, counted, sentence, language} from '../i18n.js';
import {graphql} from '../api.js';
import {ENUMS, select} from '../forms.js';
import {stars, heading, developerLine} from '../widgets.js';

const CATALOGUE = `query catalogue($query: String, $filter: CatalogueFilter, $sort: CatalogueSort, $after: String,
                                   $locale: String) {
  catalogue(query: $query, filter: $filter, sort: $sort, first: 20, after: $after, locale: $locale) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { categories { value count } tags { value count } permissions { value count } }
    edges {
      node { id name summary category installCount rating { average count } developer { id displayName verified }
             icon { url } }
      highlights { field fragments }
    }
  }
}`;
const SUGGEST = `query suggest($prefix: String!, $locale: String) {
  suggest(prefix: $prefix, first: 8, locale: $locale) }`;

/** What the visitor searched for, kept while they visit programs and come back. */
const state = {query: '', sort: 'RELEVANCE', filter: {categories: [], tags: [], permissions: []}};
/** The URL's names for the filter lists: #/?q=ferry&sort=RATING&category=TRAVEL&tag=boat&lang=zh */
const PARAMS = {categories: 'category', tags: 'tag', permissions: 'permission'};

/** A search in the address (a shared link, a reload) replaces whatever was searched before. */
function readUrl() {
  const hash = location.hash.replace(/^#/, '');
  const at = hash.indexOf('?');
  if (at < 0) return;
  const params = new URLSearchParams(hash.slice(at + 1));
  state.query = params.get('q') || '';
  state.sort = ENUMS.sort.includes(params.get('sort')) ? params.get('sort') : 'RELEVANCE';
  for (const [key, name] of Object.entries(PARAMS)) state.filter[key] = params.getAll(name);
}

/** Writes the search into the address without a new history entry or a redraw, so it survives a reload. */
function writeUrl() {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  if (state.sort !== 'RELEVANCE') params.set('sort', state.sort);
  for (const [key, name] of Object.entries(PARAMS)) state.filter[key].forEach(value => params.append(name, value));
  params.set('lang', language());
  history.replaceState(null, '', `#/?${params}`);
}

export function cataloguePage(main) {
  readUrl();
  const results = h('section', {class: 'results', 'aria-labelledby': 'results-title'});
  const facets = h('aside', {class: 'facets folded', id: 'facets', 'aria-label': t('facets.title')});
  const toggle = h('button', {type: 'button', id: 'facets-toggle', class: 'secondary facets-toggle',
                              'aria-controls': 'facets', 'aria-expanded': 'false', onclick: () => {
                                const open = facets.classList.toggle('folded') === false;
                                toggle.setAttribute('aria-expanded', String(open));
                              }});
  const search = searchForm(() => {
    writeUrl();
    load(results, facets, undefined, toggle);
  });
  fill(main, heading(t('catalogue.title')), search, toggle, h('div', {class: 'catalogue'}, facets, results));
  load(results, facets, undefined, toggle);
}

function searchForm(onSearch) {
  const listId = uid('suggestions');
  const input = h('input', {type: 'search', id: 'search', name: 'query', value: state.query, autocomplete: 'off',
                            placeholder: t('search.placeholder'), role: 'combobox', 'aria-expanded': 'false',
                            'aria-controls': listId, 'aria-autocomplete': 'list'});
  const list = h('ul', {id: listId, role: 'listbox', class: 'suggestions', 'aria-label': t('suggest.label'),
                        hidden: true});
  let active = -1;
  let typing;
  // Every search (Enter, the button) starts a new round: suggestions asked for before it are dropped.
  let round = 0;

  const options = () => [...list.querySelectorAll('[role="option"]')];
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = text => {
    input.value = text;
    state.query = text;
    close();
    onSearch();
  };
  const mark = index => {
    const all = options();
    active = (index + all.length) % all.length;
    all.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
  };

  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      const asked = round;
      const prefix = input.value.trim();
      state.query = input.value;
      onSearch();
      if (!prefix) return close();
      const names = await graphql(SUGGEST, {prefix, locale: language()}).then(d => d.suggest, () => []);
      // A stale answer, or one arriving after the visitor left the box, must not pop up over the page.
      if (asked !== round || input.value.trim() !== prefix || document.activeElement !== input) return undefined;
      fill(list, names.map(name => h('li', {role: 'option', id: uid('suggestion'), 'aria-selected': 'false',
                                            onmousedown: e => { e.preventDefault(); choose(name); }}, name)));
      list.hidden = names.length === 0;
      input.setAttribute('aria-expanded', String(names.length > 0));
      return undefined;
    }, 200);
  });
  input.addEventListener('keydown', e => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      mark(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      choose(options()[active].textContent);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);

  const sort = select('sort', ENUMS.sort, state.sort, {id: 'sort', onchange: e => {
    state.sort = e.target.value;
    onSearch();
  }});
  return h('form', {role: 'search', class: 'search', onsubmit: e => {
             e.preventDefault();
             round += 1;
             clearTimeout(typing);
             state.query = input.value;
             close();
             onSearch();
           }},
           h('label', {for: 'search', class: 'visually-hidden'}, t('search.label')),
           h('div', {class: 'combo'}, input, list),
           h('button', {type: 'submit'}, t('search.button')),
           h('label', {for: 'sort'}, t('sort.label')), sort);
}

let latest = 0;

async function load(results, facets, after, toggle) {
  const asked = ++latest;
  const variables = {query: state.query.trim() || null, sort: state.sort, filter: state.filter, after,
                     locale: language()};
  let page;
  try {
    page = (await graphql(CATALOGUE, variables)).catalogue;
  } catch (e) {
    if (asked !== latest) return; // a newer search has answered or will
    fill(results, h('p', {class: 'error', role: 'alert'},
                    sentence(e.problems ? e.problems[0] : {code: 'UNAVAILABLE'})));
    return;
  }
  if (asked !== latest) return; // a newer search has started; its answer wins
  const cards = page.edges.map(card);
  if (after) {
    results.querySelector('.more')?.remove();
    results.querySelector('.cards').append(...cards);
  } else {
    fill(results,
         h('h2', {id: 'results-title', role: 'status'}, t('results.count', {count: number(page.totalCount)})),
         page.totalCount ? h('ol', {class: 'cards', id: 'results'}, cards)
           : h('p', {class: 'note'}, t('results.none')));
    renderFacets(facets, page.facets, () => {
      writeUrl();
      load(results, facets, undefined, toggle);
    });
    if (toggle) {
      const active = Object.values(state.filter).reduce((sum, values) => sum + values.length, 0);
      fill(toggle, active ? t('facets.toggleActive', {count: number(active)}) : t('facets.toggle'));
    }
  }
  if (page.pageInfo.hasNextPage) {
    results.append(h('button', {type: 'button', class: 'more',
                                onclick: () => load(results, facets, page.pageInfo.endCursor, toggle)}, t('results.more')));
  }
}

function card({node, highlights}) {
  const nameHit = highlights.find(x => x.field.startsWith('name'))?.fragments[0];
  const summaryHit = highlights.find(x => x.field.startsWith('summary'))?.fragments[0];
  return h('li', {class: 'card', 'data-program-id': node.id},
           h('img', {class: 'icon', src: node.icon.url, alt: '', width: 48, height: 48, loading: 'lazy'}),
           h('h3', {}, h('a', {href: `#/program/${encodeURIComponent(node.id)}`, class: 'program-name'},
                         nameHit ? highlighted(nameHit) : node.name)),
           h('p', {class: 'summary'}, summaryHit ? highlighted(summaryHit) : node.summary),
           h('p', {class: 'meta'},
             h('span', {class: 'category'}, label('category', node.category)),
             stars(node.rating.average, node.rating.count),
             h('span', {class: 'installs'}, counted('card.installs', node.installCount))),
           h('p', {class: 'meta'}, developerLine(node.developer)));
}

function renderFacets(aside, found, onChange) {
  const group = (key, kind, values) => {
    const chosen = state.filter[key];
    const shown = [...new Set([...chosen, ...values.map(v => v.value)])];
    if (!shown.length) return null;
    return h('fieldset', {class: 'facet'}, h('legend', {}, t(`facets.${key}`)), shown.map(value => {
      const id = uid(`facet-${key}`);
      const count = values.find(v => v.value === value)?.count ?? 0;
      return h('div', {class: 'option'},
               h('input', {type: 'checkbox', id, value, checked: chosen.includes(value), 'data-facet': key,
                           onchange: e => {
                             state.filter[key] = e.target.checked ? [...chosen, value]
                               : chosen.filter(v => v !== value);
                             onChange();
                           }}),
               h('label', {for: id}, `${kind ? label(kind, value) : value} (${number(count)})`));
    }));
  };
  const anyChosen = Object.values(state.filter).some(values => values.length);
  fill(aside, h('h2', {}, t('facets.title')),
       group('categories', 'category', found.categories),
       group('permissions', 'permission', found.permissions),
       group('tags', null, found.tags),
       anyChosen ? h('button', {type: 'button', onclick: () => {
         state.filter = {categories: [], tags: [], permissions: []};
         onChange();
       }}, t('facets.clear')) : null);
}

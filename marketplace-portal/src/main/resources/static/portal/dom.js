/** A small element builder: h('button', {type: 'submit', onclick: fn}, 'Save'). Text is never parsed as HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'value') {
      el.value = value;
    } else if (name === 'checked') {
      el.checked = Boolean(value);
    } else if (name === 'style') {
      // Through the CSSOM: the Content-Security-Policy refuses style attributes, not styles set by a script.
      Object.assign(el.style, value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Highlight fragments from the catalogue are HTML: escaped text with hits wrapped in <em>. Rebuild the hits as
 * elements and everything as text nodes, never as markup, so a name like "<img onerror=...>" stays text.
 */
export function highlighted(fragment) {
  return fragment.split(/(<em>.*?<\/em>)/).filter(Boolean).map(part => part.startsWith('<em>')
    ? h('mark', {}, unescaped(part.slice(4, -5))) : unescaped(part));
}

const ENTITIES = {lt: '<', gt: '>', quot: '"', amp: '&', apos: "'"};

/** The text an HTML-escaped string stands for: named and numeric character references decoded. */
function unescaped(html) {
  return html.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (entity, name) => {
    if (name[0] !== '#') {
      return ENTITIES[name] ?? entity;
    }
    const hex = name[1] === 'x' || name[1] === 'X';
    return String.fromCodePoint(parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

let ids = 0;
/** A fresh id for tying labels and error messages to their inputs. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** Resolves after the given milliseconds; the portal waits for the catalogue to catch up with a change. */
export function pause(millis) {
  return new Promise(resolve => setTimeout(resolve, millis));
}

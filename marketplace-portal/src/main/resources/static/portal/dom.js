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

/** Highlight fragments from the catalogue wrap hits in <em>; rebuild them as elements, the rest as text. */
export function highlighted(fragment) {
  return fragment.split(/(<em>.*?<\/em>)/).filter(Boolean).map(part => part.startsWith('<em>')
    ? h('mark', {}, part.slice(4, -5)) : part);
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

/**
 * Charts of a program's daily statistics, drawn by uPlot (served by the app from its WebJar: a static file, no
 * build step). The library loads on first use only, so visitors who never open statistics never fetch it. Every
 * chart sizes itself to its container and redraws when the window changes size, so it reads on a phone; a table
 * under each one says the same for screen readers.
 */
import {h} from './dom.js';
import {t, number} from './i18n.js';

/** Kept in step with uplot.version in the root pom (a browser test loads this path). */
const UPLOT = 'webjars/uplot/1.6.30/dist/';
let library;

function uPlotLibrary() {
  library ??= new Promise((resolve, reject) => {
    document.head.append(h('link', {rel: 'stylesheet', href: `${UPLOT}uPlot.min.css`}));
    document.head.append(h('script', {src: `${UPLOT}uPlot.iife.min.js`, onload: () => resolve(window.uPlot),
                                      onerror: () => reject(new Error('the charting library did not load'))}));
  });
  return library;
}

const COLOURS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989'];

/**
 * A line chart over days: {@code days} are ISO dates, each series {label, values} has one value per day (null
 * for none). Returns the figure at once; the chart fills it when the library has loaded.
 */
export function lineChart(id, title, days, series, {bars = false} = {}) {
  const plot = h('div', {class: 'chart-plot'});
  const figure = h('figure', {class: 'chart', id},
                   h('figcaption', {}, title), plot, table(title, days, series));
  uPlotLibrary().then(uPlot => {
    const width = () => Math.max(240, plot.clientWidth || figure.clientWidth || 320);
    const chart = new uPlot({
      width: width(), height: 220,
      series: [{}, ...series.map((s, i) => ({label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2,
                                              fill: bars ? `${COLOURS[i % COLOURS.length]}33` : undefined,
                                              paths: bars ? uPlot.paths.bars({size: [0.6, 40]}) : undefined,
                                              spanGaps: !bars}))],
      axes: [{}, {size: 48}],
      scales: {x: {time: true}},
      legend: {live: false},
    }, [days.map(day => Date.parse(`${day}T00:00:00Z`) / 1000), ...series.map(s => s.values)], plot);
    figure.dataset.drawn = 'true';
    const resize = () => {
      if (!figure.isConnected) {
        window.removeEventListener('resize', resize);
        return;
      }
      chart.setSize({width: width(), height: 220});
    };
    window.addEventListener('resize', resize);
  }, () => plot.append(h('p', {class: 'note'}, t('stats.noChart'))));
  return figure;
}

/** Shares of a whole as bars of a list: how a program's active installations split over its versions. */
export function shareChart(id, title, parts) {
  const total = parts.reduce((sum, p) => sum + p.value, 0) || 1;
  return h('figure', {class: 'chart share', id}, h('figcaption', {}, title),
           h('ul', {}, parts.map((p, i) => h('li', {},
             h('span', {class: 'label'}, t('stats.share', {version: p.label, count: number(p.value),
                                                           percent: number((100 * p.value) / total, 0)})),
             h('span', {class: 'bar', 'aria-hidden': 'true',
                        style: {width: `${(100 * p.value) / total}%`, background: COLOURS[i % COLOURS.length]}})))));
}

function table(title, days, series) {
  return h('details', {class: 'chart-data'}, h('summary', {}, t('stats.data')),
           h('table', {}, h('caption', {class: 'visually-hidden'}, title),
             h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('stats.day')),
                                series.map(s => h('th', {scope: 'col'}, s.label)))),
             h('tbody', {}, days.map((day, i) => h('tr', {}, h('th', {scope: 'row'}, day),
                                                   series.map(s => h('td', {}, s.values[i] ?? '–')))))));
}

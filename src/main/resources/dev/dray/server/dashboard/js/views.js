// Services of an app and its build history; status is always text plus an icon, never colour alone.

import { h } from './dom.js';
import { ago, bytes, dateTime, duration, instant, percent, repository, seconds, shortDigest } from './format.js';

const HEALTH = {
  healthy: ['ok', '✓', 'healthy'],
  unhealthy: ['bad', '✕', 'unhealthy'],
  starting: ['warn', '◌', 'starting'],
};
const STATE = {
  running: ['ok', '●', 'running'],
  restarting: ['warn', '↻', 'restarting'],
  exited: ['bad', '■', 'exited'],
  dead: ['bad', '✕', 'dead'],
  created: ['neutral', '○', 'created'],
  paused: ['neutral', '❚❚', 'paused'],
  absent: ['neutral', '○', 'absent'],
};

/** A status badge: tone class, icon (hidden from screen readers) and the word itself. */
export function badge([tone, icon, text], extraClass = '') {
  return h('span', { class: `badge ${tone} ${extraClass}`.trim() }, h('span', { class: 'icon', 'aria-hidden': 'true' }, icon), text);
}

export function timeEl(date, text) {
  return date ? h('time', { datetime: date.toISOString(), title: dateTime(date) }, text ?? ago(date)) : '—';
}

const cell = (label, ...children) => h('td', { dataset: { label } }, ...children);

/** The table of an app's services. */
export function servicesTable(app) {
  const services = app.services ?? [];
  if (!services.length) return h('p', { class: 'empty' }, 'No containers of this app are running on this host.');
  return h('table', { class: 'data services' },
    h('caption', { class: 'visually-hidden' }, `Services of ${app.app}`),
    h('thead', {}, h('tr', {}, ['Service', 'Version', 'Image', 'Health', 'State', 'Since', 'Restarts'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, services.map((svc) => {
      const health = svc.health ? HEALTH[svc.health] ?? ['neutral', '•', svc.health] : ['neutral', '–', 'no check'];
      const state = STATE[svc.state] ?? ['neutral', '•', svc.state ?? 'unknown'];
      const restarts = svc.restarts ?? 0;
      return h('tr', { dataset: { service: svc.name } },
        h('th', { scope: 'row', dataset: { label: 'Service' } }, h('span', { class: 'svc-name' }, svc.name), svc.role && h('span', { class: 'chip' }, svc.role)),
        cell('Version', h('code', { class: 'version' }, svc.version ?? '—')),
        cell('Image', h('span', { class: 'image', title: svc.image ?? '' },
          h('span', { class: 'repo' }, repository(svc.image)), h('code', { class: 'digest' }, shortDigest(svc.image)))),
        cell('Health', badge(health)),
        cell('State', badge(state)),
        cell('Since', timeEl(instant(svc.since))),
        cell('Restarts', restarts > 0 ? badge(['warn', '↻', String(restarts)]) : h('span', { class: 'muted' }, '0')));
    })));
}

/** The proxy's state as a badge. */
export function proxyBadge(proxy) {
  if (!proxy) return badge(['neutral', '?', 'proxy unknown']);
  return proxy.running ? badge(['ok', '●', 'proxy running']) : badge(['bad', '■', 'proxy stopped']);
}

const BUILD_OUTCOME = {
  SUCCEEDED: ['ok', '✓', 'succeeded'],
  FAILED: ['bad', '✕', 'failed'],
};

function stageChip(stage) {
  const steps = stage.steps ?? [];
  const cached = steps.filter((x) => x.cached).length;
  const ran = !!stage.ranSteps;
  const summary = steps.length ? `${cached}/${steps.length} cached` : 'no steps';
  return h('li', { class: `stage ${ran ? 'ran' : 'cached'}`, dataset: { stage: stage.name },
    title: `${stage.name}: ${ran ? 'ran steps' : 'all from cache'}, ${summary}, ${duration(seconds(stage.duration))}` },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, ran ? '▶' : '✓'),
    h('span', { class: 'stage-name' }, stage.name),
    h('span', { class: 'stage-what' }, ran ? `ran · ${summary}` : `cached · ${summary}`),
    steps.length ? h('span', { class: 'meter', 'aria-hidden': 'true' }, h('span', { style: `width:${(100 * cached) / steps.length}%` })) : null);
}

/** Build history: one row per build with its per-stage cache hits. */
export function buildsTable(builds) {
  if (!builds?.length) return h('p', { class: 'empty' }, 'No builds recorded yet. Run dray build to see them here.');
  return h('table', { class: 'data builds' },
    h('caption', { class: 'visually-hidden' }, 'Builds, newest first'),
    h('thead', {}, h('tr', {}, ['Service', 'Started', 'Duration', 'Outcome', 'Cache hits', 'Stages'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, builds.map((b) => {
      const steps = (b.stages ?? []).flatMap((st) => st.steps ?? []);
      const ratio = steps.length ? steps.filter((x) => x.cached).length / steps.length : null;
      const ref = [b.gitRef, b.gitSha && String(b.gitSha).slice(0, 7)].filter(Boolean).join(' @ ');
      return h('tr', { dataset: { build: b.id ?? '' } },
        h('th', { scope: 'row', dataset: { label: 'Service' } }, h('span', { class: 'svc-name' }, b.service ?? '—'),
          ref && h('span', { class: 'sub' }, ref),
          b.sizeBytes ? h('span', { class: 'sub' }, `${bytes(b.sizeBytes)} · ${b.layerCount ?? '?'} layers`) : null),
        cell('Started', timeEl(instant(b.startedAt))),
        cell('Duration', duration(seconds(b.duration))),
        cell('Outcome', badge(BUILD_OUTCOME[b.outcome] ?? ['neutral', '•', String(b.outcome ?? 'unknown').toLowerCase()]),
          b.failure ? h('span', { class: 'sub error-text' }, b.failure) : null),
        cell('Cache hits', h('span', { class: 'hits' }, percent(ratio),
          ratio === null ? null : h('span', { class: 'meter wide', 'aria-hidden': 'true' }, h('span', { style: `width:${ratio * 100}%` })))),
        cell('Stages', h('ul', { class: 'stages' }, (b.stages ?? []).map(stageChip))));
    })));
}

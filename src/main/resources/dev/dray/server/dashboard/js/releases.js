// Releases (deploy records), one deploy's step timeline, and the live log of a running rollout.

import { fill, h } from './dom.js';
import { clock, dateTime, duration, instant, shortDigest, shortId } from './format.js';
import { badge, timeEl } from './views.js';

const OUTCOME = {
  RUNNING: ['info', '●', 'running'],
  SUCCEEDED: ['ok', '✓', 'succeeded'],
  FAILED: ['bad', '✕', 'failed'],
  ROLLED_BACK: ['warn', '↺', 'rolled back'],
};
const STEP_STATE = {
  STARTED: ['info', '▶', 'running'],
  DONE: ['ok', '✓', 'done'],
  FAILED: ['bad', '✕', 'failed'],
  SKIPPED: ['neutral', '–', 'skipped'],
};

export const outcomeBadge = (outcome) =>
  badge(OUTCOME[outcome] ?? ['neutral', '•', String(outcome ?? 'unknown').toLowerCase()], outcome === 'RUNNING' ? 'pulse' : '');

function tookSeconds(record, now = new Date()) {
  const start = instant(record.startedAt);
  const end = instant(record.finishedAt) ?? (record.outcome === 'RUNNING' ? now : null);
  return start && end ? (end - start) / 1000 : null;
}

const cell = (label, ...children) => h('td', { dataset: { label } }, ...children);

/** Releases of an app, newest first; each links to its step timeline. */
export function releasesTable(app, releases, selectedId) {
  if (!releases?.length) return h('p', { class: 'empty' }, 'No releases yet. Deploy a version to create the first one.');
  return h('table', { class: 'data releases' },
    h('caption', { class: 'visually-hidden' }, `Releases of ${app}, newest first`),
    h('thead', {}, h('tr', {}, ['Outcome', 'Version', 'Kind', 'Deploy', 'Started', 'Took', 'By'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, releases.map((r) => h('tr', { dataset: { deploy: r.id, outcome: r.outcome }, class: r.id === selectedId ? 'selected' : null, 'aria-current': r.id === selectedId ? 'true' : null },
      cell('Outcome', outcomeBadge(r.outcome)),
      h('th', { scope: 'row', dataset: { label: 'Version' } }, h('code', { class: 'version' }, r.version || '—')),
      cell('Kind', h('span', { class: `chip kind-${r.kind}` }, r.kind)),
      cell('Deploy', h('a', { href: `#/app/${encodeURIComponent(app)}/deploy/${encodeURIComponent(r.id)}`, class: 'deploy-link', 'aria-label': `Steps of deploy ${shortId(r.id)} (${r.version})` }, h('code', {}, shortId(r.id)))),
      cell('Started', timeEl(instant(r.startedAt))),
      cell('Took', r.outcome === 'RUNNING' ? '—' : duration(tookSeconds(r))),
      cell('By', h('span', { class: 'who' }, r.who || '—'))))));
}

/** Journal lines (STARTED, then DONE/FAILED/SKIPPED) folded into one entry per step. */
export function stepsOf(lines) {
  const steps = new Map();
  for (const line of [...(lines ?? [])].sort((a, b) => a.seq - b.seq)) {
    let step = steps.get(line.step);
    if (!step) {
      const m = /^(\d+)\.\s+(.*)$/s.exec(line.step);
      step = { key: line.step, number: m ? m[1] : '', name: m ? m[2] : line.step, state: line.state, start: null, end: null, detail: '' };
      steps.set(line.step, step);
    }
    const at = instant(line.at);
    if (line.state === 'STARTED') step.start = at;
    else { step.end = at; step.start ??= at; }
    step.state = line.state;
    if (line.detail) step.detail = line.detail;
  }
  return [...steps.values()];
}

/** A deploy's header and step timeline from GET /api/deploys/{id}. */
export function deployDetail(deploy, now = new Date()) {
  const r = deploy.record;
  const steps = stepsOf(deploy.steps);
  const t0 = instant(r.startedAt) ?? steps[0]?.start ?? now;
  const t1 = instant(r.finishedAt) ?? (r.outcome === 'RUNNING' ? now : steps.reduce((m, x) => (x.end && x.end > m ? x.end : m), t0));
  const span = Math.max(1, t1 - t0);
  const images = Object.entries(r.images ?? {});
  return h('div', { class: 'deploy-detail', dataset: { deploy: r.id, outcome: r.outcome } },
    h('div', { class: 'detail-head' },
      h('h3', {}, `${r.kind === 'rollback' ? 'Rollback' : r.kind === 'recover' ? 'Recovery' : 'Deploy'} of `, h('code', {}, r.version || '—')),
      outcomeBadge(r.outcome)),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, 'Deploy'), h('dd', {}, h('code', { title: r.id }, shortId(r.id)))),
      h('div', {}, h('dt', {}, 'Started'), h('dd', {}, dateTime(instant(r.startedAt)))),
      h('div', {}, h('dt', {}, 'Took'), h('dd', {}, duration(tookSeconds(r, now)))),
      h('div', {}, h('dt', {}, 'By'), h('dd', {}, r.who || '—'))),
    r.failure ? h('p', { class: 'failure', role: 'note' }, h('strong', {}, `Failed at ${r.failedStep ?? 'a step'}: `), r.failure) : null,
    images.length ? h('ul', { class: 'images', 'aria-label': 'Images' }, images.map(([svc, image]) => h('li', { title: image },
      h('span', { class: 'svc-name' }, svc), h('code', {}, image.split('@')[0]), h('code', { class: 'digest' }, shortDigest(image))))) : null,
    steps.length
      ? h('ol', { class: 'timeline', 'aria-label': 'Steps' }, steps.map((st) => {
          const start = st.start ?? t0;
          const end = st.end ?? (st.state === 'STARTED' && now > start ? now : start);
          const left = (100 * (start - t0)) / span;
          const width = Math.max(0.8, (100 * (end - start)) / span);
          return h('li', { class: `step ${st.state.toLowerCase()}`, dataset: { state: st.state, step: st.key } },
            h('span', { class: 'step-no', 'aria-hidden': 'true' }, st.number),
            h('div', { class: 'step-main' },
              h('div', { class: 'step-line' },
                h('span', { class: 'step-name' }, st.name),
                badge(STEP_STATE[st.state] ?? ['neutral', '•', st.state.toLowerCase()]),
                h('span', { class: 'step-took' }, st.end || st.state === 'STARTED' ? duration((end - start) / 1000) : '')),
              h('div', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: `left:${Math.min(left, 99.2)}%;width:${Math.min(width, 100 - Math.min(left, 99.2))}%` })),
              st.detail ? h('p', { class: 'step-detail' }, st.detail) : null));
        }))
      : h('p', { class: 'empty' }, 'No steps recorded yet.'));
}

const LINE = {
  DeployStarted: ['info', '▶▶', 'started'],
  StepStarted: ['info', '▶', ''],
  StepFinished: ['ok', '✓', ''],
  StepFailed: ['bad', '✕', 'failed'],
  Switched: ['ok', '⇄', 'switched'],
  HealthProbe: ['neutral', '♡', 'probe'],
  Undone: ['warn', '↺', 'undone'],
  Warning: ['warn', '⚠', 'warning'],
  DeployFinished: ['info', '■', 'finished'],
  trigger: ['info', '⚡', 'trigger'],
};

/**
 * The live log panel: one running (or the last) rollout's lines as they arrive from /api/events,
 * plus auto-deploy triggers. Owns its element; render() redraws the header, add() appends a line.
 */
export class LiveLog {
  constructor(root) {
    this.root = root;
    this.deployId = null;
    this.status = null;
    this.list = h('ol', { class: 'log', id: 'live-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Live rollout log' });
    this.head = h('div', { class: 'live-head' });
    fill(root, this.head, this.list);
    this.render();
  }

  /** Starts over with a rollout the page found RUNNING on load, seeded from its journal. */
  seed(deploy) {
    const r = deploy.record;
    this.deployId = r.id;
    this.status = r.outcome;
    this.version = r.version;
    this.list.replaceChildren();
    for (const st of stepsOf(deploy.steps)) {
      this.line(st.state === 'STARTED' ? 'StepStarted' : st.state === 'FAILED' ? 'StepFailed' : 'StepFinished', st.end ?? st.start, `${st.number ? st.number + '. ' : ''}${st.name}`, st.detail);
    }
    this.render();
  }

  /**
   * One event of kind `deploy` or `trigger`. A trigger event names its trigger ({app, version,
   * source}; source `api` for the dashboard's own deploys and rollbacks) in `trigger`, or (refused
   * and ignored webhook requests) its `source` and `reason`.
   */
  add(kind, e) {
    if (kind === 'trigger') {
      const t = e.trigger ?? {};
      const version = e.version ?? t.version;
      const what = [e.source ?? t.source, version && `version ${version}`, String(e.type ?? '').toLowerCase()].filter(Boolean).join(' · ');
      const detail = e.reason ?? e.failure ?? (e.by ? `superseded by ${e.by.source} ${e.by.version}` : e.report?.outcome?.toLowerCase());
      this.line('trigger', instant(e.at), what || 'trigger', detail ?? '');
      return;
    }
    if (e.type === 'DeployStarted' && e.deployId && e.deployId !== this.deployId) {
      this.deployId = e.deployId;
      this.list.replaceChildren();
    }
    this.deployId ??= e.deployId ?? null;
    if (e.type === 'DeployStarted') this.status = 'RUNNING';
    if (e.type === 'DeployFinished') this.status = e.outcome ?? 'FINISHED';
    if (e.type === 'HealthProbe') {
      // one line per probing service, showing its latest probe
      const last = this.list.lastElementChild;
      if (last?.dataset.type === 'HealthProbe' && last.dataset.service === e.service) last.remove();
    }
    this.line(e.type, instant(e.at), e.step ?? e.service ?? '', e.detail ?? '', e.service);
    this.render();
  }

  line(type, at, step, detail, service) {
    const [tone, icon, word] = LINE[type] ?? ['neutral', '•', type ?? ''];
    this.list.append(h('li', { class: `line ${tone}`, dataset: service ? { type, service } : { type } },
      h('time', { datetime: at?.toISOString() ?? '' }, clock(at)),
      h('span', { class: 'icon', 'aria-hidden': 'true' }, icon),
      h('span', { class: 'what' }, [word && h('span', { class: 'word' }, word), step && h('span', { class: 'step-name' }, step)].filter(Boolean)),
      detail ? h('span', { class: 'detail' }, detail) : null));
    this.list.scrollTop = this.list.scrollHeight;
  }

  render() {
    if (!this.deployId && !this.list.children.length) {
      fill(this.head, h('p', { class: 'empty' }, 'No rollout running. Steps of the next deploy stream in here as they happen.'));
      return;
    }
    fill(this.head,
      this.deployId ? h('span', {}, 'Rollout ', h('code', { title: this.deployId }, shortId(this.deployId))) : h('span', {}, 'Events'),
      this.status ? (OUTCOME[this.status] ? outcomeBadge(this.status) : badge(['neutral', '■', this.status.toLowerCase()])) : null);
  }
}

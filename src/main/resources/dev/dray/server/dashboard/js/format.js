// Parsing and formatting of the API's instants, durations, digests and numbers.

/** An instant from ISO-8601 text or epoch seconds/milliseconds; null when absent. */
export function instant(value) {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return new Date(value < 1e11 ? value * 1000 : value);
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const ISO_DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/;
const SHORT_DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/** Seconds from an ISO-8601 duration (PT1M2.5S), "1.5s"-style text or a number of seconds. */
export function seconds(value) {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return value;
  const iso = ISO_DURATION.exec(value);
  if (iso) {
    const [, neg, d, hh, mm, ss] = iso;
    const total = (+d || 0) * 86400 + (+hh || 0) * 3600 + (+mm || 0) * 60 + (+ss || 0);
    return neg ? -total : total;
  }
  const short = SHORT_DURATION.exec(value);
  if (short) return +short[1] * { ms: 0.001, s: 1, m: 60, h: 3600 }[short[2]];
  return null;
}

/** "850 ms", "12.3 s", "2 min 5 s", "1 h 4 min". */
export function duration(secs) {
  if (secs === null || secs === undefined || Number.isNaN(secs)) return '—';
  if (secs < 1) return `${Math.round(secs * 1000)} ms`;
  if (secs < 10) return `${secs.toFixed(1)} s`;
  if (secs < 60) return `${Math.round(secs)} s`;
  if (secs < 3600) {
    const m = Math.floor(secs / 60), r = Math.round(secs % 60);
    return r ? `${m} min ${r} s` : `${m} min`;
  }
  const hours = Math.floor(secs / 3600), m = Math.round((secs % 3600) / 60);
  return m ? `${hours} h ${m} min` : `${hours} h`;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago". */
export function ago(date, now = new Date()) {
  if (!date) return '—';
  const secs = (now - date) / 1000;
  if (secs < 45) return 'just now';
  if (secs < 3600) return `${Math.round(secs / 60)} min ago`;
  if (secs < 86400) return `${Math.round(secs / 3600)} h ago`;
  return `${Math.round(secs / 86400)} d ago`;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

export const dateTime = (date) => (date ? DATE_TIME.format(date) : '—');
export const clock = (date) => (date ? CLOCK.format(date) : '');
/** A day label for "2026-11-20" (series are per UTC day). */
export const day = (text) => { const d = instant(text); return d ? DAY.format(d) : String(text); };

/** The digest part of an image reference, shortened: "sha256:4f2a9c1b0e7d". */
export function shortDigest(image) {
  if (!image) return '—';
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : image.startsWith('sha256:') ? image : '';
  if (!digest) return '—';
  const [algo, hex = ''] = digest.split(':');
  return `${algo}:${hex.slice(0, 12)}`;
}

/** The repository part of an image reference (no tag, no digest). */
export function repository(image) {
  if (!image) return '';
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

export const shortId = (id) => (id ? String(id).slice(0, 8) : '');

export function bytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return `${n >= 100 || i === 0 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
}

export const percent = (ratio) => (ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 100)} %`);

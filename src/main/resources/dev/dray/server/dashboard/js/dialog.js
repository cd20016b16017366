// A confirmation dialog on the native <dialog> element (focus trap and Escape come with it).

import { $, fill, h } from './dom.js';

/**
 * Asks before something happens. Resolves to {ok: true, value} when confirmed (value: the optional
 * text field's content), {ok: false} when cancelled or dismissed with Escape.
 */
export function confirmAction({ title, message, okLabel, danger = false, field = null }) {
  const dialog = $('#confirm');
  fill($('#confirm-title'), title);
  const input = field
    ? h('input', { id: 'confirm-field', type: 'text', value: field.value ?? '', placeholder: field.placeholder ?? '', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'confirm-field-hint' })
    : null;
  fill($('#confirm-body'),
    h('p', {}, message),
    field && h('div', { class: 'field' },
      h('label', { for: 'confirm-field' }, field.label),
      input,
      field.hint && h('p', { id: 'confirm-field-hint', class: 'hint' }, field.hint)));
  const ok = $('#confirm-ok');
  ok.textContent = okLabel;
  ok.className = danger ? 'danger' : 'primary';
  dialog.returnValue = '';
  dialog.showModal();
  (input ?? $('#confirm-cancel')).focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok' ? { ok: true, value: input?.value.trim() ?? '' } : { ok: false });
    }, { once: true });
  });
}

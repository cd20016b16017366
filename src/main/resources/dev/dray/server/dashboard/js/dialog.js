// A confirmation dialog on the native <dialog> element (focus trap and Escape come with it).

import { $, fill, h } from './dom.js';

let settle = null; // resolves the question being asked, if any

function answer(result) {
  const done = settle;
  settle = null;
  done?.(result);
}

// Wired once. Answers come from the buttons and Escape directly, not from the dialog's `close`
// event: that event is queued, so after a quick Cancel and reopen it would reach the next question.
function wire(dialog) {
  if (dialog.dataset.wired) return;
  dialog.dataset.wired = 'true';
  dialog.querySelector('form').addEventListener('submit', () => {
    answer({ ok: true, value: $('#confirm-field')?.value.trim() ?? '' });
  });
  $('#confirm-cancel').addEventListener('click', () => {
    answer({ ok: false });
    dialog.close('cancel');
  });
  dialog.addEventListener('cancel', () => answer({ ok: false })); // Escape
}

/**
 * Asks before something happens. Resolves to {ok: true, value} when confirmed (value: the optional
 * text field's content; Enter in the field confirms), {ok: false} when cancelled or dismissed with
 * Escape.
 */
export function confirmAction({ title, message, okLabel, danger = false, field = null }) {
  const dialog = $('#confirm');
  wire(dialog);
  answer({ ok: false }); // never leave an earlier question hanging
  fill($('#confirm-title'), title);
  const input = field
    ? h('input', { id: 'confirm-field', type: 'text', value: field.value ?? '', placeholder: field.placeholder ?? '', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': field.hint ? 'confirm-field-hint' : null })
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
  const result = new Promise((resolve) => { settle = resolve; });
  dialog.showModal();
  (input ?? $('#confirm-cancel')).focus();
  return result;
}

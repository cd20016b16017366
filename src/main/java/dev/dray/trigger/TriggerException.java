package dev.dray.trigger;

import dev.dray.DrayException;

/** The root of errors of automatic deploys: webhooks, the registry watcher, their setup. */
public abstract class TriggerException extends DrayException {
  private static final long serialVersionUID = 1L;

  protected TriggerException(String message, String hint) {
    super(message, hint);
  }
}

package dev.cfsim.rules;

import java.util.concurrent.CancellationException;

/**
 * A value a regex searches that gives up when its thread is interrupted. Java's regex engine
 * never looks at interrupts, and a backtracking pattern such as {@code ^(.*a){12}$} can search one
 * long header for hours; the API stops work past its deadline by interrupting it, and without
 * this the thread would go on spinning after the caller had its 503.
 */
final class InterruptibleText implements CharSequence {
  private final String text;

  InterruptibleText(String text) {
    this.text = text;
  }

  @Override
  public char charAt(int index) {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("regex search interrupted");
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new InterruptibleText(text.substring(start, end));
  }

  @Override
  public String toString() {
    return text;
  }
}

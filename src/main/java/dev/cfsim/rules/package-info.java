/**
 * Redirect rules for a viewer-request CloudFront Function: the model ({@link dev.cfsim.rules.RuleSet},
 * {@link dev.cfsim.rules.Rule}, {@link dev.cfsim.rules.Condition}, {@link dev.cfsim.rules.Action}),
 * the YAML reader and validator, and the compiled Java evaluator that returns a
 * {@link dev.cfsim.rules.Decision}.
 *
 * <p>The generated JavaScript (package {@code dev.cfsim.function}) must decide exactly as the
 * evaluator here, so every condition and action documents its semantics precisely, in terms a
 * JavaScript function can reproduce line for line. The README section "Rules and the emulator"
 * collects them in one place.
 */
package dev.cfsim.rules;

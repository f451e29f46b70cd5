/**
 * Replays recorded CloudFront traffic through a rule set: each log record becomes the
 * viewer-request event CloudFront would build, the compiled rules decide it, and a per-thread
 * {@link dev.cfsim.emulator.EmulationTally} counts decisions, countries, devices, redirect
 * targets and a few sample requests per rule in constant memory. The tallies merge into an
 * {@link dev.cfsim.emulator.EmulationReport}, which the renderers print as a table, JSON,
 * Markdown or a self-contained HTML page.
 */
package dev.cfsim.emulator;

package dev.cfsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cfsim demo}: the main job on embedded defaults, so a new user sees cfsim work at once. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs cfsim end to end on embedded defaults (no files needed).",
    footer = {"", "Example:  cfsim demo"})
final class DemoCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.out.println("cfsim demo: the cost engine lands with the pricing foundation.");
    return Main.EXIT_OK;
  }
}

package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.function.FunctionGenerator;
import dev.cfsim.function.FunctionRuntime;
import dev.cfsim.function.FunctionsJsProject;
import dev.cfsim.function.RuntimeCheck;
import dev.cfsim.function.Shipping;
import dev.cfsim.rules.RuleWarning;
import dev.cfsim.rules.RulesFile;
import dev.cfsim.rules.RulesReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cfsim generate}: compiles a rules file to a CloudFront Function and checks it. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Compiles a rules file to a viewer-request CloudFront Function (JavaScript), checks it"
        + " against the runtime (language level, forbidden features, 10,000 bytes) with Node, and"
        + " prints the AWS CLI commands to create, test and publish it. Prove it on recorded traffic"
        + " with 'cfsim verify' before shipping.",
    footer = {
      "",
      "Example:  cfsim generate --rules examples/rules/shop.yaml --out build/shop.js"
    })
public final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "FILE", description = "The rules file (YAML).")
  Path rules;

  @Option(names = "--runtime", paramLabel = "RUNTIME",
      description = "cloudfront-js-2.0 or cloudfront-js-1.0; default: the rules file's runtime.")
  String runtime;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the function here; default: standard output.")
  Path out;

  @Option(names = "--test-event", paramLabel = "FILE",
      description = "Write a TestFunction event here; default with --out: FILE's name + .test-event.json.")
  Path testEvent;

  @Option(names = "--name", paramLabel = "NAME",
      description = "The CloudFront function name in the printed commands; default: the rules file's name.")
  String name;

  @Option(names = "--no-check", description = "Skip the runtime check in Node.")
  boolean noCheck;

  @Override
  public Integer call() throws Exception {
    if (name != null && !Shipping.isFunctionName(name)) {
      throw new InvalidInputException("--name", "", "'" + name + "' is not a CloudFront function name: "
          + "AWS allows " + Shipping.FUNCTION_NAME_PATTERN);
    }
    Path eventFile = testEvent != null ? testEvent
        : out != null ? out.resolveSibling(baseName(out) + ".test-event.json") : null;
    OutputFiles.requireDistinct(new String[] {"--rules", "--out", "--test-event"}, new Path[] {rules, out, eventFile});
    RulesFile file = RulesReader.read(rules);
    PrintWriter err = spec.commandLine().getErr();
    for (RuleWarning w : file.warnings()) {
      err.println("cfsim: warning: " + rules + ": " + w);
    }
    FunctionRuntime target = FunctionRuntime.resolve(runtime, "--runtime", file);
    String code = FunctionGenerator.generate(file.rules(), rules.toString(), target);

    // The check runs on a copy, so that the function is written last, after the test event:
    // a failure leaves no function file that looks finished.
    boolean temporary = out == null;
    // With the code on standard output, everything else goes to standard error.
    PrintWriter info = temporary ? err : spec.commandLine().getOut();
    if (!noCheck) {
      Path codeFile = Files.createTempFile("cfsim-function", ".js");
      try {
        Files.writeString(codeFile, code, StandardCharsets.UTF_8);
        RuntimeCheck.Result check = RuntimeCheck.run(FunctionsJsProject.locate(), codeFile, target);
        if (!check.passed()) {
          check.lines().forEach(err::println);
          err.println("cfsim: the generated function fails the " + target + " runtime check (a cfsim bug)");
          err.flush();
          return Main.EXIT_INTERNAL;
        }
      } finally {
        Files.deleteIfExists(codeFile);
      }
    }
    if (out != null && out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    if (eventFile != null) {
      OutputFiles.write(eventFile, Shipping.testEvent(file.rules()));
    }
    if (temporary) {
      spec.commandLine().getOut().print(code);
      if (spec.commandLine().getOut().checkError()) {
        // The code is lost: say nothing of checks or deploy steps. Main turns the failed standard
        // output into exit 2 with the one line saying why.
        return Main.EXIT_OK;
      }
    } else {
      OutputFiles.write(out, code);
    }
    int bytes = code.getBytes(StandardCharsets.UTF_8).length;
    info.printf("%s: %,d of %,d bytes, %s%s%n", temporary ? "function" : out, bytes,
        FunctionRuntime.MAX_FUNCTION_BYTES, target, noCheck ? " (runtime check skipped)" : ", passes the runtime check");
    if (eventFile != null) {
      info.println("test event: " + eventFile);
    }
    info.println();
    // The commands read files: say which ones are still to be saved rather than name absent ones.
    if (temporary) {
      info.println("# The function went to standard output and no file was written:"
          + " save it as function.js (cfsim generate ... > function.js).");
    }
    if (eventFile == null) {
      info.println("# No test event was written: add --test-event test-event.json to write it.");
    }
    info.print(Shipping.awsCliCommands(functionName(), temporary ? "function.js" : out.toString(),
        eventFile == null ? "test-event.json" : eventFile.toString(), target, file.rules().cloudFrontHeaders()));
    info.flush();
    return Main.EXIT_OK;
  }

  private String functionName() {
    if (name != null) {
      return name;
    }
    String base = baseName(rules).replaceAll("[^A-Za-z0-9_-]", "-");
    return base.isEmpty() ? "cfsim-function" : base.substring(0, Math.min(base.length(), 64));
  }

  private static String baseName(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}

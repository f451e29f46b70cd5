package dev.cfsim.cli;

import dev.cfsim.InvalidInputException;
import dev.cfsim.UserFiles;
import dev.cfsim.function.NodeFailure;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cfsim} command: subcommands, and the mapping of failures to exit codes. */
@Command(
    name = "cfsim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "CloudFront edge cost and personalization simulator.",
      "Prices CloudFront traffic, replays recorded logs through geo/device rules, and generates"
          + " the CloudFront Function that implements them."
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 a check failed, 2 bad input or usage, 3 internal error.",
      "Example:  cfsim demo"
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      EstimateCommand.class,
      PlansCommand.class,
      PriceBookCommand.class,
      EventCommand.class,
      ProfileCommand.class,
      LoggenCommand.class,
      EmulateCommand.class,
      GenerateCommand.class,
      VerifyCommand.class,
      ServeCommand.class
    })
public final class Main implements Runnable {

  /** Success. */
  public static final int EXIT_OK = 0;
  /** A check ran and failed, e.g. verify found differences. */
  public static final int EXIT_CHECK_FAILED = 1;
  /** Bad input or usage: a one-line message names the file, line or field. */
  public static final int EXIT_BAD_INPUT = 2;
  /** A bug in cfsim; CFSIM_DEBUG=1 prints the stack trace. */
  public static final int EXIT_INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(new FileOutputStream(FileDescriptor.out), args));
  }

  /** Runs cfsim with the given arguments and returns the exit code, without exiting. */
  public static int run(String... args) {
    return run(System.out, args);
  }

  /**
   * Runs cfsim with its standard output going to {@code stdout}. A write to it that fails (a
   * full disk, a closed pipe) turns success into exit 2 with one line saying why.
   */
  static int run(OutputStream stdout, String... args) {
    return execute(newCommandLine(), stdout, args);
  }

  /**
   * Executes {@code cmd} as {@link #run(OutputStream, String...)} does. An Error a command lets
   * out (picocli passes on only Exceptions), such as an OutOfMemoryError, is an internal error
   * too: one line and exit 3, not a stack trace and the JVM's exit 1.
   */
  static int execute(CommandLine cmd, OutputStream stdout, String... args) {
    StandardOutput out = new StandardOutput(stdout);
    PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, stdoutCharset()), true);
    cmd.setOut(writer);
    int code;
    try {
      code = cmd.execute(args);
    } catch (Throwable t) {
      code = failure(t, cmd.getErr());
    }
    writer.flush();
    if (out.failure() != null && code < EXIT_BAD_INPUT) {
      PrintWriter err = cmd.getErr();
      err.println("cfsim: cannot write to standard output: " + out.failure().getMessage());
      err.flush();
      code = EXIT_BAD_INPUT;
    }
    return code;
  }

  /** The encoding the JVM gives standard output (a terminal's), as picocli's default writer uses. */
  private static Charset stdoutCharset() {
    String name = System.getProperty("sun.stdout.encoding");
    return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    OptionValues.register(cmd);
    HelpLayout.apply(cmd);
    cmd.setParameterExceptionHandler(Main::onBadUsage);
    cmd.setExecutionExceptionHandler(Main::onFailure);
    return cmd;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * One line naming the option and where its help is. picocli's own second line ("Try ...")
   * and its Java type names in conversion errors are left out.
   */
  private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("cfsim: " + oneLine(usageProblem(e))
        + " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
    err.flush();
    return EXIT_BAD_INPUT;
  }

  /** The problem, led by the option's name when a value of it could not be read. */
  private static String usageProblem(CommandLine.ParameterException e) {
    if (e.getCause() instanceof CommandLine.TypeConversionException && e.getArgSpec() != null) {
      CommandLine.Model.ArgSpec arg = e.getArgSpec();
      String name = arg.isOption()
          ? ((CommandLine.Model.OptionSpec) arg).longestName()
          : arg.paramLabel();
      return name + ": " + e.getCause().getMessage();
    }
    return e.getMessage();
  }

  private static int onFailure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    return failure(e, commandLine.getErr());
  }

  /** Reports what stopped a command in one line on {@code err} and returns the exit code. */
  static int failure(Throwable e, PrintWriter err) {
    Throwable cause = e;
    if (cause instanceof UncheckedIOException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    int code;
    if (cause instanceof InvalidInputException) {
      err.println("cfsim: " + oneLine(cause.getMessage()));
      code = EXIT_BAD_INPUT;
    } else if (cause instanceof NodeFailure) {
      // not the input: the process running the function died under it
      err.println("cfsim: " + oneLine(cause.getMessage()));
      code = EXIT_INTERNAL;
    } else if (cause instanceof FileSystemException f) {
      err.println("cfsim: " + oneLine(UserFiles.problem(f.getFile(), f).getMessage()));
      code = EXIT_BAD_INPUT;
    } else if (cause instanceof IOException) {
      err.println("cfsim: " + oneLine(String.valueOf(cause.getMessage())));
      code = EXIT_BAD_INPUT;
    } else {
      err.println("cfsim: internal error: " + cause + " (set CFSIM_DEBUG=1 for the stack trace)");
      code = EXIT_INTERNAL;
    }
    if (System.getenv("CFSIM_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  /** Reads the version Maven wrote into the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"cfsim " + (v == null ? "(development build)" : v)};
    }
  }
}

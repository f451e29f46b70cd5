package dev.cfsim.function;

import dev.cfsim.InvalidInputException;
import dev.cfsim.rules.RulesFile;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The CloudFront Functions JavaScript runtimes a function can be created with. They accept
 * different language levels (1.0 has no {@code const} or {@code let}); both cap a function at
 * 10 KB of source.
 */
public enum FunctionRuntime {
  CLOUDFRONT_JS_1_0("cloudfront-js-1.0"),
  CLOUDFRONT_JS_2_0("cloudfront-js-2.0");

  /**
   * Largest function source we accept, in UTF-8 bytes. AWS says "10 KB", not adjustable, without
   * saying whether that is 10,000 or 10,240 bytes, so we take the safe reading.
   * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
   */
  public static final int MAX_FUNCTION_BYTES = 10_000;

  private final String id;

  FunctionRuntime(String id) {
    this.id = id;
  }

  /** The name CloudFront uses, e.g. {@code cloudfront-js-2.0}. */
  public String id() {
    return id;
  }

  /** The runtime named {@code id}; {@code source} names the file (field runtime) or option it came from. */
  /**
   * The runtime to generate for: {@code override} when given (an option or parameter, named by
   * {@code overrideLabel} in errors), else the one the rules file names.
   */
  public static FunctionRuntime resolve(String override, String overrideLabel, RulesFile file) {
    return override != null ? fromId(override, overrideLabel) : fromId(file.rules().runtime(), file.source());
  }

  public static FunctionRuntime fromId(String id, String source) {
    for (FunctionRuntime r : values()) {
      if (r.id.equals(id)) {
        return r;
      }
    }
    throw new InvalidInputException(
        source,
        source.startsWith("--") ? "" : "runtime",
        "unknown runtime '" + id + "'; expected one of "
            + Arrays.stream(values()).map(FunctionRuntime::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}

package org.dateline.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Helpers for the commands whose picocli model is built in code rather than read from
 * annotations: the top command and {@code search}, the one-shot path. picocli reads annotations
 * by reflection, and the JVM makes a proxy class for each annotation type it meets; in a process
 * that runs one search and exits, that was about a sixth of its CPU time (measured: 0.85 s of CPU
 * down to 0.72 s for a search of Reuters, on a loaded machine). The model built here is the one picocli would read from the annotations: same names,
 * labels, defaults, converters and descriptions, so help, completion and errors are unchanged.
 */
final class Specs {
  private Specs() {}

  /** The key picocli files its standard help options under (as {@code mixinStandardHelpOptions}). */
  private static final String HELP_MIXIN = "mixinStandardHelpOptions";

  /**
   * Adds {@code -h, --help} and {@code -V, --version} as {@code mixinStandardHelpOptions = true}
   * does, without picocli reading its own annotated mixin class.
   */
  static CommandSpec withStandardHelp(CommandSpec spec) {
    CommandSpec mixin = CommandSpec.create();
    mixin.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .type(boolean.class)
            .arity("0")
            .descriptionKey("mixinStandardHelpOptions.help")
            .description("Show this help message and exit.")
            .build());
    mixin.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .type(boolean.class)
            .arity("0")
            .descriptionKey("mixinStandardHelpOptions.version")
            .description("Print version information and exit.")
            .build());
    return spec.addMixin(HELP_MIXIN, mixin);
  }

  /** A flag (no value) bound to a field through a setter. */
  static OptionSpec flag(String name, Consumer<Boolean> set, String... description) {
    return OptionSpec.builder(name)
        .type(boolean.class)
        .arity("0")
        .hasInitialValue(false)
        .description(description)
        .setter(setter(set))
        .build();
  }

  /** An option with one value of a type, bound to a field through a setter. */
  static <T> OptionSpec.Builder option(
      String name, String label, Class<?> type, Consumer<T> set, String... description) {
    return OptionSpec.builder(name)
        .type(type)
        .paramLabel(label)
        .hasInitialValue(false) // a command object parses once: nothing to reset first
        .description(description)
        .setter(setter(set));
  }

  /** A setter that hands picocli's value to a field. */
  /**
   * Reads a path as picocli's own converter for {@link Path} does ({@code Paths.get(value)}, the
   * same message when that fails), without its reflective call: a one-shot search made the JVM
   * generate method-handle classes for that one call at every start.
   */
  static final ITypeConverter<Path> PATH =
      value -> {
        try {
          return Path.of(value);
        } catch (InvalidPathException e) {
          throw new TypeConversionException(
              String.format(Locale.ROOT, "cannot convert '%s' to %s (%s)", value, Path.class, e));
        }
      };

  @SuppressWarnings("unchecked")
  static <T> ISetter setter(Consumer<T> set) {
    return new ISetter() {
      @Override
      public <V> V set(V value) {
        set.accept((T) value);
        return null;
      }
    };
  }

  /** A getter that reads a field, for picocli's collections (it adds to the list it finds). */
  static IGetter getter(Supplier<?> get) {
    return new IGetter() {
      @Override
      @SuppressWarnings("unchecked")
      public <V> V get() {
        return (V) get.get();
      }
    };
  }
}

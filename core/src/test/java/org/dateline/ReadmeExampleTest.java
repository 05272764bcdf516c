package org.dateline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's library example, taken from README.md as it stands: compiled against core, run in a
 * JVM of its own on the sample corpus with the flags the README documents, which must leave
 * stderr empty; and the dependency block naming the version this build makes.
 */
class ReadmeExampleTest {
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();

  @TempDir static Path tmp;
  private static String readme;
  private static Path classes;
  private static String classpath;

  /** The body of the first fenced block of a language after a heading. */
  private static String block(String heading, String language) {
    int at = readme.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, "README has no heading " + heading);
    Matcher m =
        Pattern.compile("\n```" + Pattern.quote(language) + "\n(.*?)\n```\n", Pattern.DOTALL)
            .matcher(readme);
    assertTrue(m.find(at), () -> "no ```" + language + " block after " + heading);
    return m.group(1) + "\n";
  }

  @BeforeAll
  static void compileTheExample() throws IOException {
    readme = Files.readString(REPO.resolve("README.md"), StandardCharsets.UTF_8);
    String source = block("## Using the library", "java");
    assertTrue(source.contains("public class SearchNews"), source);
    Path file = Files.writeString(tmp.resolve("SearchNews.java"), source);
    classes = Files.createDirectories(tmp.resolve("classes"));
    // Surefire puts the real class path here; java.class.path may be a manifest-only jar.
    classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean ok =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of("-Xlint:all", "-Werror", "-cp", classpath, "-d", classes.toString()),
                null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(file))
            .call();
    assertTrue(ok, () -> "the README's example does not compile:\n" + diagnostics);
    assertEquals("", diagnostics.toString(), "no compiler warnings");
  }

  private record Run(int code, String out, String err) {}

  private static Run run(List<String> jvmFlags, Path index) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(jvmFlags);
    command.addAll(
        List.of(
            "-cp",
            classes + java.io.File.pathSeparator + classpath,
            "SearchNews",
            REPO.resolve("corpus/articles").toString(),
            index.toString()));
    Path out = tmp.resolve(index.getFileName() + ".out");
    Path err = tmp.resolve(index.getFileName() + ".err");
    Process p =
        new ProcessBuilder(command)
            .directory(tmp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the example did not finish");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** The flags the README documents, with its logging.properties. */
  private static List<String> readmeFlags() throws IOException {
    Path logging = tmp.resolve("logging.properties");
    Files.writeString(logging, block("## Using the library", "properties"));
    return List.of(
        "--enable-native-access=ALL-UNNAMED", "-Djava.util.logging.config.file=" + logging);
  }

  @Test
  void theExampleIndexesAndSearchesTheSampleCorpusWithNothingOnStderr() throws Exception {
    Run r = run(readmeFlags(), tmp.resolve("index-quiet"));
    assertEquals(0, r.code(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals("added 5, skipped 0", lines.get(0), r::toString);
    assertEquals("2 matches", lines.get(1), r::toString);
    assertTrue(lines.get(2).endsWith("(RTÉ News, 2017-01-24T00:00:00Z)"), r::toString);
    assertTrue(
        lines.get(4).startsWith("Court denies US government appeal in Microsoft overseas email case"),
        r::toString);
    assertTrue(r.out().contains("<mark>Stored Communications Act</mark>"), r::toString);
    assertEquals("", r.err(), "the README's flags leave stderr empty");
  }

  @Test
  void withTheVectorModuleTheJvmsOwnLineIsAllThatIsPrinted() throws Exception {
    List<String> flags = new ArrayList<>(readmeFlags());
    flags.addAll(List.of("--add-modules", "jdk.incubator.vector"));
    Run r = run(flags, tmp.resolve("index-vector"));
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("added 5, skipped 0\n2 matches\n"), r::toString);
    assertEquals("WARNING: Using incubator modules: jdk.incubator.vector\n", r.err());
  }

  @Test
  void withoutTheFlagsLuceneWarnsAsTheReadmeSays() throws Exception {
    Run r = run(List.of(), tmp.resolve("index-bare"));
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.err().contains("restricted method in java.lang.foreign.Linker"), r::toString);
    assertTrue(r.err().contains("jdk.incubator.vector"), r::toString);
  }

  @Test
  void theDependencyBlockNamesTheVersionThisBuildMakes() throws IOException {
    String pom = Files.readString(REPO.resolve("core/pom.xml"));
    Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
    assertTrue(parent.find(), pom);
    String dependency = block("## Using the library", "xml");
    assertTrue(dependency.contains("<artifactId>dateline-core</artifactId>"), dependency);
    assertTrue(dependency.contains("<version>" + parent.group(1) + "</version>"), dependency);
    assertTrue(block("## Using the library", "sh").contains("mvn -q install -pl core -am"), readme);
  }
}

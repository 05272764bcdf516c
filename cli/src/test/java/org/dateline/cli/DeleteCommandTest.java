package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteCommandTest {
  @TempDir Path tmp;
  private Path index;
  private Cli cli;

  @BeforeEach
  void setUp() throws Exception {
    index = tmp.resolve("index");
    Path feed = tmp.resolve("feed.jsonl");
    Files.writeString(
        feed,
        "{\"id\": \"a1\", \"title\": \"Oil\", \"body\": \"Oil rose.\"}\n"
            + "{\"id\": \"a2\", \"title\": \"Gold\", \"body\": \"Gold fell.\"}\n");
    cli = Cli.withCache(tmp.resolve("cache"));
    assertEquals(ExitCodes.OK, cli.run("index", feed.toString(), "--index", index.toString()).code());
  }

  @Test
  void deletingAnIdRemovesTheArticle() {
    Cli.Run r = cli.run("delete", "a1", "nope", "--index", index.toString());
    assertEquals(ExitCodes.OK, r.code(), r::toString);
    assertEquals("Deleted 1 of the 2 ids given.\n", r.out());
    assertEquals(ExitCodes.NO_MATCH, cli.run("show", "a1", "--index", index.toString()).code());
    assertEquals(ExitCodes.OK, cli.run("show", "a2", "--index", index.toString()).code());
  }

  @Test
  void deletingOnlyUnknownIdsExitsOne() {
    Cli.Run r = cli.run("delete", "nope", "--index", index.toString());
    assertEquals(ExitCodes.NO_MATCH, r.code(), r::toString);
  }

  @Test
  void deletingFromAMissingIndexExitsThreeAndCreatesNothing() {
    Path nowhere = tmp.resolve("nowhere");
    Cli.Run r = cli.run("delete", "a1", "--index", nowhere.toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
    assertTrue(r.err().contains("no index at " + nowhere), r::toString);
    assertFalse(Files.exists(nowhere));
  }

  @Test
  void deletingWithoutAnIndexFolderExitsTwo() {
    Cli.Run r = cli.run("delete", "a1");
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r::toString);
    assertTrue(r.err().contains("--index DIR"), r::toString);
  }
}

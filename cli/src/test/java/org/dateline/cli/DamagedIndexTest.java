package org.dateline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A damaged index: {@code search} exits 3 with a message naming it and saying to rebuild it. */
class DamagedIndexTest {
  @TempDir Path tmp;

  /**
   * Indexes three articles, then overwrites bytes in the middle of the first file whose name
   * matches (the commit point, or a segment's info file), where Lucene's checksum catches it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"segments_", ".si"})
  void searchOnADamagedIndexExitsThreeAndSaysToRebuild(String damaged) throws IOException {
    Path feed =
        Files.writeString(
            tmp.resolve("feed.jsonl"),
            """
            {"id": "a1", "title": "Oil prices rise", "body": "Crude oil rose on Monday."}
            {"id": "a2", "title": "Cocoa talks stall", "body": "Cocoa producers met in London."}
            {"id": "a3", "title": "Oil output cut", "body": "Producers agreed to cut oil output."}
            """);
    Path index = tmp.resolve("index");
    Cli cli = Cli.withCache(tmp.resolve("cache"));
    assertEquals(ExitCodes.OK, cli.run("index", feed.toString(), "--index", index.toString()).code());
    assertEquals(ExitCodes.OK, cli.run("search", "oil", "--index", index.toString()).code());

    Path file;
    try (Stream<Path> files = Files.list(index)) {
      List<Path> matching =
          files.filter(p -> p.getFileName().toString().contains(damaged)).sorted().toList();
      assertFalse(matching.isEmpty(), () -> "no " + damaged + " file in " + index);
      file = matching.get(0);
    }
    long size = Files.size(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      byte[] junk = new byte[(int) Math.min(16, size / 4)];
      java.util.Arrays.fill(junk, (byte) 0x5A);
      ch.write(ByteBuffer.wrap(junk), size / 2);
    }

    Cli.Run r = cli.run("search", "oil", "--index", index.toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, r.code(), r::toString);
    assertTrue(r.err().startsWith("dateline: index " + index + " is damaged"), r::toString);
    assertTrue(r.err().contains("delete the folder and index again"), r::toString);
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r);
    assertEquals("", r.out(), r::toString);
  }
}

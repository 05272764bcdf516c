package org.dateline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dateline.Hit;
import org.dateline.NewsSearcher;
import org.dateline.SampleCorpus;
import org.dateline.SearchRequest;
import org.dateline.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-shot floor does the same matching as {@code dateline search}: on the seed articles it
 * finds the same articles, with the same exact total, for phrases, words and prefixes.
 */
class OneShotFloorTest {
  @Test
  void findsWhatDatelineFindsOnTheSeedArticles(@TempDir Path cache) throws Exception {
    Path index = SampleCorpus.ensureIndexed(cache);
    List<String> queries =
        List.of(
            "\"stored communications act\"",
            "\"stored communications\" act",
            "microsoft warrant",
            "warrants",
            "ireland OR dublin",
            "data -ireland",
            "extraterritorial*");
    try (NewsSearcher dateline = NewsSearcher.open(index)) {
      for (String q : queries) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OneShotFloor.Result floor =
            OneShotFloor.search(index, q, new PrintStream(printed, true, StandardCharsets.UTF_8));
        SearchResult expected = dateline.search(SearchRequest.of(q).withHighlight(false));
        assertEquals(expected.total(), floor.total(), q);
        Set<String> ids = new HashSet<>();
        for (Hit h : expected.hits()) {
          ids.add(h.id());
        }
        assertEquals(ids, new HashSet<>(floor.ids()), q);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith(floor.total() + " hits" + System.lineSeparator()), text);
      }
    }
  }
}

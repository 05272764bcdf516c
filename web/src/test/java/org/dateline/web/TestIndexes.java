package org.dateline.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dateline.Article;
import org.dateline.NewsIndex;
import org.dateline.NewsSearcher;
import org.dateline.SampleCorpus;
import org.dateline.SearchRequest;
import org.dateline.SearchResult;

/** Indexes the web tests search: the five seed articles, paging fillers, a hostile article. */
final class TestIndexes {
  private TestIndexes() {}

  /** Fillers: more than two pages of hits for {@code filler}. */
  static final int FILLERS = 23;

  /** The hostile article's id. */
  static final String HOSTILE_ID = "hostile-1";

  /** Markup that must stay text: it would set {@code window.pwned} if it ever ran. */
  static final String HOSTILE_TITLE = "<script>window.pwned=1</script>Hostile headline <b>bold</b>";

  static final String HOSTILE_BODY =
      "A hostile body <img src=x onerror=\"window.pwned=2;alert(2)\"> with markup.\n\n"
          + "<script>window.pwned=3</script><iframe src=\"javascript:alert(3)\"></iframe> hostile"
          + " end.";

  static final String HOSTILE_SOURCE = "<i onmouseover=\"alert(4)\">Evil</i> Source";

  /** The five seed articles of the sample corpus, as indexed. */
  static List<Article> seedArticles(Path cache) throws IOException {
    Path sample = SampleCorpus.ensureIndexed(cache);
    List<Article> out = new ArrayList<>();
    try (NewsSearcher s = NewsSearcher.open(sample)) {
      SearchResult all = s.search(SearchRequest.of("").page(0, 100).snippets(0, 160));
      for (var hit : all.hits()) {
        out.add(s.find(hit.id()).orElseThrow());
      }
    }
    return out;
  }

  static List<Article> fillers() {
    List<Article> out = new ArrayList<>();
    Instant start = Instant.parse("2016-03-01T12:00:00Z");
    for (int i = 1; i <= FILLERS; i++) {
      out.add(
          new Article(
              String.format(java.util.Locale.ROOT, "filler-%02d", i),
              "Pagination filler " + i,
              false,
              "Filler text number " + i + " for paging through results.",
              start.plus(i, ChronoUnit.DAYS),
              "Filler Wire",
              null,
              Map.of()));
    }
    return out;
  }

  static Article hostile() {
    return new Article(
        HOSTILE_ID,
        HOSTILE_TITLE,
        false,
        HOSTILE_BODY,
        Instant.parse("2015-06-15T00:00:00Z"),
        HOSTILE_SOURCE,
        "javascript:alert(5)",
        Map.of());
  }

  /** Builds the browser tests' index: seeds, fillers and the hostile article. */
  static Path pageIndex(Path dir) throws IOException {
    Path index = dir.resolve("index");
    List<Article> all = new ArrayList<>(seedArticles(dir.resolve("cache")));
    all.addAll(fillers());
    all.add(hostile());
    try (NewsIndex news = NewsIndex.open(index)) {
      news.add(all);
    }
    return index;
  }
}

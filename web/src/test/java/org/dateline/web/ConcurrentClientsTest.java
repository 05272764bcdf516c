package org.dateline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dateline.Article;
import org.dateline.NewsIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight clients search through the API while a writer commits copies of the seed articles. Every
 * answer must be a 200 consistent with one commit (a whole number of copies; facet counts adding up
 * to the total), no client may see the index go back in time, and the last commit must show.
 */
class ConcurrentClientsTest {
  private static final int CLIENTS = 8;
  private static final int COPIES = 15;
  private static final String QUERY = "%22stored+communications+act%22";

  @TempDir Path dir;

  @Test
  void eightClientsSearchWhileTheIndexIsWritten() throws Exception {
    List<Article> seeds = TestIndexes.seedArticles(dir.resolve("cache"));
    int perCopy = 3; // the seed articles holding the phrase
    Path index = dir.resolve("index");
    List<Throwable> internal = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try (NewsIndex news = NewsIndex.open(index)) {
      news.add(copy(seeds, 0));
      try (NewsServer server =
          NewsServer.start(
              index,
              false,
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              internal::add)) {
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          clients.add(
              pool.submit(
                  () -> {
                    int requests = 0;
                    long last = 0;
                    do {
                      Http.Response r =
                          Http.get(
                              server, "/api/search?q=" + QUERY + "&facets=source,month&limit=5");
                      assertEquals(200, r.status(), r.body());
                      JsonNode json = r.json();
                      long total = json.get("total").asLong();
                      assertEquals(0, total % perCopy, "a whole number of commits: " + total);
                      assertEquals(total, ApiTest.sourceSum(json), "facets from the same commit");
                      assertTrue(total >= last, "went back from " + last + " to " + total);
                      last = total;
                      requests++;
                    } while (writing.get());
                    return requests;
                  }));
        }
        for (int i = 1; i < COPIES; i++) {
          news.add(copy(seeds, i));
        }
        writing.set(false);
        int requests = 0;
        for (Future<Integer> f : clients) {
          requests += f.get(2, TimeUnit.MINUTES);
        }
        assertTrue(requests >= CLIENTS, "every client made requests: " + requests);
        Thread.sleep(LiveSearcher.REFRESH_MILLIS + 50);
        Http.get(server, "/api/stats"); // a request past the refresh interval refreshes
        JsonNode last = Http.get(server, "/api/search?q=" + QUERY).json();
        assertEquals((long) COPIES * perCopy, last.get("total").asLong());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), internal);
  }

  private static List<Article> copy(List<Article> seeds, int n) {
    List<Article> out = new ArrayList<>();
    for (Article a : seeds) {
      out.add(
          new Article(
              "copy" + n + "-" + a.id(),
              a.title(),
              a.titleDerived(),
              a.body(),
              a.date(),
              a.source(),
              a.url(),
              a.fields()));
    }
    return out;
  }
}

package org.dateline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The page's search round trip (from pressing Enter to the hits, facets and timeline drawn, as the
 * page measures it with {@code performance.now()}) on an index named by {@code
 * -Ddateline.roundtrip.index=DIR}, e.g. Reuters-21578. A measurement, not a check: it runs only
 * when asked for and writes {@code target/roundtrip.txt}.
 */
@EnabledIfSystemProperty(named = "dateline.roundtrip.index", matches = ".+")
class RoundTripTest {
  private static final List<String> QUERIES =
      List.of(
          "oil",
          "\"interest rates\"",
          "crude AND opec",
          "gold",
          "coffee prices",
          "bank*",
          "dollar",
          "wheat",
          "\"trade deficit\"",
          "japan OR tokyo",
          "earnings",
          "\"oil prices\"");
  private static final int ROUNDS = 5;

  @Test
  void searchRoundTrip() throws Exception {
    Path index = Path.of(System.getProperty("dateline.roundtrip.index"));
    try (Browser browser = Browser.start(1280, 900);
        NewsServer server =
            NewsServer.start(
                index,
                false,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Throwable::printStackTrace)) {
      browser.driver.get(server.uri().toString());
      browser.awaitReady();
      List<Long> times = new ArrayList<>();
      for (int round = 0; round <= ROUNDS; round++) {
        for (String q : QUERIES) {
          WebElement box = browser.find("#q");
          box.clear();
          browser.andWait(() -> box.sendKeys(q, Keys.ENTER));
          assertEquals(10, browser.all("#hits .hit").size(), q);
          long ms = Long.parseLong(browser.find("body").getDomAttribute("data-round-trip-ms"));
          if (round > 0) { // the first round warms the JIT and the OS cache
            times.add(ms);
          }
        }
      }
      Collections.sort(times);
      String report =
          String.format(
              Locale.ROOT,
              "page search round trip on %s: median %d ms, p90 %d ms, min %d ms, max %d ms over %d"
                  + " searches (%d queries x %d rounds after one warm-up round)%n",
              index,
              times.get(times.size() / 2),
              times.get(times.size() * 9 / 10),
              times.get(0),
              times.get(times.size() - 1),
              times.size(),
              QUERIES.size(),
              ROUNDS);
      Files.writeString(Path.of("target", "roundtrip.txt"), report);
      System.out.print(report);
      assertTrue(times.size() == QUERIES.size() * ROUNDS);
    }
  }
}

package org.dateline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.dateline.SampleCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * What {@code ./dateline serve} shows on a fresh clone: the sample corpus, searched for the
 * README's phrase. Saves the README's screenshot as {@code target/screenshots/serve.png} (copied to
 * {@code docs/serve.png} by hand when the page changes).
 */
class SampleCorpusPageTest {
  @TempDir Path cache;

  @Test
  void readmePhraseOnTheSampleCorpus() throws Exception {
    try (Browser browser = Browser.start(1100, 760);
        NewsServer server =
            NewsServer.start(
                SampleCorpus.ensureIndexed(cache),
                true,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Throwable::printStackTrace)) {
      browser.driver.get(server.uri().resolve("/?q=%22stored+communications+act%22").toString());
      browser.awaitReady();
      List<WebElement> hits = browser.all("#hits .hit");
      assertEquals(3, hits.size());
      for (WebElement hit : hits) {
        List<String> marks = new ArrayList<>();
        for (WebElement m : hit.findElements(By.cssSelector(".snippet mark"))) {
          marks.add(m.getText());
        }
        assertEquals(List.of("Stored Communications Act"), marks);
      }
      // The timeline spans the corpus by month; only January 2017 holds the phrase.
      List<WebElement> bars = browser.all("#chart .bar");
      assertEquals(31, bars.size());
      assertEquals("2017-01: 3 articles", bars.get(30).getDomAttribute("aria-label"));
      assertEquals("2014-07: 0 articles", bars.get(0).getDomAttribute("aria-label"));
      assertTrue(browser.find("#facet-source").isDisplayed());

      Path shot = Path.of("target", "screenshots", "serve.png");
      Files.createDirectories(shot.getParent());
      Files.copy(
          browser.driver.getScreenshotAs(OutputType.FILE).toPath(),
          shot,
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

package org.dateline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The search page in a real headless Chromium, against a server on a free port over the seed
 * articles, {@value TestIndexes#FILLERS} paging fillers and one hostile article.
 */
class PageTest {
  private static final String PHRASE = "\"stored communications act\"";

  @TempDir static Path dir;

  private static NewsServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start(1280, 900); // skips the class when there is no browser
    server =
        NewsServer.start(
            TestIndexes.pageIndex(dir),
            false,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            Throwable::printStackTrace);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static void open(String pathAndQuery) {
    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    browser.driver.get(server.uri().resolve(pathAndQuery).toString());
    browser.awaitReady();
  }

  private static void search(String query) {
    WebElement box = browser.find("#q");
    box.clear();
    browser.andWait(() -> box.sendKeys(query, Keys.ENTER));
  }

  private static List<String> texts(String css) {
    List<String> out = new ArrayList<>();
    for (WebElement e : browser.all(css)) {
      out.add(e.getText());
    }
    return out;
  }

  /** The current URL's parameters, decoded. */
  private static Map<String, List<String>> params() {
    String url = browser.driver.getCurrentUrl();
    Map<String, List<String>> out = new LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        out.computeIfAbsent(
                URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return out;
  }

  /** Source facet value to count, as shown. */
  private static Map<String, String> sourceCounts() {
    Map<String, String> out = new LinkedHashMap<>();
    for (WebElement b : browser.all("#facet-source .facet-value")) {
      out.put(
          b.findElement(By.className("label")).getText(),
          b.findElement(By.className("count")).getText());
    }
    return out;
  }

  @Test
  void phraseShowsThreeHitsWithThePhraseInOneMark() {
    open("/");
    search(PHRASE);
    assertEquals(3, browser.all("#hits .hit").size(), texts("#hits .hit").toString());
    for (WebElement hit : browser.all("#hits .hit")) {
      List<String> marks = new ArrayList<>();
      for (WebElement m : hit.findElements(By.cssSelector(".snippet mark"))) {
        marks.add(m.getText().toLowerCase(Locale.ROOT));
      }
      assertTrue(marks.contains("stored communications act"), "one mark for the phrase: " + marks);
    }
    assertTrue(browser.find("#summary").getText().startsWith("Articles 1–3 of 3"));
    assertEquals(List.of(PHRASE), params().get("q"), "the query is in the URL");
  }

  @Test
  void clickingASourceNarrowsAndKeepsTheOtherSourcesCounts() {
    open("/");
    Map<String, String> before = sourceCounts();
    assertEquals("23", before.get("Filler Wire"), before.toString());
    assertTrue(before.size() >= 7, before.toString());
    WebElement techEye = facetButton("TechEye");
    browser.andWait(techEye::click);
    assertEquals(List.of("TechEye"), params().get("source"));
    assertEquals("true", facetButton("TechEye").getDomAttribute("aria-pressed"));
    assertEquals("false", facetButton("Filler Wire").getDomAttribute("aria-pressed"));
    assertEquals(before, sourceCounts(), "drill-sideways: every source keeps its count");
    List<WebElement> hits = browser.all("#hits .hit");
    assertEquals(1, hits.size());
    assertTrue(hits.get(0).findElement(By.className("meta")).getText().startsWith("TechEye"));
    // a second source widens the search again: any of the two
    browser.andWait(() -> facetButton("Filler Wire").click());
    assertEquals(List.of("TechEye", "Filler Wire"), params().get("source"));
    assertTrue(
        browser.find("#summary").getText().contains("of 24"), browser.find("#summary").getText());
    // the back button returns to one source
    browser.andWait(() -> browser.driver.navigate().back());
    assertEquals(List.of("TechEye"), params().get("source"));
    assertEquals(1, browser.all("#hits .hit").size());
  }

  private static WebElement facetButton(String label) {
    for (WebElement b : browser.all("#facet-source .facet-value")) {
      if (label.equals(b.getDomAttribute("data-value"))) {
        return b;
      }
    }
    throw new AssertionError("no source facet value " + label + ": " + sourceCounts());
  }

  private static WebElement bar(String label) {
    for (WebElement b : browser.all("#chart .bar")) {
      if (label.equals(b.getDomAttribute("data-label"))) {
        return b;
      }
    }
    throw new AssertionError("no timeline bar " + label);
  }

  @Test
  void selectingATimelineRangeFiltersByDate() {
    open("/");
    List<WebElement> bars = browser.all("#chart .bar");
    // 2014-07 to 2017-01 by month
    assertEquals("2014-07", bars.get(0).getDomAttribute("data-label"));
    assertEquals("2017-01", bars.get(bars.size() - 1).getDomAttribute("data-label"));
    browser.andWait(() -> bar("2016-03").click());
    assertEquals(List.of("2016-03-01"), params().get("from"));
    assertEquals(List.of("2016-03-31"), params().get("to"));
    // the fillers are dated 2016-03-02 to 2016-03-24
    assertTrue(
        browser.find("#summary").getText().contains("of 23"), browser.find("#summary").getText());
    assertTrue(bar("2016-03").getDomAttribute("class").contains("selected"));
    // the timeline is drawn drill-sideways: the other months keep their bars
    assertEquals(bars.size(), browser.all("#chart .bar").size());

    // drag across a range of months
    browser.andWait(
        () ->
            new Actions(browser.driver)
                .clickAndHold(bar("2015-06"))
                .moveToElement(bar("2016-03"))
                .release()
                .perform());
    assertEquals(List.of("2015-06-01"), params().get("from"));
    assertEquals(List.of("2016-03-31"), params().get("to"));
    // and the hostile article, of 2015-06-15
    assertTrue(
        browser.find("#summary").getText().contains("of 24"), browser.find("#summary").getText());
    for (WebElement meta : browser.all("#hits .meta")) {
      String date = meta.getText().split(" · ")[1];
      assertTrue(date.compareTo("2015-06-01") >= 0 && date.compareTo("2016-03-31") <= 0, date);
    }
    browser.andWait(() -> browser.find("#clear-dates").click());
    assertFalse(params().containsKey("from"));
  }

  @Test
  void pagesThroughHitsAndBookmarksAPage() {
    open("/");
    search("filler");
    assertEquals(10, browser.all("#hits .hit").size());
    List<String> first = texts("#hits .hit-title");
    browser.andWait(() -> browser.find("#next").click());
    assertEquals(List.of("2"), params().get("page"));
    assertTrue(browser.find("#summary").getText().startsWith("Articles 11–20 of 23"));
    assertNotEquals(first, texts("#hits .hit-title"));
    browser.andWait(() -> browser.find("#next").click());
    assertEquals(3, browser.all("#hits .hit").size());
    assertFalse(browser.find("#next").isEnabled());
    // a bookmark of page 3 opens page 3
    String bookmark = browser.driver.getCurrentUrl();
    browser.driver.get(server.uri().toString());
    browser.awaitReady();
    browser.driver.get(bookmark);
    browser.awaitReady();
    assertEquals("filler", browser.find("#q").getDomProperty("value"));
    assertEquals(3, browser.all("#hits .hit").size());
    browser.andWait(() -> browser.driver.navigate().back());
    browser.andWait(() -> browser.driver.navigate().back());
    browser.andWait(() -> browser.driver.navigate().back());
    assertEquals(List.of("2"), params().get("page"));
    assertTrue(browser.find("#summary").getText().startsWith("Articles 11–20 of 23"));
  }

  @Test
  void sortsNewestAndOldestFirst() {
    open("/?q=filler");
    browser.andWait(
        () ->
            new org.openqa.selenium.support.ui.Select(browser.find("#sort"))
                .selectByValue("oldest"));
    assertEquals(List.of("oldest"), params().get("sort"));
    assertEquals("Pagination filler 1", browser.all("#hits .hit-title").get(0).getText());
    browser.andWait(
        () ->
            new org.openqa.selenium.support.ui.Select(browser.find("#sort"))
                .selectByValue("newest"));
    assertEquals("Pagination filler 23", browser.all("#hits .hit-title").get(0).getText());
  }

  @Test
  void clickingAHitOpensTheWholeArticle() {
    open("/");
    search(PHRASE);
    WebElement title = browser.all("#hits .hit-title").get(0);
    String id = title.getDomAttribute("data-id");
    String text = title.getText();
    browser.andWait(title::click);
    assertEquals(List.of(id), params().get("id"));
    assertTrue(browser.find("#article").isDisplayed());
    assertFalse(browser.find("#results").isDisplayed());
    assertEquals(text, browser.find("#article-title").getText());
    assertTrue(browser.find("#article-body").getText().contains("Stored Communications Act"));
    assertTrue(browser.find("#article-body").getText().length() > 1000, "the whole article");
    browser.andWait(() -> browser.driver.navigate().back());
    assertFalse(browser.find("#article").isDisplayed());
    assertEquals(3, browser.all("#hits .hit").size());
  }

  @Test
  void hostileMarkupStaysText() {
    open("/");
    search("hostile");
    assertEquals(1, browser.all("#hits .hit").size());
    assertEquals(
        "<script>window.pwned=1</script>Hostile headline <b>bold</b>",
        browser.find("#hits .hit-title").getText());
    assertInert();
    assertTrue(sourceCounts().containsKey(TestIndexes.HOSTILE_SOURCE), sourceCounts().toString());
    browser.andWait(() -> browser.find("#hits .hit-title").click());
    assertTrue(browser.find("#article-body").getText().contains("<img src=x onerror="));
    assertTrue(
        browser.find("#article-body").getText().contains("<iframe src=\"javascript:alert(3)\">"));
    assertEquals("javascript:alert(5)", browser.find("#article-url").getText());
    assertEquals(0, browser.all("#article-url a").size(), "no link for a javascript: URL");
    assertInert();
  }

  private static void assertInert() {
    assertEquals(
        0L,
        browser.js(
            "return document.querySelectorAll('#hits script, #hits img, #hits b, #hits iframe,"
                + " #article script, #article img, #article iframe, #sidebar i').length;"),
        "no element made from article text");
    assertEquals(null, browser.js("return window.pwned === undefined ? null : window.pwned;"));
    try {
      String alert = browser.driver.switchTo().alert().getText();
      throw new AssertionError("an alert ran: " + alert);
    } catch (NoAlertPresentException expected) {
      // inert
    }
  }

  @Test
  void malformedQueryShowsTheMessageAndWhere() {
    open("/");
    search("microsoft AND (warrant");
    WebElement error = browser.find("#error");
    assertTrue(error.isDisplayed());
    String caret = browser.find("#error pre").getText();
    assertTrue(caret.startsWith("microsoft AND (warrant\n"), caret);
    assertTrue(caret.endsWith("^"), caret);
  }

  @Test
  void usableWithTheKeyboardOnly() {
    open("/");
    new Actions(browser.driver).sendKeys("/").perform();
    assertEquals("q", browser.driver.switchTo().activeElement().getDomAttribute("id"));
    browser.andWait(() -> browser.driver.switchTo().activeElement().sendKeys(PHRASE, Keys.ENTER));
    assertEquals(3, browser.all("#hits .hit").size());
    // Tab to the first source value and press Enter
    WebElement first = browser.all("#facet-source .facet-value").get(0);
    String label = first.getDomAttribute("data-value");
    for (int i = 0; i < 40 && !first.equals(browser.driver.switchTo().activeElement()); i++) {
      new Actions(browser.driver).sendKeys(Keys.TAB).perform();
    }
    assertEquals(first, browser.driver.switchTo().activeElement(), "a facet value takes the focus");
    browser.andWait(() -> new Actions(browser.driver).sendKeys(Keys.ENTER).perform());
    assertEquals(List.of(label), params().get("source"));
    // a timeline bar by keyboard
    WebElement bar = browser.all("#chart .bar").get(browser.all("#chart .bar").size() - 1);
    browser.js("arguments[0].focus();", bar);
    browser.andWait(() -> new Actions(browser.driver).sendKeys(Keys.ENTER).perform());
    assertEquals(List.of("2017-01-01"), params().get("from"));
    // open a hit with Enter, close with Escape
    browser.js("arguments[0].focus();", browser.find("#hits .hit-title"));
    browser.andWait(() -> new Actions(browser.driver).sendKeys(Keys.ENTER).perform());
    assertTrue(browser.find("#article").isDisplayed());
    browser.andWait(() -> new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform());
    assertFalse(browser.find("#article").isDisplayed());
  }

  @Test
  void fitsAPhoneWidthWindow() {
    open("/?q=" + "%22stored+communications+act%22");
    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    long inner = (Long) browser.js("return window.innerWidth;");
    long scroll = (Long) browser.js("return document.documentElement.scrollWidth;");
    assertTrue(inner <= 420, "the window is phone-wide: " + inner);
    assertTrue(scroll <= inner, "no sideways scrolling: " + scroll + " > " + inner);
    WebElement box = browser.find("#q");
    assertTrue(box.getRect().getX() + box.getRect().getWidth() <= inner);
    assertTrue(browser.find("#hits .hit").isDisplayed());
  }
}

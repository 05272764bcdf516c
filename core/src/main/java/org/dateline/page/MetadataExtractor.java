package org.dateline.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads {@link PageMetadata} from a parsed page, most trustworthy evidence first. */
final class MetadataExtractor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
          "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
          "liveblogposting", "socialmediaposting", "techarticle", "scholarlyarticle", "report",
          "posting", "advertisernewsarticle", "satiricalarticle", "askpublicnewsarticle");
  private static final Pattern TITLE_SEPARATOR =
      Pattern.compile("\\s+[|\\-–—:·•»«/]{1,2}(?:\\s+[|\\-–—:·•»«/]{1,2})*\\s+");

  private final Document page;
  private final String pageUrl;
  private final Consumer<String> problems;
  private Element headlineElement; // the heading taken as the headline, if one was

  // what JSON-LD said
  private String ldTitle;
  private String ldPublished;
  private String ldOtherPublished; // datePublished of a node that is not an article (a WebPage)
  private String ldModified;
  private String ldPublisher;
  private final List<String> ldAuthors = new ArrayList<>();
  private String ldLanguage;
  private String ldDescription;
  private boolean monthFirst; // the page is in US English, which writes 11/08/2023 month first

  private MetadataExtractor(Document page, String pageUrl, Consumer<String> problems) {
    this.page = page;
    this.pageUrl = pageUrl;
    this.problems = problems;
  }

  static PageMetadata read(Document page, String pageUrl, Consumer<String> problems) {
    return new MetadataExtractor(page, pageUrl, problems).read();
  }

  private PageMetadata read() {
    for (Element script : page.select("script[type=application/ld+json]")) {
      jsonLd(script.data());
    }
    String canonical = absolute(page.selectFirst("link[rel=canonical][href]"), "href");
    if (canonical == null) {
      canonical = absolute(meta("og:url"), "content");
    }
    String url = canonical != null ? canonical : pageUrl;
    String siteName = first(ldPublisher, content("og:site_name"), content("application-name"));
    String source = siteName != null ? siteName : host(url != null ? url : pageUrl);
    monthFirst = usEnglish();
    OffsetDateTime published = published(url);
    OffsetDateTime modified =
        date(
            ldModified,
            content("article:modified_time"),
            content("og:updated_time"),
            content("dateModified"),
            content("dcterms.modified"),
            content("last-modified"));
    return new PageMetadata(
        title(),
        published,
        modified,
        source,
        authors(),
        url,
        language(),
        first(ldDescription, content("og:description"), content("description"),
            content("dc.description"), content("twitter:description")));
  }

  // ---------------------------------------------------------------- JSON-LD

  private void jsonLd(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text.strip());
    } catch (JsonProcessingException e) {
      problems.accept("invalid JSON-LD ignored: " + e.getOriginalMessage());
      return;
    }
    if (root != null) {
      visit(root, 0);
    }
  }

  private void visit(JsonNode node, int depth) {
    if (depth > 6 || node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> visit(n, depth + 1));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("@graph")) {
      visit(node.get("@graph"), depth + 1);
    }
    if (isArticle(node.get("@type"))) {
      ldTitle = first(ldTitle, text(node.get("headline")), text(node.get("name")));
      ldPublished = first(ldPublished, text(node.get("datePublished")), text(node.get("dateCreated")));
      ldModified = first(ldModified, text(node.get("dateModified")));
      JsonNode publisher = node.get("publisher");
      ldPublisher = first(ldPublisher, name(publisher));
      if (ldAuthors.isEmpty()) {
        JsonNode author = node.get("author");
        if (author != null && author.isArray()) {
          author.forEach(a -> add(ldAuthors, name(a)));
        } else {
          add(ldAuthors, name(author));
        }
      }
      ldLanguage = first(ldLanguage, text(node.get("inLanguage")));
      ldDescription = first(ldDescription, text(node.get("description")));
    } else {
      ldOtherPublished = first(ldOtherPublished, text(node.get("datePublished")));
      if (node.has("mainEntity")) {
        visit(node.get("mainEntity"), depth + 1);
      }
    }
  }

  private static boolean isArticle(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticle(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText("").toLowerCase(Locale.ROOT);
    int colon = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'));
    return ARTICLE_TYPES.contains(colon < 0 ? t : t.substring(colon + 1));
  }

  private static String text(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : text(n.get(0));
    }
    if (n.isObject()) {
      return text(n.has("@value") ? n.get("@value") : n.get("name"));
    }
    String s = n.asText("").strip();
    return s.isEmpty() ? null : s;
  }

  private static String name(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText().strip();
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : name(n.get(0));
    }
    return text(n.get("name"));
  }

  // ---------------------------------------------------------------- meta tags

  /** The first meta element whose property, name or itemprop is {@code key}, any case. */
  private Element meta(String key) {
    for (Element m : page.getElementsByTag("meta")) {
      if (m.attr("property").equalsIgnoreCase(key)
          || m.attr("name").equalsIgnoreCase(key)
          || m.attr("itemprop").equalsIgnoreCase(key)
          || m.attr("http-equiv").equalsIgnoreCase(key)) {
        return m;
      }
    }
    return null;
  }

  private String content(String key) {
    Element m = meta(key);
    if (m == null) {
      return null;
    }
    String c = m.attr("content").strip();
    return c.isEmpty() ? null : c;
  }

  /**
   * The {@code content} of the first element of any kind marked {@code itemprop=key}, as microdata
   * puts it on a {@code <span>} or {@code <div>} as well as on {@code <meta>}.
   */
  private String itemprop(String key) {
    for (Element e : page.getElementsByAttributeValue("itemprop", key)) {
      String c = e.attr("content").strip();
      if (!c.isEmpty()) {
        return c;
      }
    }
    return null;
  }

  private List<String> contents(String key) {
    List<String> out = new ArrayList<>();
    for (Element m : page.getElementsByTag("meta")) {
      if (m.attr("property").equalsIgnoreCase(key) || m.attr("name").equalsIgnoreCase(key)) {
        String c = m.attr("content").strip();
        if (!c.isEmpty()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- fields

  /**
   * The headline as the page shows it, in this order:
   *
   * <ol>
   *   <li>an {@code h1} or {@code h2} whose text is a title the metadata or {@code <title>} gives,
   *       or is one with a kicker before it in an element of its own ({@code <h1><small>Section
   *       </small> Headline</h1>}) or with small print after it (a date, the sections): the most
   *       trusted title a heading shows wins;
   *   <li>else the first heading ({@code h1}, then {@code h2} and elements marked as the headline)
   *       whose words agree with such a title or that is a whole part of one ("Section: Headline"),
   *       without a kicker or the site's name;
   *   <li>else the page's one {@code h1}: HTML's own mark of the page's heading, where the
   *       metadata's titles are often written for search engines and sharing;
   *   <li>else the metadata's title, else {@code <title>}, with the site's name cut off; else, on a
   *       page that has neither, its first {@code h2} of two words or more.
   * </ol>
   *
   * <p>Headings that name the site (its name, or a link to its home page), headings hidden from
   * readers or marked as kickers by their class, and text hidden inside a heading ({@code
   * class="sr-only"}, {@code hidden}) are passed over; a date before the title
   * ("23.01.2022 - Headline") is not part of it; the title is in Unicode's composed form (NFC).
   */
  private String title() {
    String titleTag = unescape(blankToNull(page.title()));
    List<String> metaTitles = metaTitles(titleTag != null);
    String meta = metaTitles.isEmpty() ? null : metaTitles.get(0);
    List<String> references = new ArrayList<>(metaTitles);
    if (titleTag != null) {
      references.add(titleTag);
    }
    List<Element> headings = headings();
    String exact = exactHeadline(headings, references);
    if (exact != null) {
      return finish(exact);
    }
    String headline = headline(headings, references);
    if (headline != null) {
      return finish(headline);
    }
    Element sole = soleH1(headings);
    if (sole != null && !references.isEmpty()) {
      headlineElement = sole;
      return finish(withoutSiteName(visibleText(sole), null, false));
    }
    String h1 = null;
    for (Element h : page.select("h1")) {
      String t = h.text().strip();
      if (!t.isEmpty()) {
        h1 = t;
        break;
      }
    }
    String candidate = meta;
    if (candidate == null) {
      if (h1 != null && (titleTag == null || contains(titleTag, h1))) {
        candidate = h1;
      } else {
        candidate = titleTag == null ? h1 : titleTag;
      }
    }
    if (candidate == null) {
      candidate = firstH2();
    }
    if (candidate == null) {
      return "";
    }
    return finish(withoutSiteName(candidate, h1, true));
  }

  /** The title as returned: no leading date part, no-break spaces as spaces, composed (NFC). */
  private static String finish(String title) {
    String t = title.replace('\u00A0', ' ').strip();
    String[] parts = TITLE_SEPARATOR.split(t, 2);
    if (parts.length == 2 && DATE_ONLY.matcher(parts[0].strip()).matches()
        && words(parts[1]).size() >= 2) {
      t = parts[1].strip();
    }
    return java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
  }

  private static final Pattern DATE_ONLY =
      Pattern.compile("\\d{1,4}([./-])\\d{1,2}\\1\\d{1,4}\\.?");

  /**
   * The titles the metadata gives, most trusted first (JSON-LD's headline, every {@code og:title},
   * {@code twitter:title}, Dublin Core's, {@code <meta name="title">}), each once; one that is only
   * the site's name says nothing about the page and is left out when there is a {@code <title>}.
   */
  private List<String> metaTitles(boolean hasTitleTag) {
    List<String> all = new ArrayList<>();
    all.add(ldTitle);
    all.addAll(contents("og:title"));
    all.add(content("twitter:title"));
    all.add(content("dc.title"));
    all.add(content("title"));
    Set<String> seen = new java.util.HashSet<>();
    List<String> out = new ArrayList<>();
    for (String t : all) {
      String u = unescape(t);
      if (u != null && seen.add(norm(u)) && !(hasTitleTag && namesSite(u))) {
        out.add(u);
      }
    }
    return out;
  }

  private static final String HEADLINE_SELECTOR =
      "h2, [itemprop=headline], .entry-title, .post-title, .article-title, .headline";

  /**
   * The headings that may be the headline, {@code h1} first: not empty, not over 300 characters,
   * not the site's name nor a link to its home page, not hidden, not marked by its class as the
   * line above or below the headline (a kicker, a strapline, a subtitle).
   */
  private List<Element> headings() {
    Set<Element> all = new java.util.LinkedHashSet<>(page.select("h1"));
    all.addAll(page.select(HEADLINE_SELECTOR));
    List<Element> out = new ArrayList<>();
    for (Element h : all) {
      String text = visibleText(h);
      if (!text.isEmpty() && text.length() <= 300 && !namesSite(text) && !linksHome(h, text)
          && !isHidden(h) && !KICKER_CLASS.matcher(h.className()).find()) {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * The first {@code h1} or {@code h2} that shows one of the titles, most trusted title first: the whole heading, or its part after a kicker or before small
   * print (see {@link #shownTitle}); null when none does. A heading that is a link to another page
   * is a teaser for that page, and is passed over; so are lower headings, where teasers are.
   */
  private String exactHeadline(List<Element> headings, List<String> references) {
    for (String r : references) {
      Set<String> forms = new java.util.LinkedHashSet<>();
      forms.add(collapse(r));
      forms.add(collapse(withoutSiteName(r, null, false)));
      for (Element h : headings) {
        if (!(h.nameIs("h1") || h.nameIs("h2")) || linksAway(h)) {
          continue;
        }
        String text = collapse(visibleText(h));
        for (String f : forms) {
          String shown = shownTitle(h, text, f);
          if (shown != null) {
            headlineElement = h;
            return shown;
          }
        }
      }
    }
    return null;
  }

  /**
   * The title as a heading shows it, or null: the heading's text when it is the title (case
   * aside); its end when that is the title and what comes before is a kicker in an element of its
   * own; its start when that is the title and what follows is small print ({@code <small>}, or a
   * date and the like).
   */
  private static String shownTitle(Element heading, String text, String title) {
    if (text.equalsIgnoreCase(title)) {
      return text;
    }
    int n = title.length();
    if (words(title).size() < 2 || text.length() <= n) {
      return null;
    }
    if (text.regionMatches(true, text.length() - n, title, 0, n)) {
      String before = text.substring(0, text.length() - n).strip();
      if (isPartElement(heading, before)) {
        return text.substring(text.length() - n);
      }
    }
    if (text.regionMatches(true, 0, title, 0, n)) {
      String after = text.substring(n).strip();
      for (Element e : heading.getAllElements()) {
        if (e != heading && collapse(e.text()).equalsIgnoreCase(after)
            && (e.nameIs("small") || PageDates.inText(after) != null)) {
          return text.substring(0, n);
        }
      }
    }
    return null;
  }

  /** Whether an element inside the heading holds exactly this text (trailing separators aside). */
  private static boolean isPartElement(Element heading, String text) {
    String t = text.replaceFirst("[\\s|\\-–—:·•»«/]+$", "");
    if (t.isEmpty()) {
      return false;
    }
    for (Element e : heading.getAllElements()) {
      if (e != heading
          && collapse(e.text()).replaceFirst("[\\s|\\-–—:·•»«/]+$", "").equalsIgnoreCase(t)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern KICKER_CLASS =
      Pattern.compile(
          "(?i)kicker|strapline|overline|topline|dachzeile|roofline|eyebrow|subline|subtitle"
              + "|sub-title|subheadline|sub-headline");

  /** The first heading that agrees with one of the titles the page gives itself, or null. */
  private String headline(List<Element> headings, List<String> references) {
    if (references.isEmpty()) {
      return null;
    }
    for (Element h : headings) {
      String text = visibleText(h);
      for (String r : references) {
        if (agrees(text, r)) {
          headlineElement = h;
          return withoutSiteName(withoutKicker(h, text, r), null, false);
        }
      }
    }
    return null;
  }

  /** The page's one {@code h1} when it has one (several with the same text count as one). */
  private static Element soleH1(List<Element> headings) {
    Element sole = null;
    for (Element h : headings) {
      if (!h.nameIs("h1")) {
        continue;
      }
      if (sole != null && !norm(visibleText(sole)).equals(norm(visibleText(h)))) {
        return null;
      }
      if (sole == null) {
        sole = h;
      }
    }
    return sole;
  }

  /** The first {@code h2} of two words or more, for a page with no other title. */
  private String firstH2() {
    for (Element h : page.select("h2")) {
      String t = visibleText(h);
      if (words(t).size() >= 2 && t.length() <= 300 && !namesSite(t) && !linksHome(h, t)) {
        return t;
      }
    }
    return null;
  }

  /**
   * The headline inside a heading that also holds a kicker or a date ({@code <h1><span>Section
   * </span><span>Headline</span></h1>}): the longest part that agrees with the title when the
   * heading's other words are not in the title.
   */
  private String withoutKicker(Element heading, String text, String title) {
    Element first = heading.firstElementChild();
    if (first != null) {
      String kicker = first.text().strip();
      // a kicker that ends in a colon or a dash is written as part of the headline
      if (!kicker.isEmpty() && words(kicker).size() <= 6 && text.startsWith(kicker)
          && !kicker.matches(".*[:\\-–—|]$")) {
        String rest = text.substring(kicker.length()).replaceFirst("^[\\s:\\-–—|]+", "");
        if (words(rest).size() >= 2 && agrees(rest, title)) {
          return rest;
        }
      }
    }
    Set<String> titleWords = new java.util.HashSet<>(words(title));
    String best = text;
    for (Element part : heading.getAllElements()) {
      String t = part.text().strip();
      if (part == heading || t.length() >= text.length() || words(t).size() < 2
          || t.length() <= (best == text ? 0 : best.length()) || !agrees(t, title)) {
        continue;
      }
      List<String> rest = new ArrayList<>(words(text));
      words(t).forEach(rest::remove);
      if (rest.stream().noneMatch(titleWords::contains)) {
        best = t;
      }
    }
    return best;
  }

  /**
   * Whether a heading is the page's headline by a title it gives itself: most of the heading's
   * words are in the title, and it holds most words of the title's longest part that is not the
   * site's name (a section's name is short); or the heading is a whole part of the title, of two
   * words or more, between separators ("Section: Heading - Site").
   */
  private boolean agrees(String heading, String title) {
    List<String> h = words(heading);
    if (h.isEmpty()) {
      return false;
    }
    if (h.size() >= 2 && isWholePart(heading, title)) {
      return true;
    }
    Set<String> t = new java.util.HashSet<>(words(title));
    String longest = "";
    for (String part : TITLE_SEPARATOR.split(title)) {
      if (part.strip().length() > longest.length() && !namesSite(part)) {
        longest = part.strip();
      }
    }
    List<String> main = words(longest);
    if (main.isEmpty()) {
      return false;
    }
    Set<String> hs = new java.util.HashSet<>(h);
    long inTitle = h.stream().filter(t::contains).count();
    long mainInHeading = main.stream().filter(hs::contains).count();
    return inTitle * 2 >= h.size() && mainInHeading * 2 >= main.size();
  }

  private static final Pattern PART_START =
      Pattern.compile("(?s).*(\\s[|\\-–—·•»«/]{1,2}\\s|:\\s)$");
  private static final Pattern PART_END =
      Pattern.compile("(?s)^(\\s[|\\-–—·•»«/]{1,2}\\s|:?\\s[|\\-–—·•»«/]{1,2}\\s|:\\s).*");

  /** Whether the heading is the whole of one or more parts of the title, separators around it. */
  private static boolean isWholePart(String heading, String title) {
    String h = norm(heading);
    String t = norm(title);
    int at = t.indexOf(h);
    if (at < 0 || h.length() == t.length()) {
      return false;
    }
    boolean starts = at == 0 || PART_START.matcher(t.substring(0, at)).matches();
    boolean ends = at + h.length() == t.length()
        || PART_END.matcher(t.substring(at + h.length())).matches();
    return starts && ends;
  }

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : NOT_A_WORD.split(s.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static final Pattern HIDDEN_CLASS =
      Pattern.compile(
          "(?i)(^|\\s)(sr-only|visually-?hidden|screen-reader-text|element-invisible|aural|hidden"
              + "|invisible)(\\s|$)");

  /** Whether readers never see an element: hidden by a class that says so, an attribute, a style. */
  private static boolean isHidden(Element e) {
    String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    return HIDDEN_CLASS.matcher(e.className()).find() || e.hasAttr("hidden")
        || style.contains("display:none") || style.contains("visibility:hidden");
  }

  /** An element's text without the parts of it hidden from readers (screen-reader labels...). */
  static String visibleText(Element element) {
    List<Element> hidden = new ArrayList<>();
    for (Element e : element.getAllElements()) {
      if (e != element && isHidden(e)) {
        hidden.add(e);
      }
    }
    if (hidden.isEmpty()) {
      return element.text().replace('\u00A0', ' ').strip();
    }
    Element copy = element.clone();
    for (Element e : copy.getAllElements()) {
      if (e != copy && e.parent() != null && isHidden(e)) {
        e.remove();
      }
    }
    return copy.text().replace('\u00A0', ' ').strip();
  }

  /** Whether a heading is only a link to the site's home page (a logo, the site's name). */
  private boolean linksHome(Element heading, String text) {
    Element a = heading.selectFirst("a[href]");
    if (a == null || !norm(a.text()).equals(norm(text))) {
      return false;
    }
    if (a.attr("rel").toLowerCase(Locale.ROOT).contains("home")) {
      return true;
    }
    String href = a.absUrl("href");
    if (href.isEmpty()) {
      href = a.attr("href");
    }
    // an archived page's links point into the archive: look at the URL archived
    java.util.regex.Matcher archived = ARCHIVED.matcher(href);
    if (archived.find()) {
      href = archived.group(1);
    }
    try {
      URI u = URI.create(href.strip());
      String path = u.getPath() == null ? "" : u.getPath();
      return (path.isEmpty() || path.equals("/")) && u.getQuery() == null && u.getFragment() == null
          && (u.getHost() == null || pageUrl == null || Objects.equals(host(href), host(pageUrl))
              || ARCHIVED.matcher(pageUrl).find());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a heading is only a link to another page than this one (a teaser). */
  private boolean linksAway(Element heading) {
    Element a = heading.selectFirst("a[href]");
    if (a == null || !norm(a.text()).equals(norm(visibleText(heading)))) {
      return false;
    }
    String target = path(a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href"));
    if (target == null) {
      return false;
    }
    Element canonical = page.selectFirst("link[rel=canonical][href]");
    return !target.equals(path(pageUrl))
        && (canonical == null || !target.equals(path(canonical.absUrl("href"))));
  }

  /** A URL's path without a trailing slash, inside an archive's URL the archived one's; or null. */
  private static String path(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    java.util.regex.Matcher archived = ARCHIVED.matcher(u);
    if (archived.find()) {
      u = archived.group(1);
    }
    try {
      String p = URI.create(u).getPath();
      return p == null ? null : p.replaceFirst("/+$", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static final Pattern ARCHIVED = Pattern.compile("/web/\\d+[a-z_]*/(https?://.*)$");

  private List<String> siteNames() {
    if (siteNames == null) {
      siteNames = new ArrayList<>();
      for (String s : new String[] {ldPublisher, content("og:site_name"),
          content("application-name"), host(pageUrl)}) {
        if (s != null && !s.isBlank()) {
          siteNames.add(s);
        }
      }
    }
    return siteNames;
  }

  private List<String> siteNames;

  /** Whether a text is the site's name: a publisher's or site's name given, or the host's. */
  private boolean namesSite(String text) {
    String joined = String.join("", words(text));
    if (joined.isEmpty()) {
      return false;
    }
    for (String s : siteNames()) {
      if (joined.equals(String.join("", words(s)))) {
        return true;
      }
    }
    String label = hostLabel();
    return label != null && joined.equals(label);
  }

  /** The host's own name: "taz" for www.taz.de, "munich2022" for munich2022.com; or null. */
  private String hostLabel() {
    String h = host(pageUrl);
    if (h == null) {
      return null;
    }
    String[] labels = h.split("\\.");
    if (labels.length < 2) {
      return null;
    }
    String label = labels[labels.length - 2];
    if (label.length() <= 3 && labels.length >= 3) {
      label = labels[labels.length - 3]; // news.example.co.uk
    }
    return String.join("", words(label));
  }

  private static String unescape(String s) {
    return s == null ? null : blankToNull(org.jsoup.parser.Parser.unescapeEntities(s, false));
  }

  private static boolean contains(String outer, String inner) {
    return norm(outer).contains(norm(inner));
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
  }

  private static String collapse(String s) {
    return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
  }

  private static final Pattern BARE_PIPE = Pattern.compile("\\s*[|｜]\\s*");

  /** A title with the site's name cut off: "Story - Site", "Site | Story", "Site|Story". */
  private String withoutSiteName(String title, String h1, boolean byShape) {
    String[] parts = TITLE_SEPARATOR.split(title);
    if (parts.length < 2) {
      String[] bare = BARE_PIPE.split(title);
      if (bare.length == 2) {
        if (isSite(bare[1])) {
          return bare[0].strip();
        }
        if (isSite(bare[0])) {
          return bare[1].strip();
        }
      }
      return title;
    }
    if (h1 != null) {
      for (String p : parts) {
        if (norm(p).equals(norm(h1))) {
          return p.strip();
        }
      }
    }
    String first = parts[0].strip();
    String last = parts[parts.length - 1].strip();
    if (isSite(last) || isHostPart(last)) {
      return title.substring(0, title.length() - suffixLength(title)).strip();
    }
    if (isSite(first)) {
      return title.substring(title.indexOf(parts[1], first.length())).strip();
    }
    // a short last part after a long first one is a site name by its shape
    if (byShape && parts.length == 2 && last.split(" ").length <= 3 && first.length() > 2 * last.length()) {
      return first;
    }
    return title;
  }

  /** Whether a part of a title is the site's name, as given or near it ("Site.de", "Site Online"). */
  private boolean isSite(String part) {
    String p = norm(part);
    if (p.isEmpty()) {
      return false;
    }
    String compact = p.replace(" ", "");
    for (String site : siteNames()) {
      String s = norm(site).replace(" ", "");
      if (p.equals(norm(site)) || compact.equals(s) || s.startsWith(compact)
          || compact.startsWith(s) && compact.length() - s.length() <= 4
          || s.contains(compact) && compact.length() > 3) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a title's last part is a short name (four words at most) that holds the host's own
   * name ("European Championships Munich 2022" on munich2022.com).
   */
  private boolean isHostPart(String part) {
    String label = hostLabel();
    return label != null && label.length() >= 4 && words(part).size() <= 4
        && String.join("", words(part)).contains(label);
  }

  private static int suffixLength(String title) {
    java.util.regex.Matcher m = TITLE_SEPARATOR.matcher(title);
    int lastSep = -1;
    while (m.find()) {
      lastSep = m.start();
    }
    return title.length() - lastSep;
  }

  private OffsetDateTime published(String url) {
    // The date shown beside the headline is what readers (and the pages' annotators) take as the
    // story's date; metadata dates are often the CMS's (a first draft, a re-import) or in UTC
    // where the page shows its local day. A date labelled as an update is not taken for it.
    // The metadata's date-time stays when it is the day shown: it has the time of day. Without a
    // date beside the headline, the page's date line (an element named for a date) is the day shown.
    OffsetDateTime shown = headlineDate();
    if (shown == null) {
      shown = dateLine(); // the page's date line, away from the headline
    }
    OffsetDateTime written = writtenDate(url);
    if (shown == null
        || written != null && written.toLocalDate().equals(shown.toLocalDate())) {
      return written;
    }
    return shown;
  }

  /** The date of publication the page's metadata, URL or labels give, in order of trust. */
  private OffsetDateTime writtenDate(String url) {
    OffsetDateTime d =
        date(
            ldPublished,
            content("article:published_time"),
            content("datePublished"),
            itemprop("datePublished"),
            content("og:published_time"),
            content("published_time"),
            content("pubdate"),
            content("publishdate"),
            content("publish-date"),
            content("article.published"),
            content("parsely-pub-date"),
            content("sailthru.date"),
            content("dc.date.issued"),
            content("dcterms.issued"),
            content("dcterms.created"),
            content("dc.date.created"),
            content("dc.date"),
            content("dcterms.date"),
            content("date"),
            content("citation_publication_date"),
            content("citation_date"),
            content("created"),
            content("uploadDate"),
            content("dateCreated"),
            content("publication_date"),
            content("date_published"),
            content("published-date"),
            content("article_date_original"),
            content("originalpublicationdate"),
            content("rnews:datepublished"),
            content("shareaholic:article_published_time"),
            content("og:article:published_time"),
            ldOtherPublished);
    if (d != null) {
      return d;
    }
    d = timeElement();
    if (d != null) {
      return d;
    }
    d = PageDates.fromUrl(url);
    if (d == null && pageUrl != null && !pageUrl.equals(url)) {
      d = PageDates.fromUrl(pageUrl);
    }
    if (d == null) {
      d = labelledDate();
    }
    if (d == null) {
      d = dateLine();
    }
    if (d == null) {
      d = leadDate();
    }
    if (d == null) {
      d = dateAlone();
    }
    if (d == null) {
      d = scriptDate();
    }
    if (d == null) {
      d = PageDates.inText(page.title());
    }
    return d;
  }

  /** How much text around the headline is looked at for a date written there. */
  private static final int AFTER_HEADLINE = 400;
  private static final int BEFORE_HEADLINE = 150;

  /**
   * A date written next to the headline, as bylines and date lines are ("Von Ann Smith | 31.10.23",
   * "Pressemitteilung vom 25. Januar 2022"): the first in the text that follows it, else in the
   * text just before it (a top line above the headline).
   */
  private OffsetDateTime headlineDate() {
    if (page.body() == null) {
      return null;
    }
    List<org.jsoup.nodes.TextNode> texts = new ArrayList<>();
    org.jsoup.select.NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof org.jsoup.nodes.TextNode t && !t.isBlank()
              && !(t.parent() instanceof Element p && (p.nameIs("script") || p.nameIs("style")))) {
            texts.add(t);
          }
        },
        page.body());
    List<Element> headlines =
        headlineElement != null ? List.of(headlineElement) : page.body().select("h1");
    if (headlines.isEmpty()) {
      headlines = page.body().select("h2");
    }
    for (Element headline : headlines) {
      OffsetDateTime d = besides(headline, texts);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private OffsetDateTime besides(Element headline, List<org.jsoup.nodes.TextNode> texts) {
    int start = -1;
    int end = -1;
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).hasParent() && isInside(texts.get(i), headline)) {
        if (start < 0) {
          start = i;
        }
        end = i;
      }
    }
    if (start < 0) {
      return null;
    }
    int last = end + 1;
    for (int chars = 0; last < texts.size() && chars < AFTER_HEADLINE; last++) {
      chars += texts.get(last).text().length() + 1;
    }
    OffsetDateTime d = shownDate(texts.subList(end + 1, last));
    if (d != null) {
      return d;
    }
    int first = start;
    for (int chars = 0; first > 0 && chars < BEFORE_HEADLINE; first--) {
      chars += texts.get(first - 1).text().length() + 1;
    }
    return shownDate(texts.subList(first, start));
  }

  /**
   * The first date shown in these texts (read together, as a date may be split over elements)
   * that stands as a date line does, and is not labelled as an update's.
   */
  private OffsetDateTime shownDate(List<org.jsoup.nodes.TextNode> texts) {
    StringBuilder all = new StringBuilder();
    int[] starts = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      starts[i] = all.length();
      all.append(texts.get(i).text()).append(' ');
    }
    String text = all.toString();
    PageDates.Found f = PageDates.firstInText(text, 0, monthFirst);
    while (f.date() != null) {
      int at = f.at();
      int node = 0;
      while (node + 1 < starts.length && starts[node + 1] <= at) {
        node++;
      }
      String own = texts.get(node).text();
      if (f.date().getYear() >= EARLIEST_YEAR
          && standsAlone(own, at - starts[node], f.end() - starts[node])
          && !isUpdate(text, at)) {
        return f.date();
      }
      f = PageDates.firstInText(text, at + 1, monthFirst);
    }
    return null;
  }

  /** Longest text a date line or byline is taken to be. */
  private static final int DATE_LINE_LENGTH = 80;

  /** How far into a longer text a date line's date may start ("Pressemitteilung vom ..."). */
  private static final int DATE_LINE_LEAD = 60;

  /** What follows a date line's date: a separator, a quote, a capital, a time, or nothing. */
  private static final Pattern DATE_LINE_TAIL =
      Pattern.compile("\\s*([|–—\\-:,·•/(„“\"«»]|\\d|\\p{Lu}|$).*", Pattern.DOTALL);

  /**
   * Whether a date in a text stands as a date line does: in a short text of its own (a byline, a
   * date line, a caption's top line), or near the start of a longer one and followed by a
   * separator or a time ("Bonn, 11.10.2021 – Die..."). A date inside a sentence ("Am 14. Juni 2005
   * hielt Steve Jobs...", "the show on 21 May 2022 will...") is what the story is about, not when
   * it was written.
   */
  private static boolean standsAlone(String text, int at, int end) {
    if (text.strip().length() <= DATE_LINE_LENGTH) {
      return true;
    }
    return at <= DATE_LINE_LEAD
        && end >= 0
        && end <= text.length()
        && DATE_LINE_TAIL.matcher(text.substring(end)).matches();
  }

  private static final Pattern PUBLISHED_LABEL =
      Pattern.compile(
          "(?i)(veröffentlicht|erschienen|erstellt|publiziert|published|posted|publié|"
              + "mise en ligne|publicado|pubblicato|opublikowano|"
              // Drupal's byline: "Submitted by NAME on DATE", "Gespeichert von NAME am DATE"
              + "(?:submitted by|gespeichert von)\\s+\\S+(?:\\s+\\S+)?(?=\\s+(?:am|on)\\s))"
              + "(\\s+(am|on|le|el|il|vom))?"
              + "\\s*:?\\s*");

  /** A date the page labels as its publication's ("Veröffentlicht am 16.08.2019"). */
  private OffsetDateTime labelledDate() {
    if (page.body() == null) {
      return null;
    }
    String text = page.body().text();
    java.util.regex.Matcher m = PUBLISHED_LABEL.matcher(text);
    while (m.find()) {
      String next = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
      PageDates.Found f = PageDates.firstInText(next, 0, monthFirst);
      OffsetDateTime d = f.date();
      if (d != null && f.at() <= 12) {
        return d;
      }
    }
    return null;
  }

  private static final Pattern UPDATE_LABEL =
      Pattern.compile(
          "(?i)(?<![\\p{L}-])(updated?|aktualisiert|geändert|modified|mis à jour|actualizado)"
              + "(\\s+(am|on|le|el|at))?\\W*$");

  /** Whether the words just before a date in a text say it is an update's. */
  private static boolean isUpdate(String text, int at) {
    String lead = text.substring(Math.max(0, at - 40), Math.max(0, at));
    return UPDATE_LABEL.matcher(lead.replaceAll("[\\d:.,\\s]+$", " ").strip()).find();
  }

  private static boolean isInside(org.jsoup.nodes.Node node, Element ancestor) {
    for (org.jsoup.nodes.Node n = node; n != null; n = n.parent()) {
      if (n == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern DATE_HINT =
      Pattern.compile(
          "(?i)date|datum|time|publish|posted|byline|entry-meta|post-meta|article-meta|"
              + "meta-info|article-info|info|dateline|author");

  /** A date written in the page's date line or byline, the last evidence htmldate trusts. */
  private OffsetDateTime dateLine() {
    for (Element e : page.body() == null ? List.<Element>of() : page.body().getAllElements()) {
      String names = e.className() + " " + e.id();
      if (names.isBlank() || !DATE_HINT.matcher(names).find()
          || names.toLowerCase(Locale.ROOT).contains("comment")
          || names.toLowerCase(Locale.ROOT).contains("update")
          || names.toLowerCase(Locale.ROOT).contains("modif")) {
        continue;
      }
      String text = e.text();
      if (text.isEmpty() || text.length() > 200) {
        continue;
      }
      OffsetDateTime d = PageDates.firstInText(text, 0, monthFirst).date();
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * The date a paragraph of the story opens with, as a news agency's date line does ("27.1.2022 –
   * Bei der...", "Berlin, 11.10.2021: Die..."): the first paragraph whose text starts with a date,
   * or with a place and a date, followed by a separator.
   */
  private OffsetDateTime leadDate() {
    if (page.body() == null) {
      return null;
    }
    for (Element p : page.body().getElementsByTag("p")) {
      String text = p.text();
      PageDates.Found f = PageDates.firstInText(text, 0, monthFirst);
      if (f.date() != null
          && f.date().getYear() >= EARLIEST_YEAR
          && LEAD_PLACE.matcher(text.substring(0, f.at())).matches()
          && LEAD_TAIL.matcher(text.substring(f.end())).matches()) {
        return f.date();
      }
    }
    return null;
  }

  /**
   * A publication date a script's data gives under a key that names it ({@code "datePublished"},
   * {@code "date_published"}, {@code "publishedDate"}, {@code "published_at"}), as htmldate reads
   * such patterns in any script, not only JSON-LD.
   */
  private static final Pattern SCRIPT_PUBLISHED =
      Pattern.compile(
          "\"(?:datePublished|date_published|publishedDate|published_at|publishDate)\"\\s*:\\s*\"("
              + "\\d{4}-\\d{2}-\\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?)\"");

  /** The first publication date the page's scripts give, as {@link #SCRIPT_PUBLISHED} reads. */
  private OffsetDateTime scriptDate() {
    for (Element script : page.select("script")) {
      java.util.regex.Matcher m = SCRIPT_PUBLISHED.matcher(script.data());
      while (m.find()) {
        OffsetDateTime d = date(m.group(1).replace(' ', 'T'));
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /** What may follow a date that stands alone: nothing, or its time of day. */
  private static final Pattern TIME_TAIL =
      Pattern.compile("(?i)\\s*((um|at|à|,|-|–|\\|)?\\s*\\d{1,2}[:.]\\d{2}(:\\d{2})?\\s*(uhr|h|am|pm)?)?\\s*");

  /**
   * The first date that is the whole text of its element, or of a line of it, alone or with its
   * time of day ({@code <span>01.02.2022</span>}, {@code 01.11.2023 11:35}), as htmldate's
   * last search takes a date standing by itself: outside links, navigation, footers, asides and
   * comments, and not labelled as an update's. The last resort before the title.
   */
  private OffsetDateTime dateAlone() {
    if (page.body() == null) {
      return null;
    }
    OffsetDateTime[] found = new OffsetDateTime[1];
    org.jsoup.select.NodeTraversor.filter(
        new org.jsoup.select.NodeFilter() {
          @Override
          public FilterResult head(org.jsoup.nodes.Node node, int depth) {
            if (found[0] != null) {
              return FilterResult.STOP;
            }
            if (node instanceof Element e) {
              String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
              return e.nameIs("script") || e.nameIs("style") || e.nameIs("a") || e.nameIs("nav")
                      || e.nameIs("footer") || e.nameIs("aside") || e.nameIs("select")
                      || names.contains("comment")
                  ? FilterResult.SKIP_ENTIRELY
                  : FilterResult.CONTINUE;
            }
            if (node instanceof org.jsoup.nodes.TextNode t && !t.isBlank()) {
              String text = t.text().strip();
              PageDates.Found f = PageDates.firstInText(text, 0, monthFirst);
              if (f.date() != null
                  && f.at() == 0
                  && f.date().getYear() >= EARLIEST_YEAR
                  && TIME_TAIL.matcher(text.substring(f.end())).matches()
                  && !isUpdate(previousText(t) + ' ', previousText(t).length() + 1)) {
                found[0] = f.date();
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(org.jsoup.nodes.Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        page.body());
    return found[0];
  }

  /** Up to 40 characters of the text before a text node, as the page reads (with a space). */
  private static String previousText(org.jsoup.nodes.TextNode t) {
    StringBuilder before = new StringBuilder();
    for (org.jsoup.nodes.Node n = t; n != null && before.length() < 40; n = n.parent()) {
      for (org.jsoup.nodes.Node s = n.previousSibling();
          s != null && before.length() < 40;
          s = s.previousSibling()) {
        String text =
            s instanceof Element e ? e.text() : s instanceof org.jsoup.nodes.TextNode x ? x.text() : "";
        before.insert(0, text + " ");
      }
    }
    String b = before.toString();
    return b.length() > 40 ? b.substring(b.length() - 40) : b;
  }

  /** What may come before a lead paragraph's date: nothing, or a place and a comma. */
  private static final Pattern LEAD_PLACE = Pattern.compile("(\\p{Lu}[\\p{L} .-]{0,30},)?\\s*");

  /** What follows a lead paragraph's date: a dash or a colon, then the story. */
  private static final Pattern LEAD_TAIL = Pattern.compile("\\s*[–—:-]\\s+\\S.*", Pattern.DOTALL);

  private OffsetDateTime timeElement() {
    Element best = null;
    for (Element t : page.select("time[datetime], [itemprop=datePublished][datetime]")) {
      String hint = (t.attr("itemprop") + " " + t.className() + " " + t.id()).toLowerCase(Locale.ROOT);
      if (t.hasAttr("pubdate") || hint.contains("publish") || hint.contains("datepublished")) {
        best = t;
        break;
      }
      if (best == null && !hint.contains("modif") && !hint.contains("update")
          && t.closest("[class*=comment], [id*=comment], aside, footer") == null) {
        best = t;
      }
    }
    return best == null ? null : date(best.attr("datetime"));
  }

  /** Dates before this year in metadata are a CMS's zero or placeholder, as htmldate holds. */
  private static final int EARLIEST_YEAR = 1995;

  private OffsetDateTime date(String... candidates) {
    for (String c : candidates) {
      if (c == null) {
        continue;
      }
      try {
        OffsetDateTime d = PageDates.parse(c);
        // 1970-01-01 is a zero timestamp, not a date; no web page is older than the web
        if (d != null && d.getYear() >= EARLIEST_YEAR) {
          return d;
        }
      } catch (PageDates.BadDate e) {
        problems.accept(e.getMessage() + " (ignored)");
      }
    }
    return null;
  }

  private List<String> authors() {
    Set<String> out = new LinkedHashSet<>();
    ldAuthors.forEach(a -> add(out, a));
    if (out.isEmpty()) {
      for (String key : new String[] {"author", "article:author", "dc.creator", "dcterms.creator",
          "parsely-author", "sailthru.author", "byl", "citation_author", "twitter:creator"}) {
        for (String a : contents(key)) {
          if (!a.startsWith("http") && !a.startsWith("@")) {
            for (String part : a.split("\\s*(?:;|,| and | und )\\s*")) {
              add(out, part);
            }
          }
        }
        if (!out.isEmpty()) {
          break;
        }
      }
    }
    if (out.isEmpty()) {
      for (Element e : page.select("[itemprop=author] [itemprop=name], [rel=author], "
          + "[itemprop=author]")) {
        add(out, e.text());
        if (!out.isEmpty()) {
          break;
        }
      }
    }
    if (out.isEmpty()) {
      byline(out);
    }
    return List.copyOf(out);
  }

  private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}.'’-]*(\\s+[\\p{L}.'’-]+){0,3}");

  /**
   * The names in the page's byline: the first element named as the author's or the byline
   * ({@code class="author"}, {@code byline}, {@code author-name}) outside comments, whose text is
   * one to four capitalised words or several joined by "and", "und", commas.
   */
  private void byline(Set<String> out) {
    for (Element e : page.select("[class*=author], [class*=byline], [id*=author], [class*=autor]")) {
      if (e.closest("[class*=comment], [id*=comment], footer, nav") != null) {
        continue;
      }
      String text = e.text().strip().replaceFirst("(?i)^(autor(in)?|author|geschrieben von|"
          + "written by|text|von|by|par|door)\\s*:?\\s+", "").replaceAll("[,;|·]+$", "").strip();
      if (text.isEmpty() || text.length() > 60 || text.matches(".*\\d.*")) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (String part : text.split("\\s*(?:;|,|\\s+and\\s+|\\s+und\\s+|\\s+&\\s+)\\s*")) {
        if (!NAME.matcher(part).matches()) {
          names.clear();
          break;
        }
        names.add(part);
      }
      if (!names.isEmpty()) {
        names.forEach(n -> add(out, n));
        return;
      }
    }
  }

  private static void add(java.util.Collection<String> out, String name) {
    if (name == null) {
      return;
    }
    String n = name.strip().replaceFirst("(?i)^(by|von|par|door)\\s+", "")
        .replaceAll("[,;|·]+$", "").strip();
    if (!n.isEmpty() && n.length() <= 100 && !n.startsWith("http")) {
      out.add(n);
    }
  }

  /** Whether the page declares itself in the English of the United States ({@code en-US}). */
  private boolean usEnglish() {
    Element html = page.selectFirst("html");
    String lang =
        first(
            html == null ? null : blankToNull(html.attr("lang")),
            content("og:locale"),
            content("content-language"));
    return lang != null && lang.replace('_', '-').toLowerCase(Locale.ROOT).startsWith("en-us");
  }

  private String language() {
    String lang =
        first(
            ldLanguage,
            page.selectFirst("html") == null ? null : blankToNull(page.selectFirst("html").attr("lang")),
            content("og:locale"),
            content("content-language"),
            content("dc.language"),
            content("language"));
    if (lang == null) {
      return "";
    }
    String primary = lang.split("[-_,; ]")[0].toLowerCase(Locale.ROOT);
    return primary.matches("[a-z]{2,3}") ? primary : "";
  }

  // ---------------------------------------------------------------- helpers

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private String absolute(Element e, String attr) {
    if (e == null) {
      return null;
    }
    String abs = e.absUrl(attr);
    if (abs.isEmpty()) {
      abs = e.attr(attr).strip();
    }
    return abs.startsWith("http://") || abs.startsWith("https://") ? abs : null;
  }

  /** The host of a URL without {@code www.}, or null. */
  static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = URI.create(url.strip()).getHost();
      if (h == null) {
        return null;
      }
      h = h.toLowerCase(Locale.ROOT);
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

package org.dateline.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.dateline.ingest.BlockDecision;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a page's main text, the story without the menus, teasers, share bars and comments around
 * it, in the manner of Readability and trafilatura, in three steps over jsoup's tree:
 *
 * <ol>
 *   <li><b>Clean</b>: elements that never hold the story are removed (scripts, styles, forms'
 *       controls, {@code nav}, {@code aside}, {@code footer}), and so are elements whose class or
 *       id names boilerplate ({@code comment}, {@code sidebar}, {@code related}, {@code share},
 *       {@code newsletter}, {@code author}...) unless it also names content ({@code article},
 *       {@code body}, {@code content}...), and short elements named as a picture's caption or
 *       credit ({@code wp-caption-text}, {@code image-copyright}) whatever else their name says.
 *   <li><b>Find the story's container</b>: a container the page marks as the article body
 *       ({@code itemprop="articleBody"}, {@code entry-content}...) when it holds enough text;
 *       else Readability's scoring: each paragraph adds points (one, one per comma, one per 100
 *       characters up to three) to its parent and half to its grandparent, class and id names
 *       add or take 25, and each container's total is scaled by its share of non-link text; the
 *       best container, with the siblings that score near it or read as paragraphs, is the story,
 *       or, when three of the next best score near it, the ancestor it shares with them (a story
 *       split into sections between pictures and ads). Long paragraphs near it count too (a lede
 *       box, a second column), and a shorter sentence before it (its lede), except after a body
 *       the page marks (there they are bios, teasers, comments) and teasers cut off with an
 *       ellipsis.
 *   <li><b>Keep its blocks</b> (paragraphs, headings, list items, quotes, table rows) except those
 *       that are mostly links, or read as page furniture ("Share", "Read more", "Advertisement",
 *       calls to subscribe or follow, short lines with a copyright sign), the headline ({@code
 *       h1}: it is the title),
 *       the label lines before the story's first sentence and after its last (a byline, a date,
 *       "4 min read"; "Related", "Tagged:"), and headings with nothing left under them.
 * </ol>
 *
 * <p>When the story found is short (under {@value #MIN_TEXT} characters) the page's whole cleaned
 * body is classified block by block instead, jusText's way: long blocks with few links are kept,
 * link lists and short lines dropped, and short lines between kept blocks kept with them.
 *
 * <p>Every block's fate is reported with its reason to the listener given, for debugging.
 * Stateless and thread-safe.
 */
public final class MainText {
  /** Below this many characters the story found is taken as a failure and the fallback runs. */
  public static final int MIN_TEXT = 250;

  private static final Set<String> NEVER_CONTENT =
      Set.of(
          "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object",
          "embed", "button", "input", "select", "textarea", "option", "nav", "aside", "footer",
          "menu", "head", "link", "meta", "audio", "video", "map", "dialog", "label");

  private static final Pattern UNLIKELY =
      Pattern.compile(
          "(?:^|[-_ ])(?:comments?|commentlist|disqus|sidebar|side-bar|related|relatedposts|"
              + "share|sharing|sharedaddy|social|socials|social-links|newsletter|subscribe|"
              + "subscription|cookie|cookies|consent|gdpr|banner|breadcrumbs?|pagination|pager|"
              + "popup|modal|promo|sponsor|sponsored|advert|advertisement|ads?|ad-container|"
              + "outbrain|taboola|navbar|navigation|nav|menu|masthead|footer|"
              + "site-footer|site-header|topbar|toolbar|skip-link|skiplink|screen-reader-text|"
              + "sr-only|print-only|tags|tagcloud|tag-list|post-tags|entry-tags|categories|"
              + "author|authors|author-box|author-bio|authorbox|about-author|byline|meta-info|"
              + "post-meta|entry-meta|article-meta|dateline|timestamp|recommended|recirculation|"
              + "more-stories|most-popular|mostpopular|trending|teaser|teasers|newsticker|"
              + "jp-relatedposts|yarpp|wp-caption-text|caption|credit|rating|vote|"
              + "signup|login|search|searchform|lang-select|language-switcher)(?:$|[-_ ])",
          Pattern.CASE_INSENSITIVE);

  /**
   * Class and id names of pictures' captions, credits and copyright lines, anywhere in the name
   * ({@code icaption}, {@code image-copyright}, {@code head__image-source}): such an element is
   * dropped when it is short, even when its name also says "text" ({@code wp-caption-text}).
   */
  private static final Pattern CREDIT_NAMES =
      Pattern.compile(
          "caption|copyright|credits?(?:$|[-_ ])|image-?source|photo-?source|img-?meta|"
              + "image-?description|imagedescription|bildunterschrift|bildquelle",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MAYBE_CONTENT =
      Pattern.compile(
          "article|body|content|entry|main|post-?text|story|text|blog-post|hentry",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern POSITIVE =
      Pattern.compile(
          "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NEGATIVE =
      Pattern.compile(
          "-ad-|hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|"
              + "media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
              + "sponsor|shopping|tags|tool|widget|nav|menu",
          Pattern.CASE_INSENSITIVE);

  /** Selectors of containers that pages mark as the article's body, most specific first. */
  private static final List<String> BODY_SELECTORS =
      List.of(
          "[itemprop=articleBody]",
          "[class~=(?i)^(article|story|post|entry|news)[-_]?(body|content|text)$]",
          "[id~=(?i)^(article|story|post|entry|news)[-_]?(body|content|text)$]",
          "[class~=(?i)^(entry-content|post-content|article-content|td-post-content)$]",
          "article");

  private static final Pattern FURNITURE =
      Pattern.compile(
          "(?i)^(share( this)?|tweet|print|e-?mail|read more|continue reading|advertisement|"
              + "anzeige|werbung|related( articles| posts| stories)?|comments?|leave a (comment|"
              + "reply)|follow us|subscribe|sign up|back to top|nach oben|teilen|drucken|"
              + "mehr zum thema|weiterlesen|tags?|schlagworte|stichworte|keywords|filed under|"
              + "posted in|categories|kategorien?|you might also like|most popular|"
              + "recommended|loading\\.*|previous|next|zurück|weiter|lesen sie auch|lies auch|"
              + "auch interessant|das könnte (dich|sie) auch interessieren|ähnliche (beiträge|"
              + "artikel)|explore further|weiterführende[rn]? links?|mehr interessantes|"
              + "zobacz (też|także)|reklama|dowiedz się więcej|czytaj (też|także|więcej)|źródło|"
              + "en savoir plus|à découvrir|lire aussi|voir aussi|photograph by|photo:|credit|"
              + "foto:|bild:|beitragsbild|see also|more from|more on this|"
              + "newsletter)\\b.{0,40}$");

  /**
   * The start of a call to the reader (subscribe, sign up, follow us, support us, download the
   * app), in the languages of the pages read most: a page's furniture, never a story's sentence.
   */
  private static final Pattern CALL_TO_ACTION =
      Pattern.compile(
          "(?i)^(subscribe|sign up|follow (us( on| at|[:!]|$)|[\\p{L}@ ]{1,30} on "
              + "(twitter|facebook|instagram))|never miss|don.t miss (out|a story)|download (our|the) [\\p{L} ]{0,20}"
              + "apps?|join our|support (us|our)|for the latest (news|stories)|newsletter|"
              + "abonnier|abonniere|abonnez|folgen? (sie )?uns|unterst\u00FCtze|zum newsletter|"
              + "jetzt (abonnieren|anmelden|registrieren)|melden sie sich|s[i\u00ED]guenos|"
              + "suscr[i\u00ED]b|zapraszamy (do|te\u017C do) subskrypcji)");

  /** A call to the reader is short: at most this many characters. */
  private static final int CALL_MAX = 250;

  /** The end of a teaser: a text cut off with an ellipsis ("..." or "\u2026"). */
  private static final Pattern TEASER_END = Pattern.compile("(?:\\.\\.\\.|\u2026)\\s*$");

  private MainText() {}

  /**
   * Extracts the main text of a page.
   *
   * @param page the parsed page; it is changed (cleaned), so pass a copy to keep the original
   * @param explain where each block's decision goes, or null
   * @return the story's blocks, paragraphs separated by a blank line; empty when none was found
   */
  public static String extract(Document page, Consumer<BlockDecision> explain) {
    Element body = page.body();
    if (body == null) {
      return "";
    }
    List<BlockDecision> removed = new ArrayList<>();
    clean(body, removed);
    List<Block> kept = new ArrayList<>();
    List<BlockDecision> decisions = new ArrayList<>();
    Element story = marked(body);
    boolean marked = story != null;
    String how = "in the page's article body";
    if (story == null) {
      List<Map.Entry<Element, Double>> ranked = candidates(body);
      if (!ranked.isEmpty()) {
        story = sharedAncestor(ranked);
        how = "in the container holding the best-scoring parts of a split story";
        if (story == null) {
          story = ranked.get(0).getKey();
          how = "in the best-scoring container";
        }
      }
    }
    if (story != null) {
      List<Element> parts = withSiblings(story);
      List<Block> all = new ArrayList<>();
      Set<Block> beside = Collections.newSetFromMap(new IdentityHashMap<>());
      boolean seenStory = false;
      for (Block b : Blocks.of(scope(story))) {
        if (inside(b.owner(), parts)) {
          seenStory = true;
          all.add(b);
        } else if ((b.text().length() >= BESIDE_MIN
                || !seenStory && b.text().length() >= LEDE_MIN && sentence(b))
            && b.linkDensity() < 0.2 && furniture(b) == null
            && !(marked && seenStory) && !TEASER_END.matcher(b.text()).find()) {
          // The story split over two containers (a lede box, a second column). Before the story
          // a shorter sentence is its lede; a credit or a label does not end as a sentence. After
          // a body the page marks as the article's, long paragraphs are its author's bio,
          // teasers, comments.
          all.add(b);
          beside.add(b);
        }
      }
      filter(all, how, beside, kept, decisions);
      if (explain != null) {
        for (Block b : Blocks.of(body)) {
          if (!inside(b.owner(), parts) && !beside.contains(b)) {
            decisions.add(new BlockDecision(b.text(), false, "outside the story's container"));
          }
        }
      }
    }
    if (length(kept) < MIN_TEXT) {
      List<Block> keptFallback = new ArrayList<>();
      List<BlockDecision> decisionsFallback = new ArrayList<>();
      classify(Blocks.of(body), keptFallback, decisionsFallback);
      if (length(keptFallback) > length(kept)) {
        kept = keptFallback;
        decisions = decisionsFallback;
      }
    }
    if (explain != null) {
      removed.forEach(explain);
      decisions.forEach(explain);
    }
    StringBuilder text = new StringBuilder();
    for (Block b : kept) {
      if (!text.isEmpty()) {
        text.append(b.tag().equals("li") || b.tag().equals("tr") ? "\n" : "\n\n");
      }
      text.append(b.text());
    }
    return text.toString();
  }

  /**
   * The page's text without extraction: every block of its body, scripts and styles left out.
   *
   * @param page the parsed page
   * @return the text, blocks separated by a blank line
   */
  public static String whole(Document page) {
    Element body = page.body();
    if (body == null) {
      return "";
    }
    body.select("script, style, noscript, template, svg").remove();
    StringBuilder text = new StringBuilder();
    for (Block b : Blocks.of(body)) {
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append(b.text());
    }
    return text.toString();
  }

  /** Paragraphs at least this long near the story's container are taken as more of the story. */
  private static final int BESIDE_MIN = 100;

  /** A sentence at least this long before the story's container is its lede. */
  private static final int LEDE_MIN = 60;

  /** Where paragraphs beside the story's container are looked for: five levels up, not the body. */
  private static Element scope(Element story) {
    Element scope = story;
    for (int i = 0; i < 5; i++) {
      Element up = scope.parent();
      if (up == null || up.normalName().equals("body") || up.normalName().equals("html")) {
        break;
      }
      scope = up;
    }
    return scope;
  }

  private static boolean inside(Element e, List<Element> parts) {
    for (Element p = e; p != null; p = p.parent()) {
      for (Element part : parts) {
        if (p == part) {
          return true;
        }
      }
    }
    return false;
  }

  private static int length(List<Block> blocks) {
    int n = 0;
    for (Block b : blocks) {
      n += b.text().length();
    }
    return n;
  }

  /** Removes what never holds the story. */
  static void clean(Element body, List<BlockDecision> removed) {
    int pageText = paragraphText(body);
    for (Element e : body.getAllElements()) {
      if (e == body || e.parent() == null) {
        continue; // removed with an ancestor
      }
      String tag = e.normalName();
      if (NEVER_CONTENT.contains(tag)) {
        drop(e, "<" + tag + ">, never the story", removed);
        continue;
      }
      if (tag.equals("html") || tag.equals("article") || tag.equals("main")) {
        continue;
      }
      String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
      if (style.contains("display:none") || style.contains("visibility:hidden")
          || e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")) {
        drop(e, "hidden <" + tag + ">", removed);
        continue;
      }
      String role = e.attr("role").toLowerCase(Locale.ROOT);
      if (role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo")
          || role.equals("banner") || role.equals("menu") || role.equals("dialog")) {
        drop(e, "role " + role, removed);
        continue;
      }
      String names = names(e);
      if (!names.isEmpty() && CREDIT_NAMES.matcher(names).find()
          && e.text().length() < CREDIT_MAX && !holdsStory(e, pageText)) {
        drop(e, "in <" + tag + " " + names + ">, a picture's caption or credit by its name",
            removed);
        continue;
      }
      // "hidden" as a whole class, not "hidden-xs" (hidden on phones) or "label-hidden"
      if (!names.isEmpty() && (UNLIKELY.matcher(names).find() || e.classNames().contains("hidden"))
          && !MAYBE_CONTENT.matcher(names).find()
          && !holdsStory(e, pageText)) {
        drop(e, "in <" + tag + " " + names + ">, boilerplate by its name", removed);
      }
    }
  }

  private static void drop(Element e, String reason, List<BlockDecision> removed) {
    String text = e.normalName().equals("script") || e.normalName().equals("style") ? "" : e.text();
    if (!text.isEmpty()) {
      removed.add(new BlockDecision(text, false, reason));
    }
    e.remove();
  }

  /**
   * Whether an element named like boilerplate wraps the story after all: page layouts name their
   * outer wrappers after the menu or header they also hold.
   */
  private static boolean holdsStory(Element e, int pageText) {
    if (e.selectFirst(
            "article, main, h1, [itemprop=articleBody], .hentry, .h-entry, .entry-content,"
                + " .post-body, .post-content, .article-body, .article-content, .story-body")
        != null) {
      return true;
    }
    return pageText > 0 && paragraphText(e) >= 0.5 * pageText;
  }

  /** The length of the text in an element's long paragraphs, where stories are written. */
  private static int paragraphText(Element e) {
    int n = 0;
    for (Element p : e.getElementsByTag("p")) {
      int len = p.text().length();
      if (len >= 100) {
        n += len;
      }
    }
    return n;
  }

  private static String names(Element e) {
    String c = e.className();
    String id = e.id();
    return c.isEmpty() ? id : id.isEmpty() ? c : c + " " + id;
  }

  /** A container the page marks as its article body, when it holds enough text. */
  private static Element marked(Element body) {
    for (String selector : BODY_SELECTORS) {
      Element best = null;
      int bestLength = 0;
      for (Element e : body.select(selector)) {
        int n = textLength(e);
        if (n > bestLength) {
          best = e;
          bestLength = n;
        }
      }
      if (best != null && bestLength >= MIN_TEXT * 2) {
        return best;
      }
    }
    return null;
  }

  private static int textLength(Element e) {
    int n = 0;
    for (Block b : Blocks.of(e)) {
      n += b.text().length() - b.linkChars();
    }
    return n;
  }

  /** Readability's candidate scoring: the containers that scored, best first. */
  private static List<Map.Entry<Element, Double>> candidates(Element body) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Block b : Blocks.of(body)) {
      String t = b.text();
      if (t.length() < 25 || b.heading()) {
        continue;
      }
      double score = 1 + count(t, ',') + Math.min(t.length() / 100, 3);
      Element parent = b.tag().equals("p") || b.tag().equals("pre") || b.tag().equals("li")
          || b.tag().equals("tr") || b.tag().equals("blockquote")
          ? b.owner().parent()
          : b.owner();
      Element ancestor = parent;
      for (int level = 0; ancestor != null && level < 4; level++) {
        if (ancestor.normalName().equals("html")) {
          break;
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        scores.merge(ancestor, score / divider, Double::sum);
        ancestor = ancestor.parent();
      }
    }
    List<Map.Entry<Element, Double>> ranked = new ArrayList<>();
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      Element el = e.getKey();
      double s = (e.getValue() + initial(el)) * (1 - linkDensity(el));
      if (s > 0) {
        ranked.add(Map.entry(el, s));
      }
    }
    // Best first; equal scores in document order, so the choice does not depend on hashing.
    List<Element> order = body.getAllElements();
    Map<Element, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    ranked.sort(
        Map.Entry.<Element, Double>comparingByValue()
            .reversed()
            .thenComparing(e -> position.getOrDefault(e.getKey(), Integer.MAX_VALUE)));
    return ranked;
  }

  /** How many of the best-scoring containers, after the best, are looked at for a split story. */
  private static final int TOP_CANDIDATES = 5;

  /** How many near-best containers one ancestor must hold to be taken for the story's. */
  private static final int SPLIT_PARTS = 3;

  /**
   * Readability's rule for a story split over several containers (sections between figures and
   * ads): when at least {@value #SPLIT_PARTS} of the next best containers score at least three
   * quarters of the best one's, and one ancestor of the best holds that many of them, that
   * ancestor is the story's container.
   */
  private static Element sharedAncestor(List<Map.Entry<Element, Double>> ranked) {
    Element best = ranked.get(0).getKey();
    double top = ranked.get(0).getValue();
    List<Element> near = new ArrayList<>();
    for (int i = 1; i < Math.min(ranked.size(), TOP_CANDIDATES + 1); i++) {
      if (ranked.get(i).getValue() >= 0.75 * top) {
        near.add(ranked.get(i).getKey());
      }
    }
    if (near.size() < SPLIT_PARTS) {
      return null;
    }
    for (Element up = best.parent(); up != null && !up.normalName().equals("body")
        && !up.normalName().equals("html"); up = up.parent()) {
      int holds = 0;
      for (Element e : near) {
        if (e != up && isAncestor(up, e)) {
          holds++;
        }
      }
      if (holds >= SPLIT_PARTS) {
        return up;
      }
    }
    return null;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static double initial(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    String names = names(e);
    if (!names.isEmpty()) {
      if (NEGATIVE.matcher(names).find()) {
        s -= 25;
      }
      if (POSITIVE.matcher(names).find()) {
        s += 25;
      }
    }
    return s;
  }

  private static double linkDensity(Element e) {
    int all = 0;
    int links = 0;
    for (Block b : Blocks.of(e)) {
      all += b.text().length();
      links += b.linkChars();
    }
    return all == 0 ? 0 : (double) links / all;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** The story's container and the siblings that read as more of the story. */
  private static List<Element> withSiblings(Element story) {
    Element parent = story.parent();
    if (parent == null || story.normalName().equals("body")) {
      return List.of(story);
    }
    List<Element> parts = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == story) {
        parts.add(sibling);
        continue;
      }
      String tag = sibling.normalName();
      if (!tag.equals("p") && paragraphText(sibling) >= Math.max(300, 0.3 * paragraphText(story))
          && linkDensity(sibling) < 0.25) {
        parts.add(sibling); // a second column of the story's paragraphs
      } else if (tag.equals("p")) {
        String t = sibling.text();
        double ld = linkDensity(sibling);
        if (t.length() > 80 && ld < 0.25 || t.length() > 0 && ld == 0 && t.matches(".*\\.( |$).*")) {
          parts.add(sibling);
        }
      }
    }
    return parts;
  }

  /**
   * Keeps the blocks of the story's container that are not links or page furniture, then drops
   * the short lines that end it without ending a sentence ("Related", "Tagged:", "Explore
   * further"): a story ends with its last sentence.
   */
  private static void filter(
      List<Block> blocks,
      String how,
      Set<Block> beside,
      List<Block> kept,
      List<BlockDecision> decisions) {
    List<Block> candidates = new ArrayList<>();
    List<BlockDecision> reasons = new ArrayList<>();
    for (Block b : blocks) {
      String why = furniture(b);
      if (why == null) {
        candidates.add(b);
        reasons.add(
            new BlockDecision(
                b.text(),
                true,
                !beside.contains(b)
                    ? b.tag() + " " + how
                    : b.text().length() >= BESIDE_MIN
                        ? "long paragraph beside the story's container"
                        : "sentence before the story's container, its lede"));
      } else {
        decisions.add(new BlockDecision(b.text(), false, why));
      }
    }
    int end = candidates.size();
    while (end > 0 && trailing(candidates.get(end - 1))) {
      end--;
    }
    int start = 0;
    while (start < end && !opening(candidates.get(start))) {
      start++;
    }
    if (start == end) {
      start = 0; // no paragraph reads as the story's first: keep what there is
    }
    for (int i = 0; i < candidates.size(); i++) {
      Block b = candidates.get(i);
      if (b.tag().equals("h1")) {
        // The headline is the article's title (metadata), not a line of its text; sites also use
        // h1 for their name or a donation box's call, seldom for a section of the story.
        decisions.add(new BlockDecision(b.text(), false, "h1, the page's headline, not its text"));
      } else if (i < start && label(b)) {
        decisions.add(new BlockDecision(b.text(), false, "short line before the story's start"));
      } else if (i < end && empty(candidates, i, end)) {
        decisions.add(new BlockDecision(b.text(), false, "heading with no text under it"));
      } else if (i < end) {
        kept.add(b);
        decisions.add(reasons.get(i));
      } else {
        decisions.add(
            new BlockDecision(candidates.get(i).text(), false, "short line after the story's end"));
      }
    }
  }

  /**
   * Whether a heading's section is empty: the next block kept is a heading of the same or a higher
   * rank ("Related posts" whose links were dropped, then the next section's heading).
   */
  private static boolean empty(List<Block> blocks, int i, int end) {
    Block b = blocks.get(i);
    if (!b.heading() || i + 1 >= end) {
      return false;
    }
    Block next = blocks.get(i + 1);
    return next.heading() && next.tag().compareTo(b.tag()) <= 0;
  }

  /**
   * Whether a block before the story's first paragraph reads as a label of the page (a byline, a
   * date, "4 min read", a picture credit) rather than a heading, a list or a verse of the story.
   */
  private static boolean label(Block b) {
    return !b.heading() && !b.tag().equals("li") && !b.tag().equals("tr")
        && b.text().indexOf('\n') < 0 && trailing(b);
  }

  /**
   * Whether a block reads as the start of the story: a sentence of some length, or a section
   * heading (the headline, an {@code h1}, does not start it).
   */
  private static boolean opening(Block b) {
    return b.heading() ? !b.tag().equals("h1") : !trailing(b);
  }

  /** Whether a block ends as a sentence does, and is no heading. */
  private static boolean sentence(Block b) {
    String t = b.text();
    return !b.heading() && ".!?\"\u201C\u201D\u00BB\u2026".indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  /** Whether a block at the end of the story reads as a label rather than a sentence. */
  private static boolean trailing(Block b) {
    String t = b.text();
    if (b.heading()) {
      return true;
    }
    if (t.length() >= 60) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return ".!?\"\u201C\u201D\u00BB)\u2026".indexOf(last) < 0;
  }

  /** Blocks shorter than this that hold a copyright sign are credits or copyright lines. */
  private static final int CREDIT_MAX = 200;

  /** Why a block of the story's container is page furniture, or null when it is text. */
  private static String furniture(Block b) {
    double ld = b.linkDensity();
    int n = b.text().length();
    if (ld > 0.5 && !b.tag().equals("p") && n < 300 || ld > 0.8) {
      return String.format(Locale.ROOT, "link density %.2f", ld);
    }
    if (n < 60 && FURNITURE.matcher(b.text()).matches()) {
      return "page furniture";
    }
    if (b.tag().equals("figcaption") || b.owner().closest("figcaption") != null) {
      return "picture caption";
    }
    if (n < CALL_MAX && !b.heading() && CALL_TO_ACTION.matcher(b.text()).find()) {
      return "a call to subscribe, follow or support";
    }
    if (n < CREDIT_MAX && b.text().indexOf('\u00A9') >= 0) {
      // A story's sentences do not carry the copyright sign; credits and copyright lines do.
      return "copyright line or picture credit (\u00A9)";
    }
    return null;
  }

  /** jusText's way, for pages where no container stands out. */
  private static void classify(List<Block> blocks, List<Block> kept, List<BlockDecision> out) {
    int size = blocks.size();
    String[] cls = new String[size];
    for (int i = 0; i < size; i++) {
      Block b = blocks.get(i);
      double ld = b.linkDensity();
      int n = b.text().length();
      if (ld > 0.4) {
        cls[i] = "bad";
      } else if (n < 50 || furniture(b) != null) {
        cls[i] = "short";
      } else if (n >= 120 || count(b.text(), ' ') >= 15) {
        cls[i] = "good";
      } else {
        cls[i] = "near";
      }
    }
    for (int i = 0; i < size; i++) {
      Block b = blocks.get(i);
      boolean keep;
      String why;
      switch (cls[i]) {
        case "good" -> {
          keep = true;
          why = "long text with few links";
        }
        case "bad" -> {
          keep = false;
          why = String.format(Locale.ROOT, "link density %.2f", b.linkDensity());
        }
        default -> {
          boolean prev = neighbourGood(cls, i, -1);
          boolean next = neighbourGood(cls, i, 1);
          keep = cls[i].equals("near") ? prev || next : prev && next;
          why = keep ? "short, between story paragraphs" : "short, away from story paragraphs";
        }
      }
      if (keep) {
        kept.add(b);
      }
      out.add(new BlockDecision(b.text(), keep, why + " (whole-page fallback)"));
    }
  }

  private static boolean neighbourGood(String[] cls, int i, int step) {
    for (int j = i + step; j >= 0 && j < cls.length; j += step) {
      if (cls[j].equals("good")) {
        return true;
      }
      if (cls[j].equals("bad")) {
        return false;
      }
    }
    return false;
  }
}

package org.dateline.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Trims the debris a scraped web page leaves in a plain-text article: the recirculation block after
 * the story (teaser headlines, summaries cut off with "...", "Related" and "Most Popular" headings,
 * deal alerts, affiliate and comment notices, an author's bio), a teaser block dropped into the
 * middle of the story, and the photo credits and bylines bars around the headline.
 *
 * <p>The text is cut into blocks: each line, or for hard-wrapped text (Reuters wire copy, e-mail)
 * each paragraph, so that a wrapped line is never taken for a headline. Each block gets a shape
 * from its own text: <em>prose</em> (a sentence of four or more words, or 25 words whatever its
 * end), <em>short</em> (a headline, label or caption: no sentence end), <em>cut</em> (a summary of
 * at most 35 words ending in "..." or "…"), <em>data</em> (a table row: a word in six or more holds
 * a digit, or columns set apart by runs of spaces), <em>list</em> (an item with a bullet),
 * <em>rule</em> (no letters or digits), and three shapes of page furniture recognised by the
 * generic words of the web rather than by any site's: <em>heading</em> (a recirculation heading
 * alone, such as "Related" or "You might also like"), <em>credit</em> (a photo credit, or a bar of
 * bylines and sections between {@code |} separators) and <em>notice</em> (an affiliate disclosure,
 * a comment, follow or sign-up invitation, a copyright line).
 *
 * <p>Then position decides:
 *
 * <ul>
 *   <li><b>The tail</b>: the longest run of blocks at the end of the text, after the first prose
 *       block, that starts with a non-prose block, holds no table or list (two rows or items in a
 *       row) and no two prose blocks in a row, has at least three times as many debris blocks as
 *       prose blocks, and shows it is furniture: a notice, or a cut summary or heading with at
 *       least one more of those or of teaser headlines (short blocks of four words or more). Such a
 *       run is a recirculation block: a story's own paragraphs come in a row, while teasers
 *       alternate headlines and summaries. A wire story's sign-off ("Reuter"), a closing quote that
 *       trails off, fixture lists and result tables do not make one.
 *   <li><b>Inside the story</b>: a paragraph of its own with two or more lines, none of them prose,
 *       table or list, that holds a heading or a cut summary, with prose after it (a "Related" link
 *       between two paragraphs).
 *   <li><b>Before the story</b>: recirculation headings ("More like this").
 *   <li><b>Anywhere</b>: credits and rules standing alone.
 * </ul>
 *
 * Everything else is kept. A dropped block is dropped whole; the lines kept keep their paragraphs.
 */
final class ScrapedText {
  private ScrapedText() {}

  /** What a block looks like. */
  enum Shape {
    PROSE,
    SHORT,
    CUT,
    DATA,
    LIST,
    RULE,
    HEADING,
    CREDIT,
    NOTICE;

    /** Whether the shape is page furniture, by itself or in a recirculation block. */
    boolean debris() {
      return this == SHORT
          || this == CUT
          || this == RULE
          || this == HEADING
          || this == CREDIT
          || this == NOTICE;
    }
  }

  /** A prose block has at least this many words when it ends like a sentence. */
  private static final int PROSE_WORDS = 4;

  /** A block this long is prose however it ends. */
  private static final int LONG_WORDS = 25;

  /** Furniture phrases (headings, credits, notices) are short; longer blocks are story text. */
  private static final int FURNITURE_WORDS = 12;

  /** Notices run to a sentence or two. */
  private static final int NOTICE_WORDS = 40;

  /** A short block of this many words may be a teaser's headline. */
  private static final int HEADLINE_WORDS = 4;

  /** A summary cut off with an ellipsis is a teaser up to this length. */
  private static final int CUT_WORDS = 35;

  /** A line of hard-wrapped text is at most this long... */
  private static final int WRAP_MAX = 100;

  /** ...and a wrapped text has lines this long that go on to the next line. */
  private static final int WRAP_MIN = 50;

  private static final String CLOSERS = "\"'\u201D\u2019\u00BB)]";

  /** Columns set apart with runs of spaces: a table row. */
  private static final Pattern COLUMNS = Pattern.compile("\\S {3,}\\S");

  private static final Pattern BULLET =
      Pattern.compile("^(?:--|[-*\u2022\u00B7\u2013\u2014\u25AA\u25BA>]\\s|\\d{1,2}[.)]\\s)");

  /** Recirculation headings: a block that is only one of these (and a colon or arrow). */
  private static final Pattern HEADING =
      Pattern.compile(
          "(?:related(?: (?:stories|articles|content|coverage|links|posts|news|topics|reading|"
              + "videos))?"
              + "|more (?:like this|stories|news|articles|on this(?: story| topic)?)"
              + "|more from [\\p{L} .&'-]{1,40}"
              + "|(?:the )?most (?:popular|read|viewed|shared|emailed|commented)"
              + "|you (?:might|may) (?:also )?(?:like|enjoy)|you might also be interested in"
              + "|recommended(?: for you| stories| reading| articles)?|we recommend"
              + "|read (?:more|next|also|this next)|also read|see also|further reading"
              + "|(?:trending|popular|featured)(?: now| today| stories| articles| content|"
              + " resources| posts)?"
              + "|top (?:stories|news|headlines)|latest (?:news|stories|headlines|articles)"
              + "|editor'?s'? picks|don'?t miss|in case you missed it|around the web"
              + "|from (?:around )?the web|sponsored(?: content| stories| links)?"
              + "|promoted(?: stories| content)?|advertisement|partner content|learn more)"
              + "\\s*[:>\u00BB\u203A]?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * Photo credits: "Credit: ...", "Photo: ...", "Image courtesy of ...", an agency's photo line.
   */
  private static final Pattern CREDIT =
      Pattern.compile(
          "(?:(?:photo(?:graph)?|picture|image|illustration|graphic|video)s?"
              + "(?:\\s*(?:credit|by|via|courtesy(?: of)?))?\\s*[:|/\u2013\u2014-].*"
              + "|(?:photo(?:graph)?|picture|image|illustration)s? (?:by|via|courtesy of|credit) .*"
              + "|(?:credit|courtesy)s?\\s*[:|].*"
              + "|.*(?:getty images|shutterstock|alamy|\\b(?:ap|afp|epa|pa) photo)\\)?)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A bar of bylines, sections or reading times: short items between '|' separators. */
  private static final Pattern BAR = Pattern.compile("^\\|.*|.*\\|$|[^|.!?]+(?: \\| [^|.!?]+)+");

  /** Disclosures and invitations that pages append to every story. */
  private static final Pattern NOTICE =
      Pattern.compile(
          "(?:.*\\baffiliate (?:links?|commissions?|partners?|programs?)\\b.*"
              + "|.*\\b(?:earn|receive|get|make) (?:a )?(?:small )?commission\\b.*"
              + "|.*\\bcomment on this (?:article|story|post)\\b.*"
              + "|.*\\b(?:leave|post) a comment\\b.*"
              + "|.*\\b(?:follow|find|join|like) us (?:on|at)\\b.*"
              + "|(?:follow|subscribe to|sign up for|share this)\\b.{0,60}"
              + "|.*\\ball rights reserved\\b.*|(?:\u00A9|copyright\\b).{0,80})",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

  /** One block: the lines it spans (end exclusive), its text and its shape. */
  record Block(int first, int end, String text, Shape shape, int paragraph) {}

  /** The outcome: the lines kept, and each block's decision in the order of the text. */
  record Trimmed(List<String> lines, List<BlockDecision> decisions) {}

  /**
   * Trims a body given as lines, paragraphs kept apart by one empty line (as the text reader lays
   * them out).
   *
   * @param lines the body's lines
   * @param options whether to trim at all, and where to report each block's decision
   * @return the lines kept, laid out the same way
   */
  static List<String> trim(List<String> lines, ReadOptions options) {
    Trimmed t = analyse(lines);
    for (BlockDecision d : t.decisions()) {
      options.report(
          options.keepBoilerplate() && !d.kept()
              ? new BlockDecision(
                  d.text(), true, "kept whole (keep boilerplate); else " + d.reason())
              : d);
    }
    return options.keepBoilerplate() ? lines : t.lines();
  }

  /** Works out what to keep, without reporting. */
  static Trimmed analyse(List<String> lines) {
    List<Block> blocks = blocks(lines);
    String[] dropped = new String[blocks.size()];
    int firstProse = -1;
    int lastProse = -1;
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).shape() == Shape.PROSE) {
        firstProse = firstProse < 0 ? i : firstProse;
        lastProse = i;
      }
    }
    if (firstProse >= 0) {
      int tail = tailStart(blocks, firstProse);
      for (int i = tail; i < blocks.size(); i++) {
        dropped[i] = "recirculation block after the story";
      }
      markInline(blocks, firstProse, Math.min(lastProse, tail), dropped);
    }
    for (int i = 0; i < blocks.size(); i++) {
      Shape s = blocks.get(i).shape();
      if (dropped[i] == null && s == Shape.HEADING && (firstProse < 0 || i < firstProse)) {
        dropped[i] = "recirculation heading before the story";
      }
      if (dropped[i] == null && (s == Shape.CREDIT || s == Shape.RULE)) {
        dropped[i] = s == Shape.CREDIT ? "credit or byline bar standing alone" : "no words";
      }
    }

    List<BlockDecision> decisions = new ArrayList<>();
    boolean[] keepLine = new boolean[lines.size()];
    Arrays.fill(keepLine, true);
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      boolean kept = dropped[i] == null;
      decisions.add(
          new BlockDecision(
              b.text(), kept, kept ? "story text (" + name(b.shape()) + ")" : dropped[i]));
      if (!kept) {
        for (int l = b.first(); l < b.end(); l++) {
          keepLine[l] = false;
        }
      }
    }
    List<String> kept = new ArrayList<>();
    for (int l = 0; l < lines.size(); l++) {
      if (keepLine[l]) {
        kept.add(lines.get(l));
      }
    }
    return new Trimmed(TextArticles.paragraphs(kept), decisions);
  }

  private static String name(Shape s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Where the recirculation block at the end starts, or the number of blocks when there is none.
   */
  private static int tailStart(List<Block> blocks, int firstProse) {
    int start = blocks.size();
    int debris = 0;
    int prose = 0;
    int furniture = 0;
    boolean notice = false;
    int headlines = 0;
    Shape after = null;
    for (int i = blocks.size() - 1; i > firstProse; i--) {
      Block b = blocks.get(i);
      Shape s = b.shape();
      if (s == Shape.DATA || s == Shape.LIST) {
        if (sameShape(blocks, i - 1, s) || sameShape(blocks, i + 1, s)) {
          break; // a table or a list: the story's
        }
        continue; // a teaser with a figure in it, or a figure between teasers: neither way
      }
      if (s == Shape.PROSE) {
        if (after == Shape.PROSE) {
          break; // two sentences in a row: the story
        }
        after = s;
        prose++;
        continue;
      }
      after = s;
      debris++;
      furniture += s == Shape.CUT || s == Shape.HEADING ? 1 : 0;
      notice |= s == Shape.NOTICE;
      headlines += s == Shape.SHORT && b.text().split("\\s+").length >= HEADLINE_WORDS ? 1 : 0;
      boolean evidence = notice || furniture >= 1 && furniture + headlines >= 2;
      if (evidence && debris >= 3 * prose) {
        start = i;
      }
    }
    return start;
  }

  private static boolean sameShape(List<Block> blocks, int i, Shape shape) {
    return i >= 0 && i < blocks.size() && blocks.get(i).shape() == shape;
  }

  /**
   * Marks the teaser blocks inside the story: paragraphs of two or more lines, none of them prose,
   * with a heading or a cut summary among them, between prose blocks.
   */
  private static void markInline(List<Block> blocks, int from, int to, String[] dropped) {
    int i = from + 1;
    while (i < to) {
      int p = blocks.get(i).paragraph();
      int j = i;
      boolean allDebris = true;
      boolean furniture = false;
      while (j < to && blocks.get(j).paragraph() == p) {
        Shape s = blocks.get(j).shape();
        allDebris &= s.debris();
        furniture |= s == Shape.HEADING || s == Shape.CUT;
        j++;
      }
      boolean ownParagraph = i == 0 || blocks.get(i - 1).paragraph() != p;
      if (ownParagraph && j - i >= 2 && allDebris && furniture && j < to) {
        for (int k = i; k < j; k++) {
          dropped[k] = "teaser block inside the story";
        }
      }
      i = j;
    }
  }

  /** Cuts the lines into blocks: one per line, or one per paragraph for hard-wrapped text. */
  static List<Block> blocks(List<String> lines) {
    boolean wrapped = wrapped(lines);
    List<Block> blocks = new ArrayList<>();
    int paragraph = 0;
    int start = -1;
    for (int l = 0; l <= lines.size(); l++) {
      String s = l < lines.size() ? lines.get(l) : "";
      boolean blank = s.isBlank();
      boolean indented = !blank && Character.isWhitespace(s.charAt(0));
      if (start >= 0 && (blank || !wrapped || indented)) {
        blocks.add(block(lines, start, l, paragraph));
        start = -1;
      }
      if (blank) {
        paragraph++;
      } else if (start < 0) {
        if (wrapped && indented && !blocks.isEmpty()) {
          paragraph++;
        }
        start = l;
      }
    }
    return blocks;
  }

  private static Block block(List<String> lines, int first, int end, int paragraph) {
    StringBuilder sb = new StringBuilder();
    for (int l = first; l < end; l++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(lines.get(l).strip());
    }
    String text = sb.toString();
    return new Block(first, end, text, shape(text), paragraph);
  }

  /**
   * Whether the text is hard-wrapped: no line longer than a terminal's, and lines near that width
   * that run on into the next line.
   */
  private static boolean wrapped(List<String> lines) {
    int runOn = 0;
    for (int l = 0; l < lines.size(); l++) {
      String s = lines.get(l).strip();
      if (s.length() > WRAP_MAX) {
        return false;
      }
      boolean next = l + 1 < lines.size() && !lines.get(l + 1).isBlank();
      if (next && s.length() >= WRAP_MIN) {
        runOn++;
      }
    }
    return runOn >= 2;
  }

  /** The shape of one block of text. */
  static Shape shape(String text) {
    String s = text.strip();
    boolean letters = false;
    boolean digits = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      letters |= Character.isLetter(c);
      digits |= Character.isDigit(c);
    }
    if (!letters) {
      return digits ? Shape.DATA : Shape.RULE;
    }
    String[] words = s.split("\\s+");
    int numeric = 0;
    for (String w : words) {
      if (w.chars().anyMatch(Character::isDigit)) {
        numeric++;
      }
    }
    if (BULLET.matcher(s).find()) {
      return Shape.LIST;
    }
    if (words.length <= FURNITURE_WORDS) {
      if (HEADING.matcher(s).matches()) {
        return Shape.HEADING;
      }
      if (CREDIT.matcher(s).matches() || BAR.matcher(s).matches()) {
        return Shape.CREDIT;
      }
    }
    if (words.length <= NOTICE_WORDS && NOTICE.matcher(s).matches()) {
      return Shape.NOTICE;
    }
    if (numeric * 6 >= words.length || COLUMNS.matcher(s).find()) {
      return Shape.DATA;
    }
    int end = s.length();
    while (end > 0 && CLOSERS.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    String body = s.substring(0, end);
    if (body.endsWith("...") || body.endsWith("\u2026")) {
      if (words.length > CUT_WORDS) {
        return Shape.PROSE; // a paragraph of the story that breaks off
      }
      return words.length >= 3 ? Shape.CUT : Shape.SHORT;
    }
    if (words.length >= LONG_WORDS) {
      return Shape.PROSE;
    }
    boolean sentence = !body.isEmpty() && ".!?:;".indexOf(body.charAt(body.length() - 1)) >= 0;
    return sentence && words.length >= PROSE_WORDS ? Shape.PROSE : Shape.SHORT;
  }
}

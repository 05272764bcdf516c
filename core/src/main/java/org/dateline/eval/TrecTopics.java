package org.dateline.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dateline.ingest.CorpusFormatException;

/**
 * Reads topic files in the two forms TREC collections use.
 *
 * <ul>
 *   <li>{@code <DOC><DOCNO> 1 </DOCNO> text </DOC>}, as CACM's {@code topics.cacm.txt}: the whole
 *       text is the topic.
 *   <li>Classic TREC {@code <top> <num> Number: 301 <title> ... <desc> ... <narr> ... </top>},
 *       whose closing tags are often missing: the title is the topic, as in the usual "title" runs.
 * </ul>
 */
public final class TrecTopics {
  private static final Pattern DOC =
      Pattern.compile(
          "<DOC>\\s*<DOCNO>(.*?)</DOCNO>(.*?)</DOC>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern TOP =
      Pattern.compile("<top>(.*?)</top>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern NUM =
      Pattern.compile("<num>\\s*(?:Number:)?\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE =
      Pattern.compile(
          "<title>\\s*(?:Topic:)?(.*?)(?=<desc>|<narr>|</title>|$)",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private TrecTopics() {}

  /**
   * Reads a topic file (UTF-8).
   *
   * @param file the file
   * @return the topics in file order
   * @throws CorpusFormatException when the file holds neither form, a topic has no id or text, or
   *     an id repeats
   * @throws IOException when the file cannot be read
   */
  public static List<Topic> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file);
  }

  /**
   * Parses topic text.
   *
   * @param text the file's content
   * @return the topics in order
   * @throws CorpusFormatException when the text holds neither form or a topic is malformed
   */
  public static List<Topic> parse(String text) throws CorpusFormatException {
    return parse(text, null);
  }

  private static List<Topic> parse(String text, Path file) throws CorpusFormatException {
    List<Topic> topics = new ArrayList<>();
    boolean classic = text.toLowerCase(Locale.ROOT).contains("<top>");
    Matcher m = (classic ? TOP : DOC).matcher(text);
    long line = 1;
    int counted = 0;
    while (m.find()) {
      line += newlines(text, counted, m.start());
      counted = m.start();
      String id;
      String body;
      if (classic) {
        Matcher num = NUM.matcher(m.group(1));
        Matcher title = TITLE.matcher(m.group(1));
        if (!num.find() || !title.find()) {
          throw Formats.bad(file, line, "a <top> topic needs a <num> and a <title>");
        }
        id = num.group(1);
        body = title.group(1);
      } else {
        id = m.group(1);
        body = m.group(2);
      }
      if (id.isBlank() || body.isBlank()) {
        throw Formats.bad(file, line, "topic " + id.strip() + " has no id or no text");
      }
      topics.add(new Topic(id, body));
    }
    if (topics.isEmpty()) {
      throw Formats.bad(
          file,
          0,
          "no topics found; expected <DOC><DOCNO>n</DOCNO>...</DOC> or <top><num>...</top>");
    }
    Set<String> ids = new HashSet<>();
    for (Topic t : topics) {
      if (!ids.add(t.id())) {
        throw Formats.bad(file, 0, "topic id " + t.id() + " appears twice");
      }
    }
    return List.copyOf(topics);
  }

  private static long newlines(String text, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}

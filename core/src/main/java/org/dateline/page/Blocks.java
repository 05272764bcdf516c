package org.dateline.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Splits an element into its blocks of text in document order: each paragraph-like element is a
 * block, and text sitting directly in a container between block elements is a block of its own.
 */
final class Blocks {
  private Blocks() {}

  /** Elements that start a new block; everything else is inline. */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl",
          "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
          "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
          "thead", "tfoot", "tr", "td", "th", "ul", "caption", "center", "summary", "menu",
          "body", "html", "noscript", "legend", "option", "select", "textarea", "frameset");

  /**
   * Returns the blocks of an element.
   *
   * @param root the element
   * @return its blocks, in document order; none blank
   */
  static List<Block> of(Element root) {
    List<Block> out = new ArrayList<>();
    walk(root, out);
    return out;
  }

  private static void walk(Element container, List<Block> out) {
    if (container.normalName().equals("tr")) {
      row(container, out);
      return;
    }
    Run run = new Run(container);
    for (Node child : container.childNodes()) {
      if (child instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
        run.flush(out);
        walk(e, out);
      } else {
        run.add(child);
      }
    }
    run.flush(out);
  }

  /** A table row is one block: its cells' text joined by " | "; nested tables are walked apart. */
  private static void row(Element tr, List<Block> out) {
    StringBuilder text = new StringBuilder();
    int links = 0;
    for (Element cell : tr.children()) {
      if (cell.selectFirst("table") != null) {
        walk(cell, out);
        continue;
      }
      Run run = new Run(cell);
      for (Node n : cell.childNodes()) {
        run.add(n);
      }
      String t = run.text();
      if (!t.isEmpty()) {
        if (!text.isEmpty()) {
          text.append(" | ");
        }
        text.append(t);
        links += run.links;
      }
    }
    if (!text.isEmpty()) {
      out.add(new Block(tr, "tr", text.toString(), links));
    }
  }

  /** Inline content gathered for one block. */
  private static final class Run {
    private final Element owner;
    private final StringBuilder text = new StringBuilder();
    private int links;

    Run(Element owner) {
      this.owner = owner;
    }

    void add(Node node) {
      inline(node, false);
    }

    private void inline(Node node, boolean inLink) {
      if (node instanceof TextNode t) {
        String s = t.getWholeText();
        int before = text.length();
        appendCollapsed(s);
        if (inLink) {
          links += text.length() - before;
        }
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("br")) {
          trimTrailingSpace();
          text.append('\n');
          return;
        }
        boolean link = inLink || tag.equals("a");
        for (Node c : e.childNodes()) {
          // Block elements nested in inline ones (a <div> in an <a>, sloppy but common) still
          // count as text of this run.
          inline(c, link);
        }
        if (BLOCK_TAGS.contains(tag) || tag.equals("img")) {
          appendCollapsed(" ");
        }
      }
    }

    private void appendCollapsed(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == '\u00A0') {
          if (!text.isEmpty() && text.charAt(text.length() - 1) != ' '
              && text.charAt(text.length() - 1) != '\n') {
            text.append(' ');
          }
        } else {
          text.append(c);
        }
      }
    }

    private void trimTrailingSpace() {
      while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
        text.setLength(text.length() - 1);
      }
    }

    String text() {
      return text.toString().strip().replaceAll(" *\n+ *", "\n").replaceAll("\n{2,}", "\n");
    }

    void flush(List<Block> out) {
      String t = text();
      if (!t.isEmpty()) {
        out.add(new Block(owner, owner.normalName(), t, Math.min(links, t.length())));
      }
      text.setLength(0);
      links = 0;
    }
  }
}

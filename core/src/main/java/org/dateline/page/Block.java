package org.dateline.page;

import org.jsoup.nodes.Element;

/**
 * One block of a page's text: a paragraph, a heading, a list item, a table row, or a run of text
 * directly inside a container, with how much of it is link text.
 *
 * @param owner the element the block belongs to (its paragraph, or the container of a text run)
 * @param tag the owner's tag name, lower case
 * @param text the block's text, spaces collapsed, line breaks of {@code <br>} kept
 * @param linkChars how many of its characters are inside links
 */
record Block(Element owner, String tag, String text, int linkChars) {
  /** The share of the text that is link text, 0 to 1. */
  double linkDensity() {
    return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
  }

  /** Whether the block is a heading. */
  boolean heading() {
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
  }
}

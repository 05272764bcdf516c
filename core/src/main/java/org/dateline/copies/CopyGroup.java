package org.dateline.copies;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A copy group as {@code copies} lists it: how far one text spread among the articles a search
 * matched.
 *
 * @param group the group's name (the id of its earliest article)
 * @param title the earliest article's title
 * @param matching how many of the group's articles the search matched
 * @param size how many articles the group holds in the index
 * @param outlets the distinct sources of the matching articles, sorted; an empty source is left out
 * @param first the date of the earliest matching article, or null when none is dated
 * @param last the date of the latest matching article, or null when none is dated
 * @param ids the matching articles' ids, earliest first (by date, ties by id)
 */
public record CopyGroup(
    String group,
    String title,
    long matching,
    long size,
    List<String> outlets,
    Instant first,
    Instant last,
    List<String> ids) {
  /** Validates and copies. */
  public CopyGroup {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(title, "title");
    outlets = List.copyOf(outlets);
    ids = List.copyOf(ids);
  }
}

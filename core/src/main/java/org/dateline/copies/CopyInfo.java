package org.dateline.copies;

import java.util.Objects;

/**
 * What a search hit says about its copy group.
 *
 * @param group the group's name: the id of its earliest article (by date, ties by id); an article
 *     with no copies is a group of its own, named by its own id
 * @param earliest the id of the group's earliest article, where the text first appeared; equal to
 *     {@code group} today, kept apart so that programs need not rely on how groups are named
 * @param size how many articles the group holds in the index, this one included
 * @param folded when the search collapsed copies: how many other matching articles of the group
 *     this hit stands for; 0 otherwise
 * @param foldedOutlets when the search collapsed copies: how many distinct sources the group's
 *     matching articles come from, this hit's own included; 0 otherwise
 */
public record CopyInfo(String group, String earliest, long size, long folded, long foldedOutlets) {
  /** Validates. */
  public CopyInfo {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(earliest, "earliest");
    if (size < 1 || folded < 0 || foldedOutlets < 0) {
      throw new IllegalArgumentException(
          "size must be >= 1, folded and foldedOutlets >= 0 (got: "
              + size + ", " + folded + ", " + foldedOutlets + ")");
    }
  }

  /**
   * An article alone: its own group.
   *
   * @param id the article's id
   * @return the info
   */
  public static CopyInfo alone(String id) {
    return new CopyInfo(id, id, 1, 0, 0);
  }

  /**
   * Returns a copy saying how many matching copies a collapsed hit stands for.
   *
   * @param folded other matching articles of the group
   * @param outlets their distinct sources
   * @return the new info
   */
  public CopyInfo withFolded(long folded, long outlets) {
    return new CopyInfo(group, earliest, size, folded, outlets);
  }
}

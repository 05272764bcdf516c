package org.dateline.copies;

import java.util.List;
import java.util.Objects;

/**
 * Where an article's text also appears.
 *
 * @param id the article's id
 * @param info its copy group
 * @param copies the other articles of its group, earliest first (by date, ties by id)
 * @param reuses articles that are not in its group but share a substantial part of its text (see
 *     {@link CopyPolicy#reuseShare()}), earliest first
 */
public record Provenance(String id, CopyInfo info, List<Relative> copies, List<Relative> reuses) {
  /** Validates and copies. */
  public Provenance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(info, "info");
    copies = List.copyOf(copies);
    reuses = List.copyOf(reuses);
  }
}

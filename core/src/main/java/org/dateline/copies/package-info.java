/**
 * Copies and provenance: which articles are the same story text, which appeared first, and which
 * partly reuse another's text.
 *
 * <h2>What a copy is</h2>
 *
 * An article's text is its body cut into <em>shingles</em>: every run of {@value
 * org.dateline.copies.Shingles#WORDS} consecutive words (letters and digits, lower case; see
 * {@link org.dateline.copies.Shingles}). Two articles are <em>copies</em> when
 *
 * <ul>
 *   <li>the Jaccard similarity of their shingle sets (shared shingles over all distinct shingles of
 *       the two) is at least {@link org.dateline.copies.CopyPolicy#copyJaccard()} (0.5 by default:
 *       a re-sent story with a corrected figure, a reprint with a paragraph cut or added), and
 *   <li>their dates are at most {@link org.dateline.copies.CopyPolicy#window()} apart (3 days by
 *       default), so that a weekly template ("U.S. TO SELL 12.8 BILLION DLRS IN BILLS", the same
 *       words with new figures) is not a copy of last week's. Undated articles are compared only
 *       with undated ones.
 * </ul>
 *
 * A <em>copy group</em> is a connected component of that relation: the articles linked to each
 * other by copy pairs, directly or through other copies. Every article is in exactly one group; an
 * article with no copy is a group of its own. A group is named by its <em>earliest</em> article:
 * the first by date, ties by id (undated articles come after dated ones). Components, not pairs,
 * make the grouping a function of the set of articles alone: indexing the same articles in any
 * order, in one run or many, with any number of threads and commit intervals, gives the same
 * groups.
 *
 * <p><em>Partial reuse</em> is recorded apart: two articles that are not copies but share at least
 * {@link org.dateline.copies.CopyPolicy#reuseMinShingles()} shingles, and at least {@link
 * org.dateline.copies.CopyPolicy#reuseShare()} (20%) of either one's shingles, at any date (a
 * story quoting a long passage of wire copy). The share of each text found in the other is given
 * ({@link org.dateline.copies.Relative#shareOfThis()}).
 *
 * <h2>How it is found: MinHash and LSH banding, checked exactly</h2>
 *
 * <ol>
 *   <li>At indexing, in the indexing threads, each body's shingles are hashed to 64 bits and
 *       reduced to a MinHash signature of {@value org.dateline.copies.MinHash#HASHES} values (Broder
 *       1997), cut into {@value org.dateline.copies.MinHash#BANDS} bands of {@value
 *       org.dateline.copies.MinHash#ROWS} values. Each band's hash is indexed as a term of the
 *       article's document ({@link org.dateline.copies.CopyFields#BANDS}): the inverted index is the
 *       LSH table. Two articles with Jaccard similarity J share a band with probability {@code 1 -
 *       (1 - J^2)^64}: above 0.9999 at the copy threshold 0.5, 0.93 at 0.2, so pairs of partial
 *       reuse are found too.
 *   <li>Before each commit, in the writer's thread once the indexing threads are done ({@link
 *       org.dateline.copies.CopyGrouper}), each article added since the last commit is grouped: a
 *       near-real-time reader (it sees the uncommitted articles) finds, straight from the band
 *       postings, the articles within the time window that share enough bands for the threshold
 *       ({@link org.dateline.copies.MinHash#minBands(double)}: 3 of the 64 at Jaccard 0.5, which a
 *       pair at 0.5 reaches with probability 1 - 10<sup>-5</sup>, while two unrelated articles that
 *       share a stock phrase rarely share more than one); each candidate is checked by its exact shingle overlap, recomputed
 *       from the stored body; the walk continues from each copy found, so the whole component is
 *       collected. The banding decides which pairs are looked at; the exact check decides which are
 *       copies, so there are no false copies beyond the threshold's own choice.
 *   <li>The group's name (its earliest article's id), a 64-bit hash of the name (what collapsing
 *       compares) and its size are written as doc values ({@link org.dateline.copies.CopyFields}),
 *       updated in place with {@code IndexWriter.updateDocValues} when the group changes, and
 *       committed with the articles: a crash or rollback never leaves groups from another commit.
 * </ol>
 *
 * <h2>Upserts and deletes</h2>
 *
 * Replacing or deleting an article regroups every article that shared its group before (found from
 * the group's hash in the last commit): a group can split when its bridge goes, and when its
 * earliest article goes, the next earliest names it.
 *
 * <h2>Memory and cost</h2>
 *
 * Nothing is held per indexed article outside Lucene: the pass holds the ids changed since the last
 * commit (at most one commit interval of them) and one group's shingles at a time, so memory does
 * not grow with the index (1M articles and more). The index grows by 64 band terms per article. The
 * grouping costs 64 term lookups per segment per new article plus one shingle comparison per
 * candidate (its body is read back from the stored fields); a walk stops at {@value
 * org.dateline.copies.CopyGrouper#MAX_GROUP} members, and an article whose bands match more than
 * 5,000 others (boilerplate) is compared with the first 5,000 only. Partial reuse (asked for by
 * {@code show}) takes every article sharing one band, at any date.
 *
 * <h2>Searching</h2>
 *
 * {@link org.dateline.copies.CopyFinder} reads groups at search time: each hit's group, one hit per
 * group when collapsing, the number of distinct stories among the matches, the largest groups, and
 * an article's copies and partial reuses (computed when asked, from the same band terms, so they
 * are always current).
 *
 * <h2>Changing the thresholds</h2>
 *
 * {@link org.dateline.IndexConfig#withCopies(org.dateline.copies.CopyPolicy)} sets them for an
 * indexing run; they apply to the articles grouped in that run. To apply new thresholds to a whole
 * index, index it again (for instance with {@code dateline index --replace}).
 * {@link org.dateline.copies.CopyPolicy#OFF} turns detection off: no band terms, every article
 * alone.
 */
package org.dateline.copies;

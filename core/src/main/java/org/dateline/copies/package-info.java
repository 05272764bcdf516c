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
 *       org.dateline.copies.CopyGrouper}), each article added since the last commit is grouped in a
 *       near-real-time reader (it sees the uncommitted articles). An article new to the index only
 *       ever <em>joins</em> groups (adding an article removes no copy pair): an exact copy of an
 *       article written before, with the same date, joins that article's group by one lookup of
 *       its whole-text hash ({@link org.dateline.copies.CopyFields#TEXT}); the others' candidates
 *       are found for all of them together in one pass over the band postings in term order: the
 *       articles within the time window that share enough bands for the threshold ({@link
 *       org.dateline.copies.MinHash#minBands(double)}: 3 of the 64 at Jaccard 0.5, which a pair at
 *       0.5 reaches with probability 1 - 10<sup>-5</sup>, while two unrelated articles that share a
 *       stock phrase rarely share more than one). Each candidate is checked by its exact shingle
 *       overlap, recomputed from the stored body (or by the whole-text hash, for an exact copy),
 *       unless it is already in the new article's group: a union-find over group keys merges the
 *       groups, so a new article is compared with about one member of each group it joins. The
 *       banding decides which pairs are looked at; the exact check decides which are copies, so
 *       there are no false copies beyond the threshold's own choice.
 *   <li>The group's name (its earliest article's id), a 64-bit hash of the name (what collapsing
 *       compares) and its size are written as doc values ({@link org.dateline.copies.CopyFields}),
 *       updated in place with {@code IndexWriter.updateDocValues} when the group changes, and
 *       committed with the articles: a crash or rollback never leaves groups from another commit.
 * </ol>
 *
 * <h2>Upserts and deletes</h2>
 *
 * Replacing or deleting an article regroups every article that shared its group before (found from
 * the group's hash in the last commit) by a breadth-first <em>walk</em> over copy pairs: a group
 * can split when its bridge goes, and when its earliest article goes, the next earliest names it.
 * A walk reads the candidates of each member once per distinct (text, date): exact copies with
 * the same date have the same candidates.
 *
 * <h2>Memory and cost</h2>
 *
 * Nothing is held per indexed article outside Lucene. The pass holds, for the articles written
 * since the last commit (at most one commit interval of them: with detection on a run commits at
 * least every {@value org.dateline.IndexConfig#COPIES_COMMIT_EVERY} articles), their ids and their
 * 64 band keys packed as longs (0.5 KB each, 26 MB at 50,000), and while it finds their
 * candidates, one long per band key and one map entry per (article, candidate) pair; a band key's
 * postings are read for at most {@value org.dateline.copies.CopyGrouper#MAX_BUCKET} documents per
 * segment, and an article keeps at most 5,000 candidates (boilerplate), so the pass is bounded by
 * the commit interval, not by the index: the same at 1M articles as at 200,000. Merged groups'
 * members are found by one scan of the group keys (one long per article, streamed). The index
 * grows by 64 band terms and one text term per article. A walk stops at {@value
 * org.dateline.copies.CopyGrouper#MAX_GROUP} members. Partial reuse (asked for by {@code show})
 * takes every article sharing one band, at any date.
 *
 * <h2>Searching</h2>
 *
 * {@link org.dateline.copies.CopyFinder} reads groups at search time: each hit's group, one hit per
 * group when collapsing, the number of distinct stories among the matches (collected by {@link
 * org.dateline.copies.StoryPass} in the hits' own pass), the largest groups, and
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

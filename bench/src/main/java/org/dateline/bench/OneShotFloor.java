package org.dateline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The floor under a one-shot command-line search: the least a Lucene program does to answer one
 * query in a process of its own, measured by {@code bench/oneshot.sh} beside {@code ./dateline
 * search} with the same JVM flags and an ahead-of-time cache of its own.
 *
 * <p>It opens the index folder with {@link FSDirectory#open} and a {@link DirectoryReader},
 * parses the query with Lucene's classic {@link MultiFieldQueryParser} over {@code title} and
 * {@code body} (every word required, as Dateline's default) with {@link
 * LuceneBench#analyzer(boolean) Dateline's word analysis as a plain Lucene chain} (standard
 * tokenizer, possessives, lower case, folding, Porter), so that it matches the same words in a
 * Dateline index; takes the top 10 by score with an exact total, reads each hit's stored {@code
 * id} and {@code title} and prints them with the total. No snippets, no facets, no paging cursor,
 * no command-line parser: what is above this in Dateline's one-shot search is Dateline's own.
 *
 * <pre>{@code java ... -cp dateline-bench.jar org.dateline.bench.OneShotFloor INDEX_DIR QUERY}</pre>
 */
public final class OneShotFloor {
  /**
   * Lucene logs through java.util.logging that the vector incubator module is missing (the
   * launcher leaves it out, as Dateline's does); held here so that the logger keeps its level.
   */
  private static final Logger VECTOR_LOG =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  private OneShotFloor() {}

  /**
   * Searches once and prints the hits.
   *
   * @param args the index folder and the query
   * @throws IOException when the index cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: OneShotFloor INDEX_DIR QUERY");
      System.exit(2);
    }
    VECTOR_LOG.setLevel(Level.OFF);
    try {
      search(Path.of(args[0]), args[1], System.out);
    } catch (ParseException e) {
      System.err.println("OneShotFloor: bad query: " + e.getMessage());
      System.exit(2);
    }
  }

  /**
   * What one search found: the exact total and the ids of the top 10, best first.
   *
   * @param total how many articles match
   * @param ids the top hits' ids
   */
  record Result(long total, List<String> ids) {}

  /**
   * Opens the index, searches once, prints each top hit's rank, title and id, then the total.
   *
   * @param index the index folder
   * @param text the query, in Lucene's classic syntax
   * @param out where the hits go
   * @return the total and the top ids
   * @throws ParseException when the query is malformed
   * @throws IOException when the index cannot be read
   */
  static Result search(Path index, String text, PrintStream out)
      throws ParseException, IOException {
    Analyzer analyzer = LuceneBench.analyzer(true);
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(new String[] {"title", "body"}, analyzer);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    Query query = parser.parse(text);
    try (Directory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
      StoredFields stored = searcher.storedFields();
      Set<String> fields = Set.of("id", "title");
      List<String> ids = new ArrayList<>();
      int rank = 1;
      for (ScoreDoc sd : top.scoreDocs) {
        Document doc = stored.document(sd.doc, fields);
        out.println(rank++ + ". " + doc.get("title") + " [" + doc.get("id") + "]");
        ids.add(doc.get("id"));
      }
      out.println(top.totalHits.value() + " hits");
      return new Result(top.totalHits.value(), ids);
    }
  }
}

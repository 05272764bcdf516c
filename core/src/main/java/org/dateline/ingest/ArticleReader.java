package org.dateline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import org.dateline.Article;

/**
 * A stream of articles read from a corpus, one at a time: a corpus larger than memory never sits
 * in memory. Bad records go to the {@link ProblemLog} the reader was opened with (lenient) or end
 * the stream with a {@link CorpusFormatException} naming the file and line (strict).
 *
 * <p>Not thread-safe. Close it when done.
 */
public interface ArticleReader extends Closeable {
  /**
   * Reads the next article.
   *
   * @return the next article, or empty at the end of the corpus
   * @throws CorpusFormatException in strict mode, at the first bad record
   * @throws IOException when the input cannot be read at all
   */
  Optional<Article> next() throws IOException;

  /**
   * Returns how many bytes of input this reader has consumed so far (compressed bytes for a
   * compressed file), for a progress bar that shows percent done and time left.
   *
   * @return the bytes read so far, or -1 when this reader does not know
   */
  default long bytesRead() {
    return -1;
  }
}

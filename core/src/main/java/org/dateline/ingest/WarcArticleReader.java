package org.dateline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dateline.Article;
import org.dateline.Problem;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads a WARC file ({@code .warc}, or {@code .warc.gz} gzipped record by record), as crawlers
 * write them, with jwarc: every {@code response} record holding an HTML page with status 200 is
 * an article (see {@link WebArticles}), its id and url the page's canonical URL, else its {@code
 * WARC-Target-URI}. The HTTP body is de-chunked and decompressed, and read in the charset its
 * {@code Content-Type} declares, else the page's own.
 *
 * <p>Responses that are not HTML, not 200, or truncated ({@code WARC-Truncated}) are skipped and
 * counted, each with its record number. Other records (warcinfo, request, metadata, revisit...)
 * are never articles: they are counted by type in one warning at the end of the file. A file cut
 * off mid-record or with a damaged gzip member ends with a problem; what was read before it is
 * kept.
 */
final class WarcArticleReader implements ArticleReader {
  private final String label;
  private final InputStream in;
  private final ProblemLog log;
  private final ReadOptions options;
  private WarcReader warc;
  private long record;
  private long reading;
  private boolean done;
  private final Map<String, Integer> passedOver = new TreeMap<>();
  private final CountingStream counted;

  WarcArticleReader(String label, InputStream in, ProblemLog log, ReadOptions options) {
    this.label = label;
    this.counted = new CountingStream(in);
    this.in = counted;
    this.log = log;
    this.options = options;
  }

  @Override
  public Optional<Article> next() throws IOException {
    if (done) {
      return Optional.empty();
    }
    try {
      if (warc == null) {
        warc = new WarcReader(in);
        warc.onWarning(w -> {});
      }
      while (true) {
        reading = record + 1;
        Optional<WarcRecord> r = warc.next();
        if (r.isEmpty()) {
          finish();
          return Optional.empty();
        }
        record = reading;
        Optional<Article> a = article(r.get());
        if (a.isPresent()) {
          return a;
        }
      }
    } catch (CorpusFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      log.skip(
          new Problem(
              label,
              reading,
              "WARC damaged or cut off at record "
                  + reading
                  + ", rest of the file ignored: "
                  + e.getMessage()));
      finish();
      return Optional.empty();
    }
  }

  private void finish() {
    done = true;
    if (!passedOver.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      passedOver.forEach(
          (type, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(n).append(' ').append(type));
      log.warn(new Problem(label, 0, "records that are not pages passed over: " + sb));
    }
  }

  private Optional<Article> article(WarcRecord r) throws IOException {
    if (!(r instanceof WarcResponse response)) {
      passedOver.merge(r.type(), 1, Integer::sum);
      return Optional.empty();
    }
    String uri = response.target();
    String where = "record " + record + " (" + uri + ")";
    if (r.headers().first("WARC-Truncated").isPresent()) {
      log.skip(new Problem(label, record, where + ": truncated by the crawler"));
      return Optional.empty();
    }
    MediaType type = r.contentType();
    if (!type.base().equals(MediaType.HTTP_RESPONSE.base())
        && !type.raw().toLowerCase(Locale.ROOT).startsWith("application/http")) {
      log.skip(new Problem(label, record, where + ": not an HTTP response (" + type + ")"));
      return Optional.empty();
    }
    HttpResponse http = response.http();
    if (http.status() != 200) {
      log.skip(new Problem(label, record, where + ": HTTP status " + http.status()));
      return Optional.empty();
    }
    MediaType payload = http.contentType();
    String sub = payload.subtype().toLowerCase(Locale.ROOT);
    if (!sub.equals("html") && !sub.equals("xhtml+xml")) {
      log.skip(new Problem(label, record, where + ": not HTML (" + payload.base() + ")"));
      return Optional.empty();
    }
    byte[] bytes;
    try (MessageBody body = http.bodyDecoded(); InputStream s = body.stream()) {
      bytes = s.readNBytes(WebArticles.MAX_PAGE_BYTES + 1);
    }
    String charset = payload.parameters().get("charset");
    return WebArticles.read(bytes, charset, label, record, null, uri, log, options);
  }

  @Override
  public long bytesRead() {
    return counted.count();
  }

  @Override
  public void close() throws IOException {
    if (warc != null) {
      warc.close();
    } else {
      in.close();
    }
  }
}

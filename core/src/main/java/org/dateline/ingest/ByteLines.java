package org.dateline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at LF (a CR before it dropped), without decoding: each line is
 * decoded on its own so that a bad byte is reported with its line.
 */
final class ByteLines implements Closeable {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private int length;
  private long number;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** Reads the next line; false at the end of the stream. */
  boolean next() throws IOException {
    length = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = Math.max(in.read(buffer), 0);
        position = 0;
        if (limit == 0) {
          if (!any) {
            return false;
          }
          break;
        }
      }
      any = true;
      int end = position;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      append(end - position);
      if (end < limit) {
        position = end + 1;
        break;
      }
      position = limit;
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    number++;
    return true;
  }

  private void append(int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, position, line, length, count);
    length += count;
  }

  /** The bytes of the current line; only the first {@link #length()} count. */
  byte[] bytes() {
    return line;
  }

  /** How many bytes the current line has. */
  int length() {
    return length;
  }

  /** The 1-based number of the current line. */
  long number() {
    return number;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package org.dateline.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 decoding that replaces bad bytes with U+FFFD and tells where the first one was. */
final class Utf8 {
  private Utf8() {}

  /**
   * Decoded text.
   *
   * @param text the text, a leading byte order mark removed, bad bytes replaced by U+FFFD
   * @param firstInvalid offset of the first bad byte from the start of the input, or -1
   */
  record Decoded(String text, int firstInvalid) {
    boolean repaired() {
      return firstInvalid >= 0;
    }
  }

  static Decoded decode(byte[] bytes, int length) {
    // Fast path, for the common valid input: the JDK's own decoding, without a char buffer.
    // Without U+FFFD in the result there was nothing to replace; with one (a replacement, or a
    // U+FFFD written as such), decode again below to find where the first bad byte was.
    String fast = new String(bytes, 0, length, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return new Decoded(fast.startsWith("\uFEFF") ? fast.substring(1) : fast, -1);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    // Each byte yields at most one char (a 4-byte sequence yields two), so this never overflows.
    CharBuffer out = CharBuffer.allocate(length);
    int firstInvalid = -1;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        break;
      }
      if (result.isOverflow()) {
        throw new IllegalStateException("decoded text longer than its bytes");
      }
      if (firstInvalid < 0) {
        firstInvalid = in.position();
      }
      out.put('\uFFFD');
      in.position(in.position() + result.length());
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new Decoded(text, firstInvalid);
  }

  /** Returns the 1-based line of a byte offset. */
  static long lineOf(byte[] bytes, int offset) {
    long line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}

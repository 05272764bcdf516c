package org.dateline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written SHA-256 of the cursor fingerprint gives the platform's digest, byte for byte. */
class Sha256Test {
  @Test
  void knownAnswers() {
    // FIPS 180-4's examples: one block, and two blocks (56 bytes leave no room for the length)
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        hex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
    assertEquals(
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        hex(
            Sha256.digest(
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                    .getBytes(StandardCharsets.US_ASCII))));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        hex(Sha256.digest(new byte[0])));
  }

  @Test
  void sameAsMessageDigestAtEveryLengthAcrossBlockBoundaries() throws Exception {
    long seed = 20261127L;
    Random random = new Random(seed);
    for (int length = 0; length <= 300; length++) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      assertArrayEquals(
          MessageDigest.getInstance("SHA-256").digest(message),
          Sha256.digest(message),
          "length " + length + ", seed " + seed);
    }
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}

package org.dateline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A separate process that runs {@code dateline search '' --json --limit 1 --index DIR} over and
 * over (20 ms apart), each run opening the index afresh as a one-shot CLI search does, until a stop file
 * appears; prints one line per run: the exit code and the total. Arguments: index folder, stop
 * file.
 */
public final class SearchingProcess {
  private SearchingProcess() {}

  /**
   * Searches until told to stop.
   *
   * @param args index folder, stop file
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    Path stop = Path.of(args[1]);
    ObjectMapper json = new ObjectMapper();
    Environment env = new Environment(Map.of(), false, false);
    System.out.println("READY");
    System.out.flush();
    while (!Files.exists(stop)) {
      String[] search = {"search", "", "--json", "--limit", "1", "--index", args[0]};
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      var cmd = Dateline.commandLine(env, search);
      cmd.setOut(new PrintWriter(out, true));
      cmd.setErr(new PrintWriter(err, true));
      int code = cmd.execute(search);
      long total = -1;
      if (code == ExitCodes.OK) {
        JsonNode result = json.readTree(out.toString());
        total = result.get("total").asLong();
      }
      System.out.println(code + " " + total + (code == ExitCodes.OK ? "" : " " + err.toString().strip()));
      Thread.sleep(20); // a user's pace, not a busy loop that starves the writer of both cores
    }
  }
}

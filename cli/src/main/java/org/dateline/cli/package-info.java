/**
 * The {@code dateline} command line: picocli commands that turn flags into calls of the core
 * library ({@link org.dateline.NewsIndex}, {@link org.dateline.NewsSearcher}) and print what comes
 * back, as text for people ({@link org.dateline.cli.TextPrinter}) or JSON for programs ({@link
 * org.dateline.json.JsonPrinter}, shared with the HTTP API). Errors become messages and exit codes
 * in one place, {@link org.dateline.cli.ErrorHandler}; the codes are listed in {@link
 * org.dateline.cli.ExitCodes}.
 *
 * <p>No Lucene here: the core keeps it behind its own types.
 */
package org.dateline.cli;

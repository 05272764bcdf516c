/**
 * Ranking evaluation against relevance judgments, the way TREC does it: topics ({@link
 * org.dateline.eval.TrecTopics}), judgments ({@link org.dateline.eval.Qrels}), runs ({@link
 * org.dateline.eval.Run}), {@link org.dateline.eval.TrecEval} computing MAP, P@30, nDCG@10 and
 * recall@1000 as {@code trec_eval -c} does, {@link org.dateline.eval.Evaluation} running topics
 * through a {@link org.dateline.NewsSearcher}, and a reader for test collections stored as one HTML
 * file per document ({@link org.dateline.eval.HtmlArticleReader}).
 */
package org.dateline.eval;

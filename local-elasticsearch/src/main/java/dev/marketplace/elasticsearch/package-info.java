/**
 * Runs a real Elasticsearch server as a child process of this JVM.
 *
 * <p>The application uses it when no {@code spring.elasticsearch.uris} is configured, and integration
 * tests share one node per test JVM, so nobody has to install or start Elasticsearch by hand and
 * the tests exercise the same server the production cluster runs. Entry point:
 * {@link dev.marketplace.elasticsearch.LocalElasticsearch}.
 */
package dev.marketplace.elasticsearch;

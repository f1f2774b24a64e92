/**
 * How the app reaches Elasticsearch: a configured cluster (with an API key or user and password), or, when none is
 * configured, the JVM's shared local node from the {@code local-elasticsearch} module
 * ({@link dev.marketplace.app.elasticsearch.LocalElasticsearchEnvironment}).
 */
package dev.marketplace.app.elasticsearch;

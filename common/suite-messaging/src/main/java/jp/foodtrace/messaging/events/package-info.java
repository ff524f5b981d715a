/**
 * Payloads of the suite's events, one record per event type; the record's simple name is the
 * {@code event-type} header. They are the contract between services: add fields, never change or
 * remove one within a topic version. Serialized as JSON (ISO-8601 dates and instants).
 */
package jp.foodtrace.messaging.events;

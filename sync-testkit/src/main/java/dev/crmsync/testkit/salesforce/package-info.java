/**
 * A stateful stand-in for the Salesforce partner SOAP API (and its OAuth token endpoint) over real HTTP on
 * 127.0.0.1: Leads, Contacts and Tasks, SOQL on the fields the adapter uses, per-record errors, SOAP faults,
 * the daily API budget with {@code Sforce-Limit-Info}, and rep edits that bump {@code SystemModstamp}.
 */
package dev.crmsync.testkit.salesforce;

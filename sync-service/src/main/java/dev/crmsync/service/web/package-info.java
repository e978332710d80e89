/** HTTP in and out of the service: webhook ingress, the admin API and its token filter; translates HTTP to core calls and back. */
package dev.crmsync.service.web;

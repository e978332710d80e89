/** Adapter configuration declared as data (ConfigSpec), validated before use, with secrets as their own masked type. */
package dev.crmsync.core.config;

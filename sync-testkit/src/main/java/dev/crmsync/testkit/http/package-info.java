/** Plumbing the simulators share: injected faults and per-operation request counts. */
package dev.crmsync.testkit.http;

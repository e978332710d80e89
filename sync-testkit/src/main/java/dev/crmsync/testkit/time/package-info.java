/** Time for tests: a clock moved by hand. */
package dev.crmsync.testkit.time;

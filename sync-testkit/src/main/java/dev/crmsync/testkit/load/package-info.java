/** Load generators that drive the service over loopback HTTP the way vendors do, for benchmarks and soak tests. */
package dev.crmsync.testkit.load;

package dev.crmsync.testkit.instantly;

/** One simulated API operation. Called on a server thread after auth, rate limit and fault injection. */
interface SimEndpoint {

    SimResponse handle(SimRequest request);
}

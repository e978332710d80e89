package dev.crmsync.service.worker;

/**
 * Whether a dispatcher's next round may include backfill commands. A round that gets a turn sends at most
 * one batch, and holds the turn until its call is made, so the target's dispatchers together never send
 * more backfill calls than the budget leaves beside what live traffic keeps.
 */
public interface BackfillTurns {
    /** Takes a turn if the budget has room for one more backfill call now; true when taken. */
    boolean take();

    /** Ends a turn taken with {@link #take()}, once its round has sent what it claimed. */
    void end();
}

package dev.crmsync.adapter.instantly;

import dev.crmsync.core.spi.AdapterConfigException;
import dev.crmsync.core.spi.PermanentAdapterException;
import dev.crmsync.core.spi.TransientAdapterException;
import dev.crmsync.core.spi.WriteResult;
import java.util.Collection;
import java.util.List;

/**
 * The calls of one {@code write}, made through a client that records them. The first transient
 * failure (429, 5xx, timeout) halts the run: no further call is sent, and every item a later call
 * was for fails with that error, so the dispatcher retries them after the wait Instantly asked for;
 * items whose work was all done before stay written.
 * A permanent failure fails only the items the call was for. Not thread-safe: one per write.
 */
final class WriteRun {

    /** How a call went. */
    enum Result { DONE, REFUSED, NOT_DONE }

    private final InstantlyClient api;
    private final CallLog log;
    private TransientAdapterException halt;

    WriteRun(InstantlyClient client) {
        this.log = CallLog.recording();
        this.api = client.recordingInto(log);
    }

    InstantlyClient api() {
        return api;
    }

    List<WriteResult.Call> calls() {
        return log.calls();
    }

    /**
     * Makes one call for the open items among {@code affected}; on success each of them notes
     * {@code HTTP <status> <operation>}, on a permanent refusal each of them fails with it.
     *
     * @return false when the call failed or was not made (the run is halted, or no item is open)
     * @throws AdapterConfigException when Instantly refused the key: nothing else will work either
     */
    boolean call(Collection<WriteItem> affected, Runnable call) {
        return send(affected, call, true) == Result.DONE;
    }

    /**
     * Like {@link #call}, except that a permanent refusal fails no item: the caller then sends the
     * items one by one, so one bad value does not doom the others.
     */
    Result bulk(Collection<WriteItem> affected, Runnable call) {
        return send(affected, call, false);
    }

    private Result send(Collection<WriteItem> affected, Runnable call, boolean failOnRefusal) {
        List<WriteItem> open = affected.stream().filter(WriteItem::isOpen).toList();
        if (open.isEmpty()) {
            return Result.NOT_DONE;
        }
        if (halt != null) {
            open.forEach(item -> item.fail(halt));
            return Result.NOT_DONE;
        }
        try {
            call.run();
        } catch (TransientAdapterException e) {
            halt = e;
            open.forEach(item -> item.fail(e));
            return Result.NOT_DONE;
        } catch (PermanentAdapterException e) {
            if (failOnRefusal) {
                open.forEach(item -> item.fail(e));
            }
            return Result.REFUSED;
        }
        WriteResult.Call last = log.last();
        if (last != null) {
            open.forEach(item -> item.did("HTTP " + last.status() + " " + last.operation()));
        }
        return Result.DONE;
    }
}

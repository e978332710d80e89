package dev.crmsync.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WakeUpTest {

    @Test
    void oneSignalWakesEveryDispatcherThatFollowsTheSharedWakeUp() throws InterruptedException {
        // given: two targets' dispatchers, each waiting on its own wake-up
        WakeUp outbox = new WakeUp();
        WakeUp hubspot = new WakeUp();
        WakeUp instantly = new WakeUp();
        outbox.alsoWake(hubspot);
        outbox.alsoWake(instantly);

        // when: a worker has written commands once
        outbox.signal();

        // then: both have work to look at, not just whichever took the single permit
        assertThat(hubspot.await(Duration.ZERO)).isTrue();
        assertThat(instantly.await(Duration.ZERO)).isTrue();
    }

    @Test
    void signalsWhileNobodyWaitsCollapseIntoOneWakeUp() throws InterruptedException {
        // given
        WakeUp wakeUp = new WakeUp();

        // when
        wakeUp.signal();
        wakeUp.signal();

        // then
        assertThat(wakeUp.await(Duration.ZERO)).isTrue();
        assertThat(wakeUp.await(Duration.ZERO)).isFalse();
    }
}

package dev.crmsync.core.rules;

import dev.crmsync.core.model.Command;
import dev.crmsync.core.model.Decision;
import java.util.List;

/** What the planner decided for one change: every decision with its reason, and the commands to send. */
public record Plan(List<Decision> decisions, List<Command> commands) {
    public Plan {
        decisions = List.copyOf(decisions);
        commands = List.copyOf(commands);
    }
}

package dev.crmsync.adapter.hubspot;

import dev.crmsync.core.model.Activity;

/**
 * The {@code hs_note_body} of an activity: HubSpot renders it as rich text, so the subject becomes a
 * bold first line and the text is escaped with its line breaks kept, all within HubSpot's 65,536 characters.
 */
final class NoteBody {
    static final int MAX_LENGTH = 65_536;

    private NoteBody() {
    }

    static String of(Activity activity) {
        StringBuilder html = new StringBuilder();
        if (!activity.subject().isBlank()) {
            html.append("<p><strong>").append(escape(activity.subject())).append("</strong></p>");
        }
        if (!activity.body().isBlank()) {
            html.append("<p>").append(escape(activity.body()).replace("\r\n", "\n").replace("\n", "<br>"))
                    .append("</p>");
        }
        return html.length() <= MAX_LENGTH ? html.toString() : html.substring(0, MAX_LENGTH);
    }

    /** Just the text, escaped with its line breaks kept, for a body whose subject HubSpot shows apart (a task's). */
    static String text(String body) {
        if (body.isBlank()) {
            return "";
        }
        String html = "<p>" + escape(body).replace("\r\n", "\n").replace("\n", "<br>") + "</p>";
        return html.length() <= MAX_LENGTH ? html : html.substring(0, MAX_LENGTH);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

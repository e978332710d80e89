package dev.crmsync.service.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON between systems is UTF-8 (RFC 8259, section 8.1). The JSON parser lets some invalid forms
 * through (overlong encodings such as {@code C0 AF} for {@code /}); the JDK's strict decoder does not,
 * so a body is checked with it before it is parsed. Decodes through a small reused buffer.
 */
final class Utf8Body {
    private Utf8Body() {
    }

    static Optional<String> problem(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return Optional.of("body is not valid UTF-8: " + result.length() + " malformed byte(s) at offset "
                        + in.position());
            }
            if (result.isUnderflow()) {
                return Optional.empty();
            }
            out.clear();
        }
    }
}

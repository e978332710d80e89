package dev.crmsync.service.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The JSON body of every refusal: a stable {@code error} code and a {@code message} that says what was wrong. */
final class ErrorBody {
    private ErrorBody() {
    }

    static ResponseEntity<Map<String, Object>> of(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(map(status.value(), error, message));
    }

    static Map<String, Object> map(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        return body;
    }
}

package dev.crmsync.service.web;

import dev.crmsync.core.config.Secret;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /admin/**} requires {@code Authorization: Bearer <SYNC_ADMIN_TOKEN>}: 401 when missing,
 * 403 when wrong, compared in constant time.
 */
public final class AdminTokenFilter extends OncePerRequestFilter {
    private final Secret token;

    public AdminTokenFilter(Secret token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/admin") || path.startsWith("/admin/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(response, 401, "unauthorized", "send Authorization: Bearer <SYNC_ADMIN_TOKEN>");
            return;
        }
        if (!token.matches(header.substring(7).trim())) {
            refuse(response, 403, "forbidden", "the admin token does not match");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\""
                + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

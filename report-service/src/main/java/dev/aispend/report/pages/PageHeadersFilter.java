package dev.aispend.report.pages;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/**
 * Security headers for the pages and the files they load (scripts, styles, chart.js). The policy allows only
 * this origin's own scripts and styles (no inline script, no eval), fetches to this origin only (the reports),
 * no framing, no referrer (a token never leaves in one), and no sniffing of content types.
 */
@ServerFilter({"/", "/cfo", "/teams/**", "/assets/**", "/webjars/**"})
final class PageHeadersFilter {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            // The token form is handled by the script: a form that submitted anyway would put a token in a URL.
            "form-action 'none'",
            "frame-ancestors 'none'");

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
            // The shells hold no data, but a reader should always get the page that matches the scripts.
            "Cache-Control", "no-cache");

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        HEADERS.forEach((name, value) -> response.getHeaders().set(name, value));
    }
}

package org.wageguard.identity.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address and scheme behind a reverse proxy, believed only from the proxies the deployment names
 * ({@code wageguard.security.trusted-proxies}: addresses or CIDR blocks). A request that comes straight from a trusted
 * proxy takes its client address from {@code X-Forwarded-For} — read from the right, skipping further trusted
 * proxies, so that a value the client wrote itself at the left is never taken — and counts as HTTPS when the proxy
 * says {@code X-Forwarded-Proto: https}. From anyone else both headers are ignored. Everything downstream (the login
 * log, the CSRF refusal limit, the portal's limits per requester, HSTS and the {@code Secure} session cookie) sees the
 * result through {@link HttpServletRequest#getRemoteAddr()} and {@link HttpServletRequest#isSecure()}.
 */
class TrustedProxies extends OncePerRequestFilter {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern ENTRY = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(/\\d{1,3})?");

    private final List<IpAddressMatcher> proxies;

    /** @param setting comma-separated addresses or CIDR blocks; empty: no proxy is trusted */
    TrustedProxies(String setting) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String entry : setting == null ? new String[0] : setting.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (!ENTRY.matcher(e).matches()) {
                throw new IllegalStateException("wageguard.security.trusted-proxies：无法识别的地址“" + e
                        + "”，应为 IP 地址或 CIDR 网段（如 10.0.0.5 或 10.0.0.0/24），多个以逗号分隔");
            }
            matchers.add(new IpAddressMatcher(e));
        }
        this.proxies = Collections.unmodifiableList(matchers);
    }

    /** Whether the address is one of the configured proxies; anything that is not an IP literal is not. */
    boolean trusted(String address) {
        if (address == null || !isIpLiteral(address)) {
            return false;
        }
        for (IpAddressMatcher proxy : proxies) {
            if (proxy.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** Only literals: a host name in a header must never cause a DNS lookup. */
    private static boolean isIpLiteral(String s) {
        return IPV4.matcher(s).matches() || s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+");
    }

    /** The client as the chain of trusted proxies reports it; the direct peer when that is not a trusted proxy. */
    String client(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (!trusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isIpLiteral(hop)) {
                break; // garbage a client wrote: the last trusted hop is as far as anything is known
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return client;
    }

    /** Error pages too are answered as the client asked (HSTS on an HTTPS error page). */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.isEmpty() || !trusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = client(request);
        String proto = request.getHeader("X-Forwarded-Proto");
        boolean https = proto != null ? "https".equalsIgnoreCase(last(proto)) : request.isSecure();
        chain.doFilter(new Forwarded(request, client, https), response);
    }

    private static String last(String commaSeparated) {
        String[] values = commaSeparated.split(",");
        return values[values.length - 1].trim();
    }

    /** The request as the client sent it to the proxy. */
    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String client;
        private final boolean https;

        Forwarded(HttpServletRequest request, String client, boolean https) {
            super(request);
            this.client = client;
            this.https = https;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return https;
        }

        @Override
        public String getScheme() {
            return https ? "https" : "http";
        }

        @Override
        public int getServerPort() {
            String port = getHeader("X-Forwarded-Port");
            if (port != null && port.trim().matches("\\d{1,5}")) {
                return Integer.parseInt(port.trim());
            }
            return https == super.isSecure() ? super.getServerPort() : https ? 443 : 80;
        }
    }
}

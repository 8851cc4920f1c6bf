package vn.lienthong.hub.api;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationProvider;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import vn.lienthong.hub.security.ApiClient;
import vn.lienthong.hub.security.ClientRegistry;
import vn.lienthong.hub.security.SecurityProperties;

/**
 * Who is calling, decided with Spring Security's authentication providers over what the request carries:
 * <ul>
 * <li>an API key ({@code X-API-Key}), found by its SHA-256 among the registered clients;</li>
 * <li>a TLS client certificate, already verified by the connector against the hub's trust store
 * ({@code server.ssl.client-auth}), mapped to {@code {agency identifier}:{system code}} (a configured subject, or
 * {@code OU} and {@code CN}) by a {@link PreAuthenticatedAuthenticationProvider};</li>
 * <li>an OAuth2 access token ({@code Authorization: Bearer …} or {@code lgspaccesstoken: …}, as the Vietnamese
 * integration platforms send it), a JWT checked by a {@link JwtAuthenticationProvider}: signature by a key of the
 * configured JWK set, issuer, expiry and not-before (60 s of clock skew), audience when configured; its client claim
 * names the client.</li>
 * </ul>
 * Every credential the request carries must be valid and name the same client, else the caller is refused (401):
 * a wrong token next to a valid certificate is not ignored. The edge filter calls this before anything else
 * needs the caller, so its message-log record (401 included) stays outside authentication.
 */
@Component
public class EdgeAuthentication {

    public static final String LGSP_ACCESS_TOKEN = "lgspaccesstoken";
    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private static final Logger log = LoggerFactory.getLogger(EdgeAuthentication.class);

    private final ProviderManager keys;
    private final ProviderManager certificates;
    private final ProviderManager tokens;

    /**
     * The outcome.
     *
     * @param client  the authenticated client, if any
     * @param refusal why the caller is not authenticated, when it is not (words for the caller, no Java names)
     */
    public record Result(Optional<ApiClient> client, String refusal) {
    }

    public EdgeAuthentication(ClientRegistry clients, SecurityProperties security) {
        this.keys = new ProviderManager(new ApiKeyProvider(clients));
        PreAuthenticatedAuthenticationProvider certificate = new PreAuthenticatedAuthenticationProvider();
        certificate.setPreAuthenticatedUserDetailsService(token -> {
            X509Certificate presented = (X509Certificate) token.getCredentials();
            ApiClient client = clients.byCertificate(presented).orElseThrow(() -> new UsernameNotFoundException(
                    "the client certificate " + presented.getSubjectX500Principal().getName() + " is not a registered client's"));
            return new ClientDetails(client);
        });
        this.certificates = new ProviderManager(certificate);
        SecurityProperties.Tokens settings = security.tokens();
        if (settings.enabled()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(JwtValidators.createDefaultWithIssuer(settings.issuer()));
            if (settings.audience() != null && !settings.audience().isBlank()) {
                validators.add(new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(settings.audience())));
            }
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
            JwtAuthenticationProvider token = new JwtAuthenticationProvider(decoder);
            token.setJwtAuthenticationConverter(jwt -> {
                String claimed = jwt.getClaimAsString(settings.clientClaim());
                ApiClient client = clients.byTokenClient(claimed).orElseThrow(() -> new BadCredentialsException(
                        "the token's " + settings.clientClaim() + " '" + claimed + "' is not a registered client"));
                return new ClientAuthentication(client, jwt);
            });
            this.tokens = new ProviderManager(token);
            log.info("OAuth2 access tokens of {} accepted (keys {}, client claim {})", settings.issuer(),
                    settings.jwkSetUri(), settings.clientClaim());
        } else {
            this.tokens = null;
        }
    }

    /** The caller of this request, or why it is not authenticated. */
    public Result authenticate(HttpServletRequest request) {
        List<Authentication> presented = new ArrayList<>();
        String key = request.getHeader(EdgeFilter.API_KEY);
        if (key != null) {
            presented.add(new ApiKeyAuthentication(key));
        }
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute(CERTIFICATES);
        if (chain != null && chain.length > 0) {
            presented.add(new PreAuthenticatedAuthenticationToken(chain[0].getSubjectX500Principal().getName(), chain[0]));
        }
        String bearer = bearer(request);
        if (bearer != null) {
            presented.add(new BearerTokenAuthenticationToken(bearer));
        }
        if (presented.isEmpty()) {
            return new Result(Optional.empty(), "X-API-Key is missing (or send a client certificate or a bearer token)");
        }
        ApiClient client = null;
        for (Authentication credential : presented) {
            ApiClient found;
            try {
                found = clientOf(manager(credential).authenticate(credential));
            } catch (AuthenticationException e) {
                return new Result(Optional.empty(), refusal(credential, e));
            }
            if (client != null && !client.id().equals(found.id())) {
                return new Result(Optional.empty(), "the credentials name different clients");
            }
            client = found;
        }
        return new Result(Optional.of(client), null);
    }

    private ProviderManager manager(Authentication credential) {
        if (credential instanceof ApiKeyAuthentication) {
            return keys;
        }
        if (credential instanceof PreAuthenticatedAuthenticationToken) {
            return certificates;
        }
        if (tokens == null) {
            throw new BadCredentialsException("this hub accepts no bearer tokens (no identity provider configured)");
        }
        return tokens;
    }

    private static String refusal(Authentication credential, AuthenticationException e) {
        if (credential instanceof ApiKeyAuthentication) {
            return "X-API-Key is not valid";
        }
        if (credential instanceof PreAuthenticatedAuthenticationToken) {
            return e.getMessage();
        }
        // the decoder's words name the failed check (expired, issuer, signature), never a Java type
        String text = e.getMessage() == null ? "" : e.getMessage();
        return text.startsWith("this hub") || text.startsWith("the token") ? text
                : "the bearer token is not valid: " + text.replaceAll("(?i)an error occurred while attempting to decode the jwt: ", "");
    }

    private static ApiClient clientOf(Authentication authentication) {
        Object principal = authentication.getPrincipal();
        if (principal instanceof ClientDetails details) {
            return details.client;
        }
        return (ApiClient) principal;
    }

    /** {@code Authorization: Bearer …}, or the LGSP header {@code lgspaccesstoken} (the token, "Bearer " optional). */
    static String bearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String lgsp = request.getHeader(LGSP_ACCESS_TOKEN);
        if (lgsp != null) {
            String token = lgsp.regionMatches(true, 0, "Bearer ", 0, 7) ? lgsp.substring(7) : lgsp;
            return token.strip();
        }
        return null;
    }

    /** An API key presented by the caller. */
    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

        private final transient String key;
        private final transient ApiClient client;

        ApiKeyAuthentication(String key) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.key = key;
            this.client = null;
        }

        ApiKeyAuthentication(ApiClient client) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.key = null;
            this.client = client;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return client;
        }
    }

    /** Checks an API key against the registered clients' key hashes. */
    private static final class ApiKeyProvider implements AuthenticationProvider {

        private final ClientRegistry clients;

        ApiKeyProvider(ClientRegistry clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            return clients.authenticate((String) authentication.getCredentials()).<Authentication>map(ApiKeyAuthentication::new)
                    .orElseThrow(() -> new BadCredentialsException("X-API-Key is not valid"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiKeyAuthentication.class.isAssignableFrom(authentication);
        }
    }

    /** A client authenticated by its token. */
    private static final class ClientAuthentication extends AbstractAuthenticationToken {

        private final transient ApiClient client;
        private final transient Jwt token;

        ClientAuthentication(ApiClient client, Jwt token) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.client = client;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return client;
        }
    }

    /** A client as Spring Security's pre-authenticated provider wants it: user details. */
    private static final class ClientDetails extends User {

        private final transient ApiClient client;

        ClientDetails(ApiClient client) {
            super(client.id(), "", AuthorityUtils.NO_AUTHORITIES);
            this.client = client;
        }
    }
}

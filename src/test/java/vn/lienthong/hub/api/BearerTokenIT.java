package vn.lienthong.hub.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.log.MessageLog;

/**
 * OAuth2 client-credentials tokens at the edge, as a province's identity provider issues them: JWTs signed with a key
 * of the provider's JWK set (served here by WireMock, keys made at run time), sent as {@code Authorization: Bearer} or
 * as the LGSP header {@code lgspaccesstoken}; the claim {@code client_id} names the client.
 */
class BearerTokenIT extends HubIntegrationTest {

    private static final String ISSUER = "https://idp.h22.example.gov.vn/realms/lgsp";
    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
    private static final RSAKey SIGNING;
    private static final RSAKey FOREIGN;
    private static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());

    static {
        try {
            SIGNING = new RSAKeyGenerator(2048).keyID("h22-signing-1").generate();
            FOREIGN = new RSAKeyGenerator(2048).keyID("h22-signing-1").generate();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        PROVIDER.start();
        PROVIDER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/realms/lgsp/protocol/openid-connect/certs")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(SIGNING.toPublicJWK()).toString())));
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("hub.security.tokens.issuer", () -> ISSUER);
        registry.add("hub.security.tokens.jwk-set-uri",
                () -> "http://127.0.0.1:" + PROVIDER.port() + "/realms/lgsp/protocol/openid-connect/certs");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Autowired
    MessageLog messageLog;

    private static String token(RSAKey key, Map<String, Object> overrides) throws Exception {
        Map<String, Object> claims = new HashMap<>(Map.of("iss", ISSUER, "client_id", "000.00.00.H22:MOTCUA",
                "sub", "service-account-motcua", "exp", Date.from(Instant.now().plusSeconds(300)),
                "iat", Date.from(Instant.now()), "jti", UUID.randomUUID().toString()));
        claims.putAll(overrides);
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), set.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> lookup(Map<String, String> credentials, String transactionId) {
        Map<String, String> headers = new HashMap<>(Map.of("X-User-Id", "canbo.motcua@hanoi.gov.vn",
                "X-Purpose", "1.003560.000.00.00.H22", "X-Transaction-Id", transactionId));
        headers.putAll(credentials);
        return post("/api/v1/citizens/lookup", AN, headers);
    }

    private MessageLogRecord record(String transactionId) {
        List<MessageLogRecord> records = messageLog.findByTransaction(transactionId).stream()
                .filter(r -> "EXCHANGE".equals(r.recordType())).toList();
        assertThat(records).as(transactionId).hasSize(1);
        return records.get(0);
    }

    private void assertRefused(HttpResponse<String> answer, String transactionId, String detail) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(body(answer).path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(body(answer).path("detail").asText()).containsIgnoringCase(detail).doesNotContain("Exception")
                .doesNotContain("org.");
        assertThat(record(transactionId).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(record(transactionId).clientId()).isNull();
    }

    @Test
    void aValidTokenAuthenticatesItsClient_asBearerAndAsLgspAccessToken() throws Exception {
        HttpResponse<String> bearer = lookup(Map.of("Authorization", "Bearer " + token(SIGNING, Map.of())), "it-jwt-1");
        assertThat(bearer.statusCode()).as(bearer.body()).isEqualTo(200);
        assertThat(record("it-jwt-1").clientId()).isEqualTo("000.00.00.H22:MOTCUA");
        HttpResponse<String> lgsp = lookup(Map.of("lgspaccesstoken", token(SIGNING, Map.of())), "it-jwt-2");
        assertThat(lgsp.statusCode()).as(lgsp.body()).isEqualTo(200);
        assertThat(record("it-jwt-2").clientId()).isEqualTo("000.00.00.H22:MOTCUA");
    }

    @Test
    void theTokensClientHasItsOwnGrants() throws Exception {
        HttpResponse<String> portal = lookup(Map.of("Authorization", "Bearer "
                + token(SIGNING, Map.of("client_id", "000.00.00.H22:CONGTTDT"))), "it-jwt-3");
        assertThat(portal.statusCode()).isEqualTo(403);
        assertThat(record("it-jwt-3").clientId()).isEqualTo("000.00.00.H22:CONGTTDT");
    }

    @Test
    void anExpiredToken_isRefused() throws Exception {
        String expired = token(SIGNING, Map.of("exp", Date.from(Instant.now().minusSeconds(3600)),
                "iat", Date.from(Instant.now().minusSeconds(7200))));
        assertRefused(lookup(Map.of("Authorization", "Bearer " + expired), "it-jwt-4"), "it-jwt-4", "expired");
    }

    @Test
    void aTokenOfAnotherIssuer_isRefused() throws Exception {
        String other = token(SIGNING, Map.of("iss", "https://idp.elsewhere.example/realms/x"));
        assertRefused(lookup(Map.of("Authorization", "Bearer " + other), "it-jwt-5"), "it-jwt-5", "iss");
    }

    @Test
    void aTokenSignedByAKeyOutsideTheJwkSet_isRefused() throws Exception {
        String forged = token(FOREIGN, Map.of());
        assertRefused(lookup(Map.of("lgspaccesstoken", forged), "it-jwt-6"), "it-jwt-6", "not valid");
    }

    @Test
    void aTokenOfAnUnregisteredClient_orNoToken_isRefused() throws Exception {
        String stranger = token(SIGNING, Map.of("client_id", "000.00.00.H22:KHONGCO"));
        assertRefused(lookup(Map.of("Authorization", "Bearer " + stranger), "it-jwt-7"), "it-jwt-7", "not a registered client");
        assertRefused(lookup(Map.of("Authorization", "Bearer not-a-jwt"), "it-jwt-8"), "it-jwt-8", "not valid");
    }

    @Test
    void aTokenAndTheApiKeyOfAnotherClient_areRefused() throws Exception {
        assertRefused(lookup(Map.of("Authorization", "Bearer " + token(SIGNING, Map.of()), "X-API-Key", PORTAL_KEY),
                "it-jwt-9"), "it-jwt-9", "different clients");
    }
}

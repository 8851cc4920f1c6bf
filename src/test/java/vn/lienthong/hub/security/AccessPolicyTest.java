package vn.lienthong.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    @Test
    void deniesByDefault() {
        assertThat(policy.allows(new ApiClient("a:b", "none", List.of()), "data", "citizen-lookup")).isFalse();
    }

    @Test
    void grantsWholeCategoryOrOneService() {
        ApiClient oneStop = new ApiClient("000.00.00.H22:MOTCUA", "one-stop", List.of("data:*", "prefill:*"));
        ApiClient portal = new ApiClient("000.00.00.H22:CONGTTDT", "portal", List.of("data:enterprise-lookup"));

        assertThat(policy.allows(oneStop, "data", "citizen-lookup")).isTrue();
        assertThat(policy.allows(oneStop, "audit", "message-log")).isFalse();
        assertThat(policy.allows(portal, "data", "enterprise-lookup")).isTrue();
        assertThat(policy.allows(portal, "data", "citizen-lookup")).isFalse();
        assertThat(policy.allows(portal, "prefill", "enterprise-lookup")).isFalse();
    }

    @Test
    void ignoresMalformedGrants() {
        assertThat(policy.allows(new ApiClient("a:b", "odd", List.of("*", "data")), "data", "citizen-lookup")).isFalse();
    }
}

package vn.lienthong.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.function.Supplier;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

/**
 * Who may connect to the embedded broker, and as what. Two kinds of account, nothing anonymous:
 * <ul>
 * <li>the hub's own user ({@code spring.artemis.user} / {@code spring.artemis.password}), role {@value #HUB_ROLE}: its
 * flows, the dead-letter operations and the health check;</li>
 * <li>every agency system the edge knows ({@code hub.security.clients}): user name its client id
 * ({@code 000.00.00.H22:MOTCUA}), password its API key, role {@value #AGENCY_ROLE} and its own role
 * {@code agency:<client id>} ({@link #clientRole}).</li>
 * </ul>
 * What each role may do on which address is the broker's own security settings (see {@code DossierBrokerConfig}):
 * authorization here only matches the connection's roles against the roles the broker found for the address, as
 * Artemis's JAAS security manager does. The service grants of an agency (may it submit dossiers?) stay with the
 * intake flow, which records a denied message in the message log. A refused login and a refused action are recorded
 * in the message log too ({@link BrokerRefusalLog}).
 */
public class BrokerSecurityManager implements ActiveMQSecurityManager5 {

    /** Everything: the hub's flows, queues and management. */
    public static final String HUB_ROLE = "hub";
    /** Agency systems: send to the inbound queue, nothing else. */
    public static final String AGENCY_ROLE = "agency";
    /** Prefix of the role each agency holds alone ({@link #clientRole}). */
    public static final String CLIENT_ROLE_PREFIX = "agency:";

    /**
     * The role only this agency system holds, beside {@value #AGENCY_ROLE}: what is addressed to it alone (its
     * payment results, {@code agency.<client id>.payment-results}) is consumed under this role.
     */
    public static String clientRole(String clientId) {
        return CLIENT_ROLE_PREFIX + clientId;
    }

    private final String hubUser;
    private final byte[] hubPassword;
    private final Supplier<ClientRegistry> clients;
    private final Supplier<BrokerRefusalLog> refusals;

    /**
     * @param clients  looked up at the first login, so the broker can start before the registry exists
     * @param refusals where refusals are recorded, looked up at the first one (may answer null: not recorded)
     */
    public BrokerSecurityManager(String hubUser, String hubPassword, Supplier<ClientRegistry> clients,
            Supplier<BrokerRefusalLog> refusals) {
        if (hubUser == null || hubUser.isBlank() || hubPassword == null || hubPassword.isEmpty()) {
            throw new IllegalStateException(
                    "spring.artemis.user and spring.artemis.password (HUB_BROKER_USER, HUB_BROKER_PASSWORD) must be set");
        }
        this.hubUser = hubUser;
        this.hubPassword = hubPassword.getBytes(StandardCharsets.UTF_8);
        this.clients = clients;
        this.refusals = refusals;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        String role = role(user, password);
        if (role == null) {
            // the broker itself logs the refusal (AMQ222216, with the remote address); the message log keeps it too
            String from = connection == null ? "" : " from " + connection.getRemoteAddress();
            record(null, "login", true, "broker login refused for user '" + user + "'" + from);
            return null;
        }
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        if (AGENCY_ROLE.equals(role)) {
            subject.getPrincipals().add(new RolePrincipal(clientRole(user)));
        }
        return subject;
    }

    private String role(String user, String password) {
        if (user == null || password == null) {
            return null;
        }
        if (user.equals(hubUser)) {
            return MessageDigest.isEqual(hubPassword, password.getBytes(StandardCharsets.UTF_8)) ? HUB_ROLE : null;
        }
        return clients.get().authenticate(password).filter(client -> client.id().equals(user)).isPresent()
                ? AGENCY_ROLE : null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null || roles == null) {
            return false;
        }
        for (Role role : roles) {
            if (checkType.hasRole(role) && subject.getPrincipals().contains(new RolePrincipal(role.getName()))) {
                return true;
            }
        }
        if (address != null) {
            String user = subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst()
                    .orElse(null);
            String action = checkType.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            record(user, action, false, "the broker refused " + checkType + " on '" + address + "'");
        }
        return false;
    }

    private void record(String clientId, String operation, boolean unauthenticated, String reason) {
        BrokerRefusalLog log = refusals == null ? null : refusals.get();
        if (log != null) {
            log.refused(null, clientId, operation, unauthenticated, reason);
        }
    }

    /** The older entry points of the interface, answered the same way. */
    @Override
    public boolean validateUser(String user, String password) {
        return role(user, password) != null;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        Subject subject = authenticate(user, password, null, null);
        return subject != null && authorize(subject, roles, checkType, null);
    }

}

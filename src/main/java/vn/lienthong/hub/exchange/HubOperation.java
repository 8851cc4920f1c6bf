package vn.lienthong.hub.exchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which service and operation a handler serves: a REST handler method, a SOAP operation's implementation or
 * a queue intake's accepting method. The edge authorizes the call from this declaration before the handler runs (the
 * grant, the client's quota, user and purpose for personal data) and writes the service and operation to the message
 * log; a handler without a declaration is refused. The pair names one of {@link HubServices#ALL}, or, with
 * {@link #CATALOGUE}, the connector service the path variable {@code serviceCode} names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HubOperation {

    /** The service named by the path variable {@code serviceCode}, one of the connector catalogue's. */
    String CATALOGUE = "{serviceCode}";

    /** Service code, e.g. {@code citizen-lookup}, or {@link #CATALOGUE}. */
    String service();

    /** Operation name, e.g. {@code LookupCitizen}. */
    String operation();
}
